export { expectNoSeriousA11yViolations } from './accessibility';
export { startBuiltServer } from './built-server';
export type { BuiltServer } from './built-server';
export { CHROMIUM_PATH, launchBrowser } from './launch-browser';
export { watchPageProblems } from './page-problems';
export type { PageProblems } from './page-problems';
export { addVirtualAuthenticator } from './virtual-authenticator';
export type { VirtualAuthenticator } from './virtual-authenticator';
