import { stateRevisionSchema, stateSchema, type CreateState } from '@coop/contracts';
import { z } from 'zod';
import { apiGet, apiSend } from '../platform';

const statePath = (code: string) => `/states/${encodeURIComponent(code)}`;

export const fetchStates = (signal?: AbortSignal) =>
  apiGet('/states', z.array(stateSchema), signal);

export const fetchStateRevisions = (code: string, signal?: AbortSignal) =>
  apiGet(`${statePath(code)}/revisions`, z.array(stateRevisionSchema), signal);

export const createState = (state: CreateState) => apiSend('POST', '/states', state, stateSchema);

export const recordWithdrawal = (code: string, withdrawalEffective: string) =>
  apiSend('POST', `${statePath(code)}/withdrawal`, { withdrawalEffective }, stateSchema);
