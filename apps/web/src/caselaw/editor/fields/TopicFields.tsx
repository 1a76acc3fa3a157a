import type { Topic } from '@coop/contracts';
import { useState } from 'react';
import { Button, CheckboxGroup } from '../../../ui';
import { interfaceLanguage, useCaselawT } from '../../i18n';
import { TopicDialog } from '../TopicDialog';
import { Fieldset, type GroupProps } from './parts';

/** The topics an entry is filed under, with a way to add one to the vocabulary. */
export function TopicFields({ form, update, disabled, topics }: GroupProps & { topics: Topic[] }) {
  const t = useCaselawT();
  const ui = interfaceLanguage();
  const [addingTopic, setAddingTopic] = useState(false);
  return (
    <Fieldset legend={t('editor.sections.topics')}>
      <CheckboxGroup
        name="topics"
        label={t('editor.fields.topics')}
        options={topics.map((topic) => ({ id: topic.key, label: topic.labels[ui] }))}
        value={form.topics.filter((key) => topics.some((topic) => topic.key === key))}
        onChange={(next) => update({ topics: next })}
        className="caselaw-topics"
      />
      <div>
        <Button
          variant="secondary"
          size="small"
          isDisabled={disabled}
          onPress={() => setAddingTopic(true)}
        >
          {t('topics.open')}
        </Button>
      </div>
      {addingTopic && (
        <TopicDialog
          onClose={() => setAddingTopic(false)}
          onCreated={(topic) => {
            setAddingTopic(false);
            update({ topics: [...form.topics, topic.key] });
          }}
        />
      )}
    </Fieldset>
  );
}
