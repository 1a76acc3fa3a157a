export { KeysGate } from './KeysGate';
export { endSession, lock, markRecovered, useKeyStatus } from './key-store';
export { savePasskeyWrap } from './operations';
