export const STATES_ERROR_CODES = ['state-withdrawn'] as const;
export type StatesErrorCode = (typeof STATES_ERROR_CODES)[number];
