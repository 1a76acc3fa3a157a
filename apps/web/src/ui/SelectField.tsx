import { Button, FieldError, Label, Select, SelectValue, Text } from 'react-aria-components';
import { cx } from './cx';
import type { SelectOption } from './Select';
import { chosenOption, SelectChevron, SelectOptions } from './select-parts';
import './field.css';
import './select.css';

export interface SelectFieldProps<K extends string> {
  label: string;
  name?: string;
  options: readonly SelectOption<K>[];
  value: K | null;
  onChange: (value: K) => void;
  placeholder?: string;
  description?: string;
  isRequired?: boolean;
  className?: string;
}

/** A labelled select for forms and filters, stacked like the other fields. */
export function SelectField<K extends string>({
  label,
  name,
  options,
  value,
  onChange,
  placeholder,
  description,
  isRequired,
  className,
}: SelectFieldProps<K>) {
  return (
    <Select
      className={cx('ui-field', className)}
      name={name}
      value={value}
      placeholder={placeholder}
      isRequired={isRequired}
      onChange={(key) => {
        const chosen = chosenOption(options, key);
        if (chosen) onChange(chosen.id);
      }}
    >
      <Label className="ui-field__label">{label}</Label>
      <Button className="ui-field__input ui-field__select">
        <SelectValue className="ui-select__value" />
        <SelectChevron />
      </Button>
      {description && (
        <Text slot="description" className="ui-field__description">
          {description}
        </Text>
      )}
      <FieldError className="ui-field__error" />
      <SelectOptions options={options} className="ui-select__popover--field" />
    </Select>
  );
}
