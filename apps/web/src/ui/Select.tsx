import {
  Button,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Select as AriaSelect,
  SelectValue,
} from 'react-aria-components';
import './select.css';

export interface SelectOption<K extends string> {
  readonly id: K;
  readonly label: string;
  /** Language of the label when it differs from the page's, so it is read out correctly. */
  readonly lang?: string;
}

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
        const chosen = options.find((option) => option.id === key);
        if (chosen) onChange(chosen.id);
      }}
    >
      <Label className="ui-select__label">{label}</Label>
      <Button className="ui-select__trigger">
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
      <Popover className="ui-select__popover" offset={4}>
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
    </AriaSelect>
  );
}
