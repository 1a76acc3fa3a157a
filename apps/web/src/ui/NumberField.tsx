import {
  FieldError,
  Input,
  Label,
  NumberField as AriaNumberField,
  Text,
  type NumberFieldProps as AriaNumberFieldProps,
} from 'react-aria-components';
import { cx } from './cx';
import './field.css';

export interface NumberFieldProps extends Omit<AriaNumberFieldProps, 'className' | 'children'> {
  label: string;
  description?: string;
  className?: string;
}

export function NumberField({ label, description, className, ...props }: NumberFieldProps) {
  return (
    <AriaNumberField {...props} className={cx('ui-field', className)}>
      <Label className="ui-field__label">{label}</Label>
      <Input className="ui-field__input ui-field__input--short" />
      {description && (
        <Text slot="description" className="ui-field__description">
          {description}
        </Text>
      )}
      <FieldError className="ui-field__error" />
    </AriaNumberField>
  );
}
