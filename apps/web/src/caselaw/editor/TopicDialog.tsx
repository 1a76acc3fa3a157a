import { createTopicSchema, type Topic } from '@coop/contracts';
import { useMemo, useState, type FormEvent } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { fieldErrors, useErrorMessage, zodFieldErrors } from '../../platform';
import { TEXT_LANGUAGES } from '../../i18n';
import { Alert, Button, LanguageTexts, ModalDialog, TextField } from '../../ui';
import { useCaselawT } from '../i18n';
import { CONTENT_LANGUAGES, type ContentLanguage } from '../labels';
import { useCreateTopic } from '../queries';

/** Adds a topic to the vocabulary every entry draws on: a key and a label in each language. */
export function TopicDialog({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: (topic: Topic) => void;
}) {
  const t = useCaselawT();
  const { t: appT } = useTranslation();
  const describe = useErrorMessage();
  const create = useCreateTopic();
  const [key, setKey] = useState('');
  const [labels, setLabels] = useState<Record<ContentLanguage, string>>({
    en: '',
    fr: '',
    ar: '',
    es: '',
  });
  const [checked, setChecked] = useState<Record<string, string>>({});
  const serverErrors = useMemo(() => fieldErrors(create.error, appT), [create.error, appT]);
  const errors = useMemo(() => ({ ...serverErrors, ...checked }), [serverErrors, checked]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // The dialog sits in a portal, but React still bubbles its submit to the entry's form.
    event.stopPropagation();
    const parsed = createTopicSchema.safeParse({ key: key.trim(), labels });
    if (!parsed.success) {
      setChecked(zodFieldErrors(parsed.error, appT));
      return;
    }
    setChecked({});
    create.mutate(parsed.data, { onSuccess: onCreated });
  };

  return (
    <ModalDialog
      title={t('topics.title')}
      isOpen
      isDismissable={!create.isPending}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      size="large"
    >
      <Form
        className="ui-form"
        validationBehavior="aria"
        validationErrors={errors}
        onSubmit={submit}
      >
        <p>{t('topics.intro')}</p>
        <TextField
          name="key"
          label={t('topics.key')}
          description={t('topics.keyHelp')}
          value={key}
          onChange={setKey}
          inputDir="ltr"
          maxLength={60}
          isRequired
          autoFocus
        />
        <LanguageTexts
          name="labels"
          label={t('topics.label')}
          languages={TEXT_LANGUAGES}
          required={CONTENT_LANGUAGES}
          value={labels}
          onChange={setLabels}
          maxLength={120}
        />
        {create.error && Object.keys(serverErrors).length === 0 && (
          <Alert tone="error">{describe(create.error)}</Alert>
        )}
        <div className="ui-dialog__actions">
          <Button variant="secondary" isDisabled={create.isPending} onPress={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" isPending={create.isPending}>
            {t('topics.submit')}
          </Button>
        </div>
      </Form>
    </ModalDialog>
  );
}
