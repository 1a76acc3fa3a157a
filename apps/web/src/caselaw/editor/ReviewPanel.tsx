import type { EditorEntry } from '@coop/contracts';
import { useCaselawT } from '../i18n';

/** Under the second-review rule: who may not publish this entry, and whether that is you. */
export function ReviewPanel({
  id,
  entry,
  ownWork,
}: {
  id: string;
  entry: EditorEntry;
  ownWork: boolean;
}) {
  const t = useCaselawT();
  return (
    <div id={id} className="caselaw-workflow__review">
      <p>
        <strong>{t('workflow.waitingForReview')}</strong>{' '}
        {t('workflow.reviewBy', {
          names: entry.review.authors.map((a) => a.displayName).join(', '),
        })}
      </p>
      {ownWork && <p>{t('workflow.ownWork')}</p>}
    </div>
  );
}
