import { useTranslation } from 'react-i18next';

/** Said, politely, while something the screen needs is still on its way. */
export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      {t('common.loading')}
    </p>
  );
}
