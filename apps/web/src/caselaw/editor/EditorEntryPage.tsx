import type { CaselawKind } from '@coop/contracts';
import { Link, useParams } from 'react-router';
import { useErrorMessage } from '../../platform';
import { Alert, Loading } from '../../ui';
import { CaselawPage } from '../CaselawPage';
import { interfaceLanguage, useCaselawT } from '../i18n';
import { pick } from '../labels';
import { EntryEditor } from './EntryEditor';
import { useEditorEntry } from '../queries';

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
