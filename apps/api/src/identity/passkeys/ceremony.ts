export type Ceremony = 'register' | 'sign-in' | 'step-up' | 'add-passkey';
