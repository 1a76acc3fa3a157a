import type { CaselawKind, EditorEntry, Language, RelatedEntry } from '@coop/contracts';
import { useState } from 'react';
import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { useEditorList, useTopics } from '../queries';
import { interfaceLanguage, useCaselawT } from '../i18n';
import { EditForm } from './EditForm';
import { EntryPreview } from './EntryPreview';
import { draftContent, emptyForm, formOf, previewOf, type EntryForm } from './form-model';
import { History } from './History';
import { useEntrySave } from './use-entry-save';
import { WorkflowPanel } from './WorkflowPanel';

type EditorTab = 'edit' | 'preview' | 'history';

const same = (a: EntryForm, b: EntryForm) =>
  JSON.stringify(draftContent(a)) === JSON.stringify(draftContent(b));

/** A new or stored entry: its workflow, and tabs to edit it, preview it and read its history. */
export function EntryEditor({ entry, kind }: { entry: EditorEntry | null; kind: CaselawKind }) {
  const t = useCaselawT();
  const topics = useTopics();
  const list = useEditorList({ status: [], q: '' });
  const [newId] = useState(() => crypto.randomUUID());
  const id = entry?.id ?? newId;
  const [baseline, setBaseline] = useState<EntryForm>(() =>
    entry ? formOf(entry.content) : emptyForm(kind),
  );
  const [form, setForm] = useState<EntryForm>(baseline);
  const [tab, setTab] = useState<EditorTab>('edit');
  const [previewLanguage, setPreviewLanguage] = useState<Language>(interfaceLanguage());
  const dirty = !same(form, baseline);
  const save = useEntrySave({
    entry,
    id,
    form,
    onStored: (stored) => {
      setForm(stored);
      setBaseline(stored);
    },
  });

  const related: RelatedEntry[] = (list.data?.entries ?? []).map((e) => ({
    id: e.id,
    kind: e.kind,
    title: e.title,
    documentNumbers: e.documentNumbers,
  }));

  return (
    <>
      {entry && <WorkflowPanel key={entry.revision} entry={entry} dirty={dirty} />}
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
          <EditForm
            entry={entry}
            id={id}
            form={form}
            onChange={setForm}
            dirty={dirty}
            save={save}
            topics={topics.data ?? []}
            entries={list.data?.entries ?? []}
          />
        </TabPanel>
        <TabPanel id="preview" className="caselaw-tabs__panel caselaw-preview">
          <EntryPreview
            preview={previewOf(form, topics.data ?? [], related, id)}
            language={previewLanguage}
            onLanguage={setPreviewLanguage}
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
