import { readinessSchema, type Readiness } from '@coop/contracts';
import { useQuery } from '@tanstack/react-query';
import { apiGet, ApiProblem } from '../platform';

export type ReadinessOutcome =
  { state: 'ready'; readiness: Readiness } | { state: 'not-ready'; detail: string };

/** A 503 is an answer, not a failure: the platform is up and says why it is not ready. */
async function fetchReadiness(signal: AbortSignal): Promise<ReadinessOutcome> {
  try {
    return { state: 'ready', readiness: await apiGet('/health/ready', readinessSchema, signal) };
  } catch (error) {
    if (error instanceof ApiProblem && error.problem.status === 503) {
      return { state: 'not-ready', detail: error.problem.detail };
    }
    throw error;
  }
}

export function useReadiness() {
  return useQuery({
    queryKey: ['platform', 'readiness'],
    queryFn: ({ signal }) => fetchReadiness(signal),
    retry: false,
    staleTime: 0,
  });
}
