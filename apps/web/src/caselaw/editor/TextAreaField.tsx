import {
  FieldError,
  Label,
  Text,
  TextArea,
  TextField as AriaTextField,
  type TextFieldProps,
} from 'react-aria-components';
import { cx } from '../../ui';
import { directionOf, type ContentLanguage } from '../labels';

/** A labelled multi-line field; a text in a given language is typed in its direction. */
export function TextAreaField({
  label,
  description,
  className,
  lang,
  rows = 6,
  ...props
}: Omit<TextFieldProps, 'className' | 'children'> & {
  label: string;
  description?: string;
  className?: string;
  lang?: ContentLanguage;
  rows?: number;
}) {
  return (
    <AriaTextField {...props} className={cx('ui-field', className)}>
      <Label className="ui-field__label">{label}</Label>
      <TextArea
        className="ui-field__input ui-field__input--lines"
        rows={rows}
        lang={lang}
        dir={lang ? directionOf(lang) : 'auto'}
      />
      {description && (
        <Text slot="description" className="ui-field__description">
          {description}
        </Text>
      )}
      <FieldError className="ui-field__error" />
    </AriaTextField>
  );
}
