import { useMemo } from 'react';
import { useLocale } from 'react-aria-components';

// Pass options defined once at module level: a new object each render defeats the memo.
export function useNumberFormat(options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const { locale } = useLocale();
  return useMemo(() => new Intl.NumberFormat(locale, options), [locale, options]);
}

export function useDateTimeFormat(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const { locale } = useLocale();
  return useMemo(() => new Intl.DateTimeFormat(locale, options), [locale, options]);
}
