import { Fragment, useState } from 'react';
import { Button } from '../../ui';
import { citationText, type Citation } from '../citation';
import { useCaselawT } from '../i18n';
import { directionOf, type ContentLanguage } from '../labels';

/** The citation, shown and copied to the clipboard; the outcome is announced politely. */
export function CopyCitation({
  citation: parts,
  language,
}: {
  citation: Citation;
  language: ContentLanguage;
}) {
  const citation = citationText(parts);
  const t = useCaselawT();
  const [outcome, setOutcome] = useState<{ for: string; ok: boolean } | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(citation);
      setOutcome({ for: citation, ok: true });
    } catch {
      setOutcome({ for: citation, ok: false });
    }
  };
  const current = outcome?.for === citation ? outcome : null;
  return (
    <div className="caselaw-citation">
      <p className="caselaw-citation__label">{t('entry.citeAs')}</p>
      <p className="caselaw-citation__text" lang={language} dir={directionOf(language)}>
        {parts.parts.map((part, index) => (
          <Fragment key={index}>
            {index > 0 && parts.separator}
            {part.record ? <bdi dir="ltr">{part.text}</bdi> : part.text}
          </Fragment>
        ))}
      </p>
      <div className="caselaw-citation__actions">
        <Button variant="secondary" size="small" onPress={() => void copy()}>
          {t('entry.copyCitation')}
        </Button>
        <span role="status" className="caselaw-citation__status">
          {current?.ok ? t('entry.copied') : ''}
        </span>
      </div>
      {current && !current.ok && (
        <p role="alert" className="caselaw-citation__error">
          {t('entry.copyFailed')}
        </p>
      )}
    </div>
  );
}
