import { REGIONAL_GROUPS, type RegionalGroup, type State } from '@coop/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutationFeedback } from '../platform';
import { TEXT_LANGUAGES } from '../i18n';
import { FormDialog, LanguageTexts, SelectField, TextField } from '../ui';
import { stateName, useCreateState, useRecordWithdrawal } from './queries';

// The Registry publishes every State's name in these four languages; all are required.
const NAME_LANGUAGES = TEXT_LANGUAGES.map((language) => language.code);
type NameLanguage = (typeof NAME_LANGUAGES)[number];

/** Adds a State Party, with its name in the four languages the Registry publishes. */
export function AddStateDialog({
  onClose,
  onDone,
}: {
  onClose: () => void;
  onDone: (state: State) => void;
}) {
  const { t } = useTranslation();
  const create = useCreateState();
  const [code, setCode] = useState('');
  const [names, setNames] = useState<Record<NameLanguage, string>>({
    en: '',
    fr: '',
    ar: '',
    es: '',
  });
  const [group, setGroup] = useState<RegionalGroup | null>(null);
  const [entry, setEntry] = useState('');
  const [checked, setChecked] = useState<Record<string, string>>({});
  const feedback = useMutationFeedback(create, checked);

  const submit = () => {
    const missing: Record<string, string> = {};
    if (!/^[A-Z]{3}$/.test(code)) missing.code = t('states.form.codeHelp');
    if (NAME_LANGUAGES.some((language) => !names[language].trim())) {
      missing.names = t('states.form.namesRequired');
    }
    if (!group) missing.regionalGroup = t('common.required');
    if (!entry) missing.entryIntoForce = t('common.required');
    setChecked(missing);
    if (Object.keys(missing).length > 0 || !group) return;
    create.mutate(
      {
        code,
        names: {
          en: names.en.trim(),
          fr: names.fr.trim(),
          ar: names.ar.trim(),
          es: names.es.trim(),
        },
        regionalGroup: group,
        entryIntoForce: entry,
        withdrawalEffective: null,
      },
      { onSuccess: onDone },
    );
  };
  return (
    <FormDialog
      title={t('states.form.title')}
      size="large"
      onSubmit={submit}
      onClose={onClose}
      submitLabel={t('states.form.submit')}
      {...feedback}
    >
      <TextField
        name="code"
        label={t('states.columns.code')}
        description={t('states.form.codeHelp')}
        value={code}
        onChange={(value) => setCode(value.toUpperCase())}
        maxLength={3}
        inputDir="ltr"
        isRequired
        autoFocus
      />
      <LanguageTexts
        name="names"
        label={t('states.form.names')}
        languages={TEXT_LANGUAGES}
        required={NAME_LANGUAGES}
        value={names}
        onChange={setNames}
        maxLength={200}
      />
      <div className="ui-form__row">
        <SelectField
          name="regionalGroup"
          label={t('states.columns.group')}
          placeholder={t('states.form.groupPlaceholder')}
          options={REGIONAL_GROUPS.map((id) => ({ id, label: t(`states.groups.${id}`) }))}
          value={group}
          onChange={setGroup}
          isRequired
        />
        <TextField
          name="entryIntoForce"
          type="date"
          label={t('states.columns.entryIntoForce')}
          value={entry}
          onChange={setEntry}
          inputDir="ltr"
          isRequired
        />
      </div>
    </FormDialog>
  );
}

/** Records the date a State's withdrawal from the Rome Statute takes effect. */
export function WithdrawalDialog({
  state,
  onClose,
  onDone,
}: {
  state: State;
  onClose: () => void;
  onDone: (state: State) => void;
}) {
  const { t } = useTranslation();
  const record = useRecordWithdrawal(state.code);
  const [date, setDate] = useState('');
  const feedback = useMutationFeedback(record);
  const submit = () => {
    if (date) record.mutate(date, { onSuccess: onDone });
  };
  return (
    <FormDialog
      title={t('states.withdrawal.title', { name: stateName(state) })}
      onSubmit={submit}
      onClose={onClose}
      submitLabel={t('states.withdrawal.submit')}
      {...feedback}
    >
      <p>{t('states.withdrawal.body')}</p>
      <TextField
        name="withdrawalEffective"
        type="date"
        label={t('states.columns.withdrawal')}
        value={date}
        onChange={setDate}
        inputDir="ltr"
        isRequired
        autoFocus
        validate={(value) => (value ? null : t('common.required'))}
      />
    </FormDialog>
  );
}
