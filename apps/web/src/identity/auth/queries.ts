import type { Me } from '@coop/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useSession } from '../../platform';
import { previewInvitation, registerWithInvitation, signInWithPasskey } from '../../webauthn';

/** The invitation behind a link, asked for once: a spent or expired link stays so. */
export function useInvitationPreview(token: string, enabled: boolean) {
  return useQuery({
    queryKey: ['identity', 'invitation', token],
    queryFn: () => previewInvitation(token),
    enabled,
    retry: false,
    staleTime: Infinity,
  });
}

/** Redeems the invitation with a new passkey of the given name, which signs the person in. */
export function useRegisterWithInvitation(token: string, onSuccess: (me: Me) => void) {
  return useMutation({
    mutationFn: (passkeyName: string) => registerWithInvitation(token, passkeyName),
    onSuccess,
  });
}

export function useSignIn() {
  const { signedIn } = useSession();
  return useMutation({ mutationFn: signInWithPasskey, onSuccess: signedIn });
}
