import { useQuery } from '@tanstack/react-query';
import { fetchReadiness } from './api';

export function useReadiness() {
  return useQuery({
    queryKey: ['platform', 'readiness'],
    queryFn: ({ signal }) => fetchReadiness(signal),
    retry: false,
    staleTime: 0,
  });
}
