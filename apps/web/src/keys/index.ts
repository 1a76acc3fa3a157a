export { KeysGate } from './KeysGate';
export { lock, markRecovered, useKeyStatus } from './key-store';
export { savePasskeyWrap } from './operations';
export { AttestKeySection } from './AttestKeySection';
export { KeyChangeWarning } from './KeyChangeWarning';
export { MyKeysSection } from './MyKeysSection';
export { keysRoutes } from './routes';
