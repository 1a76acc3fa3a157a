import { useTranslation } from 'react-i18next';
import { Select, type SelectOption } from '../ui';
import { chooseLanguage, currentLanguage } from './i18n';
import { LANGUAGES, NATIVE_NAMES, type Language } from './languages';

const options: readonly SelectOption<Language>[] = LANGUAGES.map((code) => ({
  id: code,
  label: NATIVE_NAMES[code],
  lang: code,
}));

export function LanguageSwitcher({ className }: { className?: string }) {
  const { t } = useTranslation();
  return (
    <Select
      className={className}
      label={t('language.label')}
      options={options}
      value={currentLanguage()}
      onChange={(language) => void chooseLanguage(language)}
    />
  );
}
