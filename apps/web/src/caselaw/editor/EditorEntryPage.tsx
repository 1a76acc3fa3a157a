import type { CaselawKind, EditorEntry, Language, RelatedEntry } from '@coop/contracts';
import { useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { Form, Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { Link, useNavigate, useParams } from 'react-router';
import {
  ApiProblem,
  useMe,
  useErrorMessage,
  useFieldMessage,
  type FieldFailure,
  Loading,
} from '../../platform';
import { Alert, Button, ModalDialog, TextField, useDateTimeFormat } from '../../ui';
import { useTopics } from '../api';
import { CaselawPage } from '../CaselawPage';
import { CaselawBody } from '../entry/CaselawBody';
import { interfaceLanguage, useCaselawT } from '../i18n';
import { pick } from '../labels';
import { EntryFields, fieldLabel } from './EntryFields';
import {
  draftContent,
  emptyForm,
  formOf,
  formPath,
  previewOf,
  validate,
  type EntryForm,
} from './form-model';
import { History } from './History';
import {
  useCreateEntry,
  useEditorEntry,
  useEditorList,
  useUpdateEntry,
  useWorkflow,
  type WorkflowAction,
} from './queries';
import { StatusBadge } from './StatusBadge';

const WHEN: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };

const same = (a: EntryForm, b: EntryForm) =>
  JSON.stringify(draftContent(a)) === JSON.stringify(draftContent(b));

/** The API's failing fields of a 422, named like the form's fields. */
const serverIssues = (error: unknown): FieldFailure[] =>
  error instanceof ApiProblem
    ? (error.problem.errors ?? []).map((issue) => ({ ...issue, field: formPath(issue.field) }))
    : [];

/** One sentence per field path, in the interface language. */
function keyed(
  issues: FieldFailure[],
  say: (issue: FieldFailure) => string,
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const message = say(issue);
    errors[issue.field] = errors[issue.field] ? `${errors[issue.field]}; ${message}` : message;
  }
  return errors;
}

function ErrorSummary({ errors }: { errors: Record<string, string> }) {
  const t = useCaselawT();
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  return (
    <Alert tone="error">
      <p>{t('editor.fixErrors')}</p>
      <ul>
        {entries.map(([path, message]) => (
          <li key={path}>
            <strong>{fieldLabel(t, path)}</strong>: {message}
          </li>
        ))}
      </ul>
    </Alert>
  );
}

