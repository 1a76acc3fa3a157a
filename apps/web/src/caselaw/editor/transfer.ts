import {
  importFileSchema,
  importReportSchema,
  problemSchema,
  type ImportProblem,
  type ImportReport,
} from '@coop/contracts';
import { z } from 'zod';
import { apiHref, ApiProblem, STEP_UP_REQUIRED, UnexpectedResponse } from '../../platform';

/** Any state-changing call carries this header (see app/api-client). */
const CSRF_HEADER = 'X-Coop-Csrf';
const IMPORT_PATH = '/caselaw/editor/import';

/**
 * The import's refusal lists each problem with its section and row. The app's problem schema
 * keeps only `field` and `message` of each, so the refusal is read here with the whole row.
 */
const importRefusalSchema = z.looseObject({
  errors: z
    .array(
      z.looseObject({
        section: z.enum(['topics', 'entries']).optional(),
        index: z.number().int().optional(),
        id: z.string().nullable().optional(),
        field: z.string(),
        message: z.string(),
      }),
    )
    .optional(),
});

export type ImportOutcome =
  | { ok: true; report: ImportReport }
  | { ok: false; detail: string; problems: Partial<ImportProblem>[] };

/** The file is not something to send: not JSON, or not an export of this platform. */
export class UnreadableFile extends Error {
  constructor(readonly reason: 'json' | 'format') {
    super(reason === 'json' ? 'The file is not JSON.' : 'The file is not a case-law export.');
    this.name = 'UnreadableFile';
  }
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

function send(body: string): Promise<Response> {
  return fetch(apiHref(IMPORT_PATH), {
    method: 'POST',
    headers: {
      accept: 'application/json, application/problem+json',
      'content-type': 'application/json',
      [CSRF_HEADER]: '1',
    },
    body,
    credentials: 'same-origin',
  });
}

/**
 * Sends an export file to be imported, all or nothing. The API asks for a fresh passkey
 * confirmation; `stepUp` obtains it and the file is sent once more.
 */
export async function importFile(
  text: string,
  stepUp: () => Promise<void>,
): Promise<ImportOutcome> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new UnreadableFile('json');
  }
  if (!importFileSchema.safeParse(parsed).success) throw new UnreadableFile('format');
  const body = JSON.stringify(parsed);

  let response = await send(body);
  let answer = await readJson(response);
  let problem = problemSchema.safeParse(answer);
  if (!response.ok && problem.success && problem.data.type === STEP_UP_REQUIRED) {
    await stepUp();
    response = await send(body);
    answer = await readJson(response);
    problem = problemSchema.safeParse(answer);
  }
  if (response.ok) {
    const report = importReportSchema.safeParse(answer);
    if (!report.success) throw new UnexpectedResponse(response.status);
    return { ok: true, report: report.data };
  }
  if (!problem.success) throw new UnexpectedResponse(response.status);
  if (response.status === 422) {
    const refusal = importRefusalSchema.safeParse(answer);
    return {
      ok: false,
      detail: problem.data.detail,
      problems: refusal.success ? (refusal.data.errors ?? []) : [],
    };
  }
  throw new ApiProblem(problem.data);
}

/** The address of an export, which the browser downloads itself. */
export const exportHref = (format: 'json' | 'csv') =>
  apiHref(`/caselaw/editor/export?format=${format}`);
