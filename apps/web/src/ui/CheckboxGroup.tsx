import {
  Checkbox,
  CheckboxGroup as AriaCheckboxGroup,
  FieldError,
  Label,
  Text,
} from 'react-aria-components';
import { cx } from './cx';
import './field.css';

export interface CheckboxOption<K extends string> {
  readonly id: K;
  readonly label: string;
}

export interface CheckboxGroupProps<K extends string> {
  label: string;
  name?: string;
  options: readonly CheckboxOption<K>[];
  value: readonly K[];
  onChange: (value: K[]) => void;
  description?: string;
  isRequired?: boolean;
  isInvalid?: boolean;
  className?: string;
}

export function CheckboxGroup<K extends string>({
  label,
  name,
  options,
  value,
  onChange,
  description,
  isRequired,
  isInvalid,
  className,
}: CheckboxGroupProps<K>) {
  return (
    <AriaCheckboxGroup
      className={cx('ui-field', className)}
      name={name}
      value={[...value]}
      isRequired={isRequired}
      isInvalid={isInvalid}
      onChange={(next) =>
        onChange(options.filter((option) => next.includes(option.id)).map((option) => option.id))
      }
    >
      <Label className="ui-field__label">{label}</Label>
      <div className="ui-checkboxes">
        {options.map((option) => (
          <Checkbox key={option.id} value={option.id} className="ui-checkbox">
            <span className="ui-checkbox__box" aria-hidden="true">
              <svg viewBox="0 0 16 16" focusable="false">
                <path d="M3.5 8.5l3 3 6-7" fill="none" stroke="currentColor" strokeWidth="2" />
              </svg>
            </span>
            {option.label}
          </Checkbox>
        ))}
      </div>
      {description && (
        <Text slot="description" className="ui-field__description">
          {description}
        </Text>
      )}
      <FieldError className="ui-field__error" />
    </AriaCheckboxGroup>
  );
}