function UnpublishDialog({
  onClose,
  onConfirm,
  pending,
  error,
}: {
  onClose: () => void;
  onConfirm: (reason: string) => void;
  pending: boolean;
  error: string | null;
}) {
  const t = useCaselawT();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  return (
    <ModalDialog
      title={t('workflow.unpublishTitle')}
      role="alertdialog"
      isOpen
      isDismissable={!pending}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
    >
      <Form
        className="ui-form"
        validationBehavior="aria"
        validationErrors={missing ? { reason: t('editor.required') } : undefined}
        onSubmit={(event: FormEvent<HTMLFormElement>) => {
          event.preventDefault();
          if (!reason.trim()) {
            setMissing(true);
            return;
          }
          onConfirm(reason.trim());
        }}
      >
        <p>{t('workflow.unpublishBody')}</p>
        <TextField
          name="reason"
          label={t('workflow.reason')}
          value={reason}
          onChange={setReason}
          maxLength={500}
          isRequired
          autoFocus
        />
        {error && <Alert tone="error">{error}</Alert>}
        <div className="ui-dialog__actions">
          <Button variant="secondary" isDisabled={pending} onPress={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="danger" isPending={pending}>
            {t('workflow.unpublish')}
          </Button>
        </div>
      </Form>
    </ModalDialog>
  );
}

function Workflow({ entry, dirty }: { entry: EditorEntry; dirty: boolean }) {
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
      {needsReviewer && (
        <div id={reviewHintId} className="caselaw-workflow__review">
          <p>
            <strong>{t('workflow.waitingForReview')}</strong>{' '}
            {t('workflow.reviewBy', {
              names: entry.review.authors.map((a) => a.displayName).join(', '),
            })}
          </p>
          {ownWork && <p>{t('workflow.ownWork')}</p>}
        </div>
      )}
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

type EditorTab = 'edit' | 'preview' | 'history';

function EntryEditor({ entry, kind }: { entry: EditorEntry | null; kind: CaselawKind }) {
  const t = useCaselawT();
  const describe = useErrorMessage();
  const say = useFieldMessage();
  const navigate = useNavigate();
  const ui = interfaceLanguage();
  const topics = useTopics();
  const list = useEditorList({ status: [], q: '' });
  const [newId] = useState(() => crypto.randomUUID());
  const id = entry?.id ?? newId;
  const [baseline, setBaseline] = useState<EntryForm>(() =>
    entry ? formOf(entry.content) : emptyForm(kind),
  );
  const [form, setForm] = useState<EntryForm>(baseline);
  const [note, setNote] = useState('');
  const [checked, setChecked] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState<number | null>(null);
  const [tab, setTab] = useState<EditorTab>('edit');
  const [previewLanguage, setPreviewLanguage] = useState<Language>(ui);
  const summaryRef = useRef<HTMLDivElement>(null);
  const create = useCreateEntry();
  const update = useUpdateEntry(id);
  const save = entry ? update : create;
  const dirty = !same(form, baseline);
  const inReview = entry?.status === 'in_review';

  const related: RelatedEntry[] = (list.data?.entries ?? []).map((e) => ({
    id: e.id,
    kind: e.kind,
    title: e.title,
    documentNumbers: e.documentNumbers,
  }));
  const preview = previewOf(form, topics.data ?? [], related, id);
  const errors = useMemo(
    () => ({ ...keyed(serverIssues(save.error), say), ...checked }),
    [save.error, checked, say],
  );
  const stale = save.error instanceof ApiProblem && save.error.code === 'stale-revision';
  const saveError = serverIssues(save.error).length > 0 ? null : describe(save.error);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(null);
    const result = validate(form);
    if (!result.ok) {
      setChecked(keyed(result.issues, say));
      save.reset();
      // The summary names every problem, including those on another language's tab.
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setChecked({});
    const trimmedNote = note.trim() || undefined;
    if (!entry) {
      create.mutate(
        { id, content: result.content, note: trimmedNote },
        {
          onSuccess: (created) =>
            void navigate(`/caselaw/editor/${encodeURIComponent(created.id)}`, {
              replace: true,
              state: { created: true },
            }),
        },
      );
      return;
    }
    update.mutate(
      { baseRevision: entry.revision, content: result.content, note: trimmedNote },
      {
        onSuccess: (next) => {
          // The form restarts from what the API stored (trimmed, normalised).
          const stored = formOf(next.content);
          setForm(stored);
          setBaseline(stored);
          setNote('');
          setSaved(next.revision);
        },
      },
    );
  };

  const editPanel = (
    <Form
      className="ui-form caselaw-editor-form"
      validationBehavior="aria"
      validationErrors={errors}
      onSubmit={submit}
    >
      <div ref={summaryRef} tabIndex={-1} className="caselaw-error-summary">
        <ErrorSummary errors={errors} />
      </div>
      {inReview && <Alert tone="info">{t('workflow.inReviewHint')}</Alert>}
      <EntryFields
        form={form}
        onChange={(next) => {
          setSaved(null);
          setForm(next);
        }}
        errors={errors}
        topics={topics.data ?? []}
        entries={list.data?.entries ?? []}
        disabled={inReview}
        selfId={id}
      />
      <TextField
        name="note"
        label={t('editor.note')}
        description={t('editor.noteHelp')}
        value={note}
        onChange={setNote}
        maxLength={500}
        isDisabled={inReview}
      />
      {stale && (
        <Alert tone="error">
          <p>{t('editor.stale')}</p>
        </Alert>
      )}
      {saveError && !stale && <Alert tone="error">{saveError}</Alert>}
      {saved !== null && <Alert tone="success">{t('editor.saved', { number: saved })}</Alert>}
      <div className="ui-form__actions">
        {dirty && <span className="caselaw-unsaved">{t('editor.unsaved')}</span>}
        <Button type="submit" isPending={save.isPending} isDisabled={inReview}>
          {entry ? t('editor.save') : t('editor.createDraft')}
        </Button>
      </div>
    </Form>
  );

  return (
    <>
      {entry && <Workflow key={entry.revision} entry={entry} dirty={dirty} />}
      <Tabs
        className="caselaw-tabs caselaw-editor-tabs"
        selectedKey={tab}
        onSelectionChange={(key) => setTab(key === 'preview' || key === 'history' ? key : 'edit')}
      >
        <TabList className="caselaw-tabs__list" aria-label={t('editor.views')}>
          <Tab id="edit" className="caselaw-tabs__tab">
            {t('editor.tabs.edit')}
          </Tab>
          <Tab id="preview" className="caselaw-tabs__tab">
            {t('editor.tabs.preview')}
          </Tab>
          {entry && (
            <Tab id="history" className="caselaw-tabs__tab">
              {t('editor.tabs.history')}
            </Tab>
          )}
        </TabList>
        <TabPanel id="edit" className="caselaw-tabs__panel">
          {editPanel}
        </TabPanel>
        <TabPanel id="preview" className="caselaw-tabs__panel caselaw-preview">
          <p className="caselaw-preview__note">{t('editor.previewNote')}</p>
          {(() => {
            const title = pick(preview.view.title, previewLanguage);
            return (
              <h2 lang={title?.lang} className="caselaw-preview__title">
                {title?.value ?? t('editor.untitled')}
              </h2>
            );
          })()}
          <CaselawBody
            view={preview.view}
            language={previewLanguage}
            onLanguage={setPreviewLanguage}
            level={3}
            preview
            unset={preview.unset}
          />
        </TabPanel>
        {entry && (
          <TabPanel id="history" className="caselaw-tabs__panel">
            <History id={entry.id} />
          </TabPanel>
        )}
      </Tabs>
    </>
  );
}

export function NewEntryPage() {
  const t = useCaselawT();
  const { kind } = useParams();
  const chosen: CaselawKind = kind === 'explainer' ? 'explainer' : 'entry';
  return (
    <CaselawPage
      title={chosen === 'entry' ? t('editor.newEntry') : t('editor.newExplainer')}
      lead={t('editor.newLead')}
      actions={<Link to="/caselaw/editor">{t('editor.backToList')}</Link>}
    >
      <EntryEditor key={chosen} entry={null} kind={chosen} />
    </CaselawPage>
  );
}

export function EditEntryPage() {
  const t = useCaselawT();
  const describe = useErrorMessage();
  const { id = '' } = useParams();
  const entry = useEditorEntry(id);
  const ui = interfaceLanguage();
  if (entry.isPending) return <Loading />;
  if (entry.isError) {
    return (
      <CaselawPage title={t('editor.notFoundTitle')}>
        <Alert tone="error">{describe(entry.error)}</Alert>
        <Link to="/caselaw/editor">{t('editor.backToList')}</Link>
      </CaselawPage>
    );
  }
  const title = pick(entry.data.title, ui);
  return (
    <CaselawPage
      title={title?.value ?? entry.data.id}
      titleLang={title?.lang}
      actions={<Link to="/caselaw/editor">{t('editor.backToList')}</Link>}
    >
      <EntryEditor key={entry.data.id} entry={entry.data} kind={entry.data.kind} />
    </CaselawPage>
  );
}
