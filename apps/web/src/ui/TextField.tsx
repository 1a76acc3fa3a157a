import {
  FieldError,
  Input,
  Label,
  Text,
  TextField as AriaTextField,
  type TextFieldProps as AriaTextFieldProps,
} from 'react-aria-components';
import { cx } from './cx';
import './field.css';

export interface TextFieldProps extends Omit<AriaTextFieldProps, 'className' | 'children'> {
  label: string;
  description?: string;
  className?: string;
  /** Addresses, codes and dates read left to right even on a right-to-left page. */
  inputDir?: 'ltr' | 'rtl' | 'auto';
  autoComplete?: string;
}

export function TextField({
  label,
  description,
  className,
  inputDir,
  autoComplete,
  ...props
}: TextFieldProps) {
  return (
    <AriaTextField {...props} className={cx('ui-field', className)}>
      <Label className="ui-field__label">{label}</Label>
      <Input className="ui-field__input" dir={inputDir} autoComplete={autoComplete} />
      {description && (
        <Text slot="description" className="ui-field__description">
          {description}
        </Text>
      )}
      <FieldError className="ui-field__error" />
    </AriaTextField>
  );
}
