import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { RouterProvider } from 'react-router/dom';
import { I18nProviders } from '../i18n';
import { ApiProblem, markSignedOut, setSignedOutListener } from '../platform';
import { StepUpProvider } from '../webauthn';
import { createAppRouter } from './router';

function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        refetchOnWindowFocus: false,
        // An answer from the API (403, 404…) will not change on a second try; a lost one might.
        retry: (failures, error) => !(error instanceof ApiProblem) && failures < 1,
      },
    },
  });
}

export function App() {
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(createAppRouter);
  useEffect(() => {
    setSignedOutListener(() => markSignedOut(queryClient));
    return () => setSignedOutListener(undefined);
  }, [queryClient]);
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProviders>
        <StepUpProvider>
          <RouterProvider router={router} />
        </StepUpProvider>
      </I18nProviders>
    </QueryClientProvider>
  );
}
