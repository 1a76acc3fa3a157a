import { readinessSchema, type Readiness } from '@coop/contracts';
import { apiGet, ApiProblem } from '../platform';

export type ReadinessOutcome =
  { state: 'ready'; readiness: Readiness } | { state: 'not-ready'; detail: string };

/** A 503 is an answer, not a failure: the platform is up and says why it is not ready. */
export async function fetchReadiness(signal: AbortSignal): Promise<ReadinessOutcome> {
  try {
    return { state: 'ready', readiness: await apiGet('/health/ready', readinessSchema, signal) };
  } catch (error) {
    if (error instanceof ApiProblem && error.problem.status === 503) {
      return { state: 'not-ready', detail: error.problem.detail };
    }
    throw error;
  }
}
