import { errorCodeOf, problemSchema, type ErrorCode, type ProblemDocument } from '@coop/contracts';

/** The few things we need from a schema; zod's schemas from @coop/contracts fit. */
export interface Schema<T> {
  safeParse(input: unknown): { success: true; data: T } | { success: false };
}

/** The API answered with an RFC 9457 problem document. */
export class ApiProblem extends Error {
  constructor(readonly problem: ProblemDocument) {
    super(problem.detail);
    this.name = 'ApiProblem';
  }

  /** The code the problem type names, e.g. `step-up-required`; undefined for one we do not know. */
  get code(): ErrorCode | undefined {
    return errorCodeOf(this.problem.type);
  }
}

/** The API answered, but not with something this client understands. */
export class UnexpectedResponse extends Error {
  constructor(readonly status: number) {
    super(`Unexpected response (HTTP ${status})`);
    this.name = 'UnexpectedResponse';
  }
}

/** The user closed the passkey confirmation, so the sensitive request was not retried. */
export class StepUpCancelled extends Error {
  constructor() {
    super('The passkey confirmation was cancelled.');
    this.name = 'StepUpCancelled';
  }
}

/** Any state-changing call must carry this header; a cross-site form cannot set it. */
const CSRF_HEADER = 'X-Coop-Csrf';
const API_BASE = '/api/v1';

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** Confirms the user's presence with a passkey; rejects with StepUpCancelled if they decline. */
export type StepUpHandler = () => Promise<void>;

let stepUpHandler: StepUpHandler | undefined;
let onSignedOut: (() => void) | undefined;

/** Installed by the step-up dialog, so every sensitive request can ask for a confirmation. */
export function setStepUpHandler(handler: StepUpHandler | undefined): void {
  stepUpHandler = handler;
}

/** Told when the API says the session is gone (ended, revoked, account suspended). */
export function setSignedOutListener(listener: (() => void) | undefined): void {
  onSignedOut = listener;
}

/** `path?query`, leaving out empty values. */
export function withQuery(path: string, query: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, value);
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/** The address of an API resource, for links the browser follows itself (downloads). */
export function apiHref(path: string): string {
  return `${API_BASE}${path}`;
}

interface RequestOptions {
  method: Method;
  body?: unknown;
  signal?: AbortSignal;
}

async function send({ method, body, signal }: RequestOptions, url: string): Promise<Response> {
  const headers: Record<string, string> = {
    accept: 'application/json, application/problem+json',
  };
  if (method !== 'GET') headers[CSRF_HEADER] = '1';
  if (body !== undefined) headers['content-type'] = 'application/json';
  return fetch(url, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
    signal,
  });
}

async function failure(response: Response): Promise<Error> {
  const problem = problemSchema.safeParse(await readJson(response));
  return problem.success ? new ApiProblem(problem.data) : new UnexpectedResponse(response.status);
}

/**
 * One API call. A sensitive call refused for want of a fresh passkey confirmation is confirmed
 * through the step-up handler and sent once more.
 */
async function request(url: string, options: RequestOptions): Promise<Response> {
  let response = await send(options, url);
  if (response.ok) return response;
  let error = await failure(response);
  if (error instanceof ApiProblem && error.code === 'step-up-required' && stepUpHandler) {
    await stepUpHandler();
    response = await send(options, url);
    if (response.ok) return response;
    error = await failure(response);
  }
  if (error instanceof ApiProblem && error.code === 'unauthenticated') onSignedOut?.();
  throw error;
}

async function parse<T>(response: Response, schema: Schema<T>): Promise<T> {
  const parsed = schema.safeParse(await readJson(response));
  if (!parsed.success) throw new UnexpectedResponse(response.status);
  return parsed.data;
}

export async function apiGet<T>(path: string, schema: Schema<T>, signal?: AbortSignal): Promise<T> {
  return parse(await request(`${API_BASE}${path}`, { method: 'GET', signal }), schema);
}

/** A state-changing call whose answer is read with `schema`. */
export async function apiSend<T>(
  method: Exclude<Method, 'GET'>,
  path: string,
  body: unknown,
  schema: Schema<T>,
): Promise<T> {
  return parse(await request(`${API_BASE}${path}`, { method, body }), schema);
}

/** A state-changing call whose answer carries nothing we need (204, or an echo). */
export async function apiCall(
  method: Exclude<Method, 'GET'>,
  path: string,
  body?: unknown,
): Promise<void> {
  const response = await request(`${API_BASE}${path}`, { method, body });
  await response.body?.cancel();
}

async function readJson(response: Response): Promise<unknown> {
  const type = response.headers.get('content-type') ?? '';
  if (!/^application\/(problem\+)?json\b/i.test(type)) return undefined;
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}
