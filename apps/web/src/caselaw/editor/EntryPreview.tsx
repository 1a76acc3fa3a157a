import type { Language } from '@coop/contracts';
import { CaselawBody } from '../entry/CaselawBody';
import { useCaselawT } from '../i18n';
import { pick } from '../labels';
import type { previewOf } from './form-model';

/** The preview tab: the form as readers would see it, in the language chosen. */
export function EntryPreview({
  preview,
  language,
  onLanguage,
}: {
  preview: ReturnType<typeof previewOf>;
  language: Language;
  onLanguage: (language: Language) => void;
}) {
  const t = useCaselawT();
  const title = pick(preview.view.title, language);
  return (
    <>
      <p className="caselaw-preview__note">{t('editor.previewNote')}</p>
      <h2 lang={title?.lang} className="caselaw-preview__title">
        {title?.value ?? t('editor.untitled')}
      </h2>
      <CaselawBody
        view={preview.view}
        language={language}
        onLanguage={onLanguage}
        level={3}
        preview
        unset={preview.unset}
      />
    </>
  );
}
