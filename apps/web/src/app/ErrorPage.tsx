import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from './use-document-title';

/** Shown inside the shell when a page fails to render; details stay out of the interface. */
export function ErrorPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('error.title'));
  return (
    <section className="page" aria-labelledby="error-title">
      <h1 id="error-title">{t('error.title')}</h1>
      <p className="page__lead">{t('error.body')}</p>
    </section>
  );
}
