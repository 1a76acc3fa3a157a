import type { EditorEntrySummary } from '@coop/contracts';
import { Badge } from '../../ui';
import { useCaselawT } from '../i18n';

/** Draft, in review or published; a draft beside a published version says so. */
export function StatusBadge({
  entry,
}: {
  entry: Pick<EditorEntrySummary, 'status' | 'publishedRevision'>;
}) {
  const t = useCaselawT();
  const tone =
    entry.status === 'published'
      ? 'positive'
      : entry.status === 'in_review'
        ? 'warning'
        : 'neutral';
  return (
    <span className="caselaw-status">
      <Badge tone={tone}>{t(`status.${entry.status}`)}</Badge>
      {entry.status !== 'published' && entry.publishedRevision !== null && (
        <span className="caselaw-status__online">
          {t('status.publishedOnline', { number: entry.publishedRevision })}
        </span>
      )}
    </span>
  );
}
