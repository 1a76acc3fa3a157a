export { KeysGate } from './KeysGate';
export { lock, markRecovered, useKeyStatus } from './key-store';
export { savePasskeyWrap } from './operations';
export { AttestKeySection } from './AttestKeySection';
export { ContactPage } from './ContactPage';
export { KeyChangeWarning } from './KeyChangeWarning';
export { PeoplePage } from './PeoplePage';
export { MyKeysSection } from './MyKeysSection';
