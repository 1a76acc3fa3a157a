import type { Page } from 'playwright-core';

export interface PageProblems {
  /** Console errors, uncaught exceptions, failed requests and CSP violations so far. */
  readonly list: readonly string[];
  clear(): void;
}

const CSP_BINDING = '__coopReportCspViolation';

/**
 * Records what should never happen on a healthy page. Call before the first navigation: the
 * CSP listener is installed by an init script, which runs outside the page's own policy.
 */
export async function watchPageProblems(page: Page): Promise<PageProblems> {
  const problems: string[] = [];
  page.on('console', (message) => {
    const text = message.text();
    if (message.type() === 'error' || /content security policy/i.test(text)) {
      const where = message.location().url;
      problems.push(`console ${message.type()}: ${text}${where ? ` (${where})` : ''}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  // The console says only "Failed to load resource"; this names it.
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()} ${response.url()}`);
  });
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText ?? 'unknown';
    // The page itself cancelled it (navigation, a newer query): not a failure of the server.
    if (reason === 'net::ERR_ABORTED') return;
    problems.push(`request failed: ${request.url()} (${reason})`);
  });
  await page.exposeFunction(CSP_BINDING, (report: string) => problems.push(`CSP: ${report}`));
  // A string, as this package is compiled without the DOM library.
  await page.addInitScript({
    content: `document.addEventListener('securitypolicyviolation', (e) => {
      window.${CSP_BINDING}(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') +
        ' at ' + e.sourceFile + ':' + e.lineNumber);
    });`,
  });
  return {
    get list() {
      return [...problems];
    },
    clear: () => {
      problems.length = 0;
    },
  };
}
