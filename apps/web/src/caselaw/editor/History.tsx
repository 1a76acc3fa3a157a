import type { FieldChange, RevisionDiff, RevisionSummary } from '@coop/contracts';
import { useId, useState } from 'react';
import { useErrorMessage } from '../../platform';
import { Alert, Badge, DataTable, Loading, SelectField, useDateTimeFormat } from '../../ui';
import { useCaselawT, type Translate } from '../i18n';
import { fieldLabel } from './field-label';
import { useDiff, useRevisions } from '../queries';

const WHEN: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };

function Change({ change, t }: { change: FieldChange; t: Translate }) {
  const label = fieldLabel(t, change.field);
  if (change.kind === 'value') {
    return (
      <div className="caselaw-change">
        <h4>{label}</h4>
        <dl className="caselaw-change__values">
          <dt>{t('history.before')}</dt>
          <dd>
            {change.before === null ? (
              <span className="caselaw-change__none">{t('history.none')}</span>
            ) : (
              <del>
                <bdi>{change.before}</bdi>
              </del>
            )}
          </dd>
          <dt>{t('history.after')}</dt>
          <dd>
            {change.after === null ? (
              <span className="caselaw-change__none">{t('history.none')}</span>
            ) : (
              <ins>
                <bdi>{change.after}</bdi>
              </ins>
            )}
          </dd>
        </dl>
      </div>
    );
  }
  if (change.kind === 'list') {
    return (
      <div className="caselaw-change">
        <h4>{label}</h4>
        {change.added.length > 0 && (
          <>
            <p className="caselaw-change__list-label">{t('history.added')}</p>
            <ul className="caselaw-diff">
              {change.added.map((item, index) => (
                <li key={index} className="caselaw-diff__insert">
                  <ins>
                    <bdi>{item}</bdi>
                  </ins>
                </li>
              ))}
            </ul>
          </>
        )}
        {change.removed.length > 0 && (
          <>
            <p className="caselaw-change__list-label">{t('history.removed')}</p>
            <ul className="caselaw-diff">
              {change.removed.map((item, index) => (
                <li key={index} className="caselaw-diff__delete">
                  <del>
                    <bdi>{item}</bdi>
                  </del>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    );
  }
  const lang = /\.(en|fr|ar|es)$/.exec(change.field)?.[1];
  return (
    <div className="caselaw-change">
      <h4>{label}</h4>
      <ol
        className="caselaw-diff caselaw-diff--lines"
        lang={lang}
        dir={lang === 'ar' ? 'rtl' : 'auto'}
      >
        {change.lines.map((line, index) => (
          <li key={index} className={`caselaw-diff__${line.op}`}>
            {line.op === 'insert' ? (
              <ins>
                <span className="visually-hidden">{t('history.addedLine')} </span>
                {line.text || ' '}
              </ins>
            ) : line.op === 'delete' ? (
              <del>
                <span className="visually-hidden">{t('history.removedLine')} </span>
                {line.text || ' '}
              </del>
            ) : (
              <span>{line.text || ' '}</span>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}

function DiffView({ diff }: { diff: RevisionDiff }) {
  const t = useCaselawT();
  if (diff.changes.length === 0) return <p>{t('history.noChanges')}</p>;
  return (
    <div className="caselaw-changes">
      {diff.changes.map((change) => (
        <Change key={change.field} change={change} t={t} />
      ))}
    </div>
  );
}

/** The revisions of an entry, newest first, and what changed between any two of them. */
export function History({ id }: { id: string }) {
  const t = useCaselawT();
  const describe = useErrorMessage();
  const when = useDateTimeFormat(WHEN);
  const revisions = useRevisions(id);
  const compareId = useId();
  const list = revisions.data ?? [];
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number | null>(null);
  const latest = list[0]?.number ?? null;
  const previous = list[1]?.number ?? null;
  const chosenFrom = from ?? previous;
  const chosenTo = to ?? latest;
  const diff = useDiff(id, chosenFrom, chosenTo);

  if (revisions.isPending) return <Loading />;
  if (revisions.isError) return <Alert tone="error">{describe(revisions.error)}</Alert>;

  const author = (r: RevisionSummary) => r.author?.displayName ?? t('history.system');
  const publishedBy = (r: RevisionSummary) =>
    r.publications.map((p) =>
      t(p.secondReview ? 'history.publication' : 'history.publicationAlone', {
        who: p.publishedBy.displayName,
        when: when.format(new Date(p.publishedAt)),
      }),
    );
  const options = list.map((r) => ({
    id: String(r.number),
    label: t('history.revisionOption', {
      number: r.number,
      when: when.format(new Date(r.createdAt)),
      author: author(r),
    }),
  }));
  return (
    <div className="caselaw-history">
      <DataTable caption={t('history.title')}>
        <thead>
          <tr>
            <th scope="col">{t('history.revision')}</th>
            <th scope="col">{t('history.author')}</th>
            <th scope="col">{t('history.when')}</th>
            <th scope="col">{t('history.origin')}</th>
            <th scope="col">{t('history.publishedBy')}</th>
            <th scope="col">{t('history.note')}</th>
          </tr>
        </thead>
        <tbody>
          {list.map((r) => (
            <tr key={r.number}>
              <th scope="row">
                {r.number} {r.published && <Badge tone="positive">{t('history.published')}</Badge>}
              </th>
              <td>{author(r)}</td>
              <td className="nowrap">
                <time dateTime={r.createdAt}>{when.format(new Date(r.createdAt))}</time>
              </td>
              <td>{t(`history.origins.${r.origin}`)}</td>
              <td>
                {publishedBy(r).map((line, index) => (
                  <span key={index} className="caselaw-history__publication">
                    {line}
                  </span>
                ))}
              </td>
              <td>
                <bdi>{r.note ?? ''}</bdi>
              </td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      {list.length > 1 && (
        <section className="caselaw-compare" aria-labelledby={compareId}>
          <h3 id={compareId}>{t('history.compare')}</h3>
          <div className="ui-form__row">
            <SelectField<string>
              label={t('history.from')}
              options={options}
              value={chosenFrom === null ? null : String(chosenFrom)}
              onChange={(v) => setFrom(Number(v))}
            />
            <SelectField<string>
              label={t('history.to')}
              options={options}
              value={chosenTo === null ? null : String(chosenTo)}
              onChange={(v) => setTo(Number(v))}
            />
          </div>
          {chosenFrom === chosenTo && <p>{t('history.sameRevision')}</p>}
          {diff.isPending && chosenFrom !== chosenTo && <Loading />}
          {diff.isError && <Alert tone="error">{describe(diff.error)}</Alert>}
          {diff.data && <DiffView diff={diff.data} />}
        </section>
      )}
    </div>
  );
}
