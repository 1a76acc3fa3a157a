import type { Page } from 'playwright-core';

// Reports the PRF output of every ceremony to the test, which then checks it never left the
// page. Runs before the app's own scripts, outside its CSP.
const CAPTURE_PRF = `(() => {
  const toB64url = (buffer) => {
    const bytes = buffer instanceof ArrayBuffer ? new Uint8Array(buffer)
      : new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    return btoa(String.fromCharCode(...bytes)).replace(/\\+/g, '-').replace(/\\//g, '_').replace(/=+$/, '');
  };
  for (const name of ['create', 'get']) {
    const original = CredentialsContainer.prototype[name];
    CredentialsContainer.prototype[name] = async function (...args) {
      const credential = await original.apply(this, args);
      const first = credential?.getClientExtensionResults?.().prf?.results?.first;
      if (first) window.__coopReportPrf(toB64url(first));
      return credential;
    };
  }
})();`;

export interface SentRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | null;
}

/**
 * Records every request the page sends to the platform, and every PRF output the authenticator
 * gives the page, so a test can prove no secret left the browser.
 */
export async function recordWhatLeaves(
  page: Page,
  origin: string,
  into: { sent: SentRequest[]; prfOutputs: string[] },
): Promise<void> {
  await page.exposeFunction('__coopReportPrf', (output: string) => into.prfOutputs.push(output));
  await page.addInitScript({ content: CAPTURE_PRF });
  page.on('request', (request) => {
    if (!request.url().startsWith(origin)) return;
    into.sent.push({
      method: request.method(),
      url: request.url(),
      headers: request.headers(),
      body: request.postData(),
    });
  });
}
