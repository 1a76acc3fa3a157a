import type { ReactNode } from 'react';
import { I18nProvider } from 'react-aria-components';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { i18n } from './i18n';

function AriaLocale({ children }: { children: ReactNode }) {
  const { i18n: instance } = useTranslation();
  return <I18nProvider locale={instance.resolvedLanguage ?? 'en'}>{children}</I18nProvider>;
}

/** i18next for our strings, react-aria's locale for its own (dates, numbers, direction). */
export function I18nProviders({ children }: { children: ReactNode }) {
  return (
    <I18nextProvider i18n={i18n}>
      <AriaLocale>{children}</AriaLocale>
    </I18nextProvider>
  );
}
