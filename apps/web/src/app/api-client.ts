import { problemSchema, type ProblemDocument } from '@coop/contracts';

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
}

/** The API answered, but not with something this client understands. */
export class UnexpectedResponse extends Error {
  constructor(readonly status: number) {
    super(`Unexpected response (HTTP ${status})`);
    this.name = 'UnexpectedResponse';
  }
}

const API_BASE = '/api/v1';

export async function apiGet<T>(path: string, schema: Schema<T>, signal?: AbortSignal): Promise<T> {
  const response = await fetch(`${API_BASE}${path}`, {
    headers: { accept: 'application/json, application/problem+json' },
    credentials: 'same-origin',
    signal,
  });
  const body: unknown = await readJson(response);
  if (!response.ok) {
    const problem = problemSchema.safeParse(body);
    if (problem.success) throw new ApiProblem(problem.data);
    throw new UnexpectedResponse(response.status);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new UnexpectedResponse(response.status);
  return parsed.data;
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
