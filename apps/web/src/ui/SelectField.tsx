import {
  Button,
  FieldError,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Select,
  SelectValue,
  Text,
} from 'react-aria-components';
import { cx } from './cx';
import type { SelectOption } from './Select';
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
        const chosen = options.find((option) => option.id === key);
        if (chosen) onChange(chosen.id);
      }}
    >
      <Label className="ui-field__label">{label}</Label>
      <Button className="ui-field__input ui-field__select">
        <SelectValue className="ui-select__value" />
        <svg
          className="ui-select__chevron"
          viewBox="0 0 16 16"
          aria-hidden="true"
          focusable="false"
        >
          <path d="M4 6l4 4 4-4" fill="none" stroke="currentColor" strokeWidth="1.75" />
        </svg>
      </Button>
      {description && (
        <Text slot="description" className="ui-field__description">
          {description}
        </Text>
      )}
      <FieldError className="ui-field__error" />
      <Popover className="ui-select__popover ui-select__popover--field" offset={4}>
        <ListBox className="ui-select__list">
          {options.map((option) => (
            <ListBoxItem
              key={option.id}
              id={option.id}
              textValue={option.label}
              className="ui-select__option"
            >
              <span lang={option.lang}>{option.label}</span>
            </ListBoxItem>
          ))}
        </ListBox>
      </Popover>
    </Select>
  );
}
