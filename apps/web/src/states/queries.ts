import type { CreateState, State } from '@coop/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n';
import { useMe } from '../platform';
import type { SelectOption } from '../ui';
import { createState, fetchStateRevisions, fetchStates, recordWithdrawal } from './api';

export const STATES_QUERY_KEY = ['states'] as const;

/** The States Parties; only signed-in users may read them. */
export function useStates() {
  const { data: me } = useMe();
  return useQuery({
    queryKey: STATES_QUERY_KEY,
    queryFn: ({ signal }) => fetchStates(signal),
    staleTime: 5 * 60_000,
    enabled: !!me,
  });
}

export function useStateRevisions(code: string) {
  return useQuery({
    queryKey: [...STATES_QUERY_KEY, code, 'revisions'],
    queryFn: ({ signal }) => fetchStateRevisions(code, signal),
  });
}

/** A State's name in the interface language. */
export function stateName(state: State): string {
  return state.names[currentLanguage()];
}

/** Looks a State's name up by code; the code itself while the list loads or if unknown. */
export function useStateName(): (code: string | null) => string {
  const { data } = useStates();
  // Subscribes the caller to language changes, as the name depends on the language.
  useTranslation();
  return (code) => {
    if (!code) return '';
    const state = data?.find((s) => s.code === code);
    return state ? stateName(state) : code;
  };
}

/** States a person can be attached to (no withdrawal in effect), sorted by name. */
export function useStateOptions(): SelectOption<string>[] {
  const { data } = useStates();
  const { i18n } = useTranslation();
  const collator = new Intl.Collator(i18n.resolvedLanguage);
  const today = new Date().toISOString().slice(0, 10);
  return (data ?? [])
    .filter((state) => state.withdrawalEffective === null || state.withdrawalEffective > today)
    .map((state) => ({ id: state.code, label: stateName(state) }))
    .sort((a, b) => collator.compare(a.label, b.label));
}

function useStatesChanged() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: STATES_QUERY_KEY });
}

export function useCreateState() {
  const changed = useStatesChanged();
  return useMutation({
    mutationFn: (state: CreateState) => createState(state),
    onSuccess: changed,
  });
}

export function useRecordWithdrawal(code: string) {
  const changed = useStatesChanged();
  return useMutation({
    mutationFn: (withdrawalEffective: string) => recordWithdrawal(code, withdrawalEffective),
    onSuccess: changed,
  });
}
