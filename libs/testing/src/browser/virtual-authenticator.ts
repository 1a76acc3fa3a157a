import type { CDPSession, Page } from 'playwright-core';

export interface VirtualAuthenticator {
  readonly authenticatorId: string;
  /** The DevTools session the authenticator lives in; detaching it removes the authenticator. */
  readonly session: CDPSession;
}

/**
 * A platform authenticator inside Chromium that holds discoverable credentials, verifies the
 * user and evaluates the PRF extension, answering every ceremony without a prompt.
 */
export async function addVirtualAuthenticator(page: Page): Promise<VirtualAuthenticator> {
  const session = await page.context().newCDPSession(page);
  await session.send('WebAuthn.enable', { enableUI: false });
  const { authenticatorId } = await session.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      ctap2Version: 'ctap2_1',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      hasPrf: true,
      automaticPresenceSimulation: true,
    },
  });
  return { authenticatorId, session };
}
