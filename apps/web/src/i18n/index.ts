export { chooseLanguage, currentLanguage, i18n, setupI18n } from './i18n';
export type { Catalogue } from './i18n';
export { I18nProviders } from './I18nProviders';
export { LanguageSwitcher } from './LanguageSwitcher';
export { directionOf, LANGUAGES, NATIVE_NAMES, TEXT_LANGUAGES } from './languages';
export type { Language } from './languages';
