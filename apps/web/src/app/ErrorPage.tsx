import { useTranslation } from 'react-i18next';
import { Page } from '../platform';

/** Shown inside the shell when a page fails to render; details stay out of the interface. */
export function ErrorPage() {
  const { t } = useTranslation();
  return <Page title={t('error.title')} lead={t('error.body')} />;
}
