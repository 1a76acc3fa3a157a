import { useTranslation } from 'react-i18next';
import { SelectField, type SelectOption } from '../ui';
import { useSearchFilter } from './search-filters';

const ALL = 'all';

/** A list filter kept in the address as `?name=`, offering "All" first for no filter at all. */
export function FilterSelect<K extends string>({
  name,
  label,
  options,
  allowed,
}: {
  name: string;
  label: string;
  options: readonly SelectOption<K>[];
  /** Values outside it read as no filter; without it any value in the address stands. */
  allowed?: readonly K[];
}) {
  const { t } = useTranslation();
  const [value, setValue] = useSearchFilter(name, allowed);
  return (
    <SelectField<K | typeof ALL>
      label={label}
      options={[{ id: ALL, label: t('common.all') }, ...options]}
      value={value ?? ALL}
      onChange={(next) => setValue(next === ALL ? undefined : (next as K))}
    />
  );
}
