import { Button, Label, Select as AriaSelect, SelectValue } from 'react-aria-components';
import { chosenOption, SelectChevron, SelectOptions, type SelectOption } from './select-parts';

export type { SelectOption } from './select-parts';
import './select.css';

export interface SelectProps<K extends string> {
  label: string;
  options: readonly SelectOption<K>[];
  value: K;
  onChange: (value: K) => void;
  className?: string;
}

export function Select<K extends string>({
  label,
  options,
  value,
  onChange,
  className,
}: SelectProps<K>) {
  return (
    <AriaSelect
      className={['ui-select', className].filter(Boolean).join(' ')}
      value={value}
      onChange={(key) => {
        const chosen = chosenOption(options, key);
        if (chosen) onChange(chosen.id);
      }}
    >
      <Label className="ui-select__label">{label}</Label>
      <Button className="ui-select__trigger">
        <SelectValue className="ui-select__value" />
        <SelectChevron />
      </Button>
      <SelectOptions options={options} />
    </AriaSelect>
  );
}
