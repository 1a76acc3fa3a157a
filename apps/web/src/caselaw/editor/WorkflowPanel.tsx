import type { EditorEntry } from '@coop/contracts';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { useErrorMessage, useMe } from '../../platform';
import { Alert, Button, useDateTimeFormat } from '../../ui';
import { useCaselawT } from '../i18n';
import type { WorkflowAction } from '../api';
import { useWorkflow } from '../queries';
import { ReviewPanel } from './ReviewPanel';
import { StatusBadge } from './StatusBadge';
import { UnpublishDialog } from './UnpublishDialog';

const WHEN: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };

/** Where the entry stands (draft, in review, published) and the steps open from there. */
export function WorkflowPanel({ entry, dirty }: { entry: EditorEntry; dirty: boolean }) {
  const t = useCaselawT();
  const describe = useErrorMessage();
  const when = useDateTimeFormat(WHEN);
  const workflow = useWorkflow(entry.id);
  const [done, setDone] = useState<{ action: WorkflowAction; revision: number } | null>(null);
  const [unpublishing, setUnpublishing] = useState(false);
  const run = (action: WorkflowAction, reason?: string) => {
    setDone(null);
    workflow.mutate(
      { action, revision: entry.revision, reason },
      {
        onSuccess: (next) => {
          setUnpublishing(false);
          setDone({ action, revision: next.publishedRevision ?? next.revision });
        },
      },
    );
  };
  const error = unpublishing ? null : describe(workflow.error);
  const person = (p: EditorEntry['updatedBy']) => p?.displayName ?? t('history.system');
  const { data: me } = useMe();
  const reviewHintId = useId();
  const inReview = entry.status === 'in_review';
  const needsReviewer = inReview && entry.review.secondReview;
  const ownWork = needsReviewer && entry.review.authors.some((a) => a.id === me?.user.id);
  return (
    <section className="caselaw-workflow card" aria-label={t('workflow.title')}>
      <div className="caselaw-workflow__state">
        <StatusBadge entry={entry} />
        <span>{t('workflow.revision', { number: entry.revision })}</span>
        <span className="caselaw-workflow__meta">
          {t('workflow.updated', {
            when: when.format(new Date(entry.updatedAt)),
            who: person(entry.updatedBy),
          })}
        </span>
        {entry.publishedRevision !== null && (
          <Link to={`/caselaw/${encodeURIComponent(entry.id)}`}>{t('workflow.readerView')}</Link>
        )}
      </div>
      <div className="caselaw-workflow__actions">
        {entry.status === 'draft' && (
          <Button isDisabled={dirty} isPending={workflow.isPending} onPress={() => run('submit')}>
            {t('workflow.submit')}
          </Button>
        )}
        {entry.status === 'in_review' && (
          <>
            <Button
              variant="secondary"
              isPending={workflow.isPending}
              onPress={() => run('return')}
            >
              {t('workflow.return')}
            </Button>
            <Button
              isPending={workflow.isPending}
              isDisabled={ownWork}
              aria-describedby={needsReviewer ? reviewHintId : undefined}
              onPress={() => run('publish')}
            >
              {t('workflow.publish')}
            </Button>
          </>
        )}
        {entry.publishedRevision !== null && (
          <Button
            variant="danger"
            isDisabled={workflow.isPending}
            onPress={() => {
              workflow.reset();
              setUnpublishing(true);
            }}
          >
            {t('workflow.unpublish')}
          </Button>
        )}
      </div>
      {dirty && entry.status === 'draft' && (
        <p className="caselaw-workflow__hint">{t('workflow.saveFirst')}</p>
      )}
      {inReview && <p className="caselaw-workflow__hint">{t('workflow.inReviewHint')}</p>}
      {needsReviewer && <ReviewPanel id={reviewHintId} entry={entry} ownWork={ownWork} />}
      {done && (
        <Alert tone="success">
          {t(`workflow.done.${done.action}`, { revision: done.revision })}
        </Alert>
      )}
      {error && <Alert tone="error">{error}</Alert>}
      {unpublishing && (
        <UnpublishDialog
          pending={workflow.isPending}
          error={describe(workflow.error)}
          onClose={() => setUnpublishing(false)}
          onConfirm={(reason) => run('unpublish', reason)}
        />
      )}
    </section>
  );
}
