import { useContext, useId } from 'react';
import {
  FieldError,
  FormValidationContext,
  Input,
  Label,
  TextArea,
  TextField,
} from 'react-aria-components';
import { cx } from './cx';
import './field.css';
import './language-texts.css';

/** A language a text can be written in: its code, its name in itself, and its direction. */
export interface LanguageOption<L extends string = string> {
  code: L;
  name: string;
  dir: 'ltr' | 'rtl';
}

export interface LanguageTextsProps<L extends string> {
  /** The field's path; each language's input is named `<name>.<code>`, as form errors are keyed. */
  name: string;
  label: string;
  description?: string;
  languages: readonly LanguageOption<L>[];
  value: Readonly<Record<L, string>>;
  onChange: (value: Record<L, string>) => void;
  /** Languages that must be filled in; the others may stay empty. */
  required?: readonly L[];
  /** Several lines, this many tall; one line when left out. */
  rows?: number;
  maxLength?: number;
  isDisabled?: boolean;
  className?: string;
}

const messages = (error: string | string[] | undefined): string[] =>
  [error ?? []].flat().flatMap((message) => message.split('; '));

/**
 * One field written in several languages: an input per language, each typed in that language's
 * direction whatever the interface's, and labelled with the field and the
 * language ("Title (العربية)"). Each input shows its form error (`<name>.<code>`); an error on the
 * whole field (`<name>`, e.g. "needs at least one language") shows above the inputs.
 */
export function LanguageTexts<L extends string>({
  name,
  label,
  description,
  languages,
  value,
  onChange,
  required = [],
  rows,
  maxLength,
  isDisabled,
  className,
}: LanguageTextsProps<L>) {
  const descriptionId = useId();
  const errorId = useId();
  const formErrors = useContext(FormValidationContext);
  // Forms also key an input's error under the field's name; it is shown by that input already.
  const shown = new Set(languages.flatMap((l) => messages(formErrors[`${name}.${l.code}`])));
  const whole = messages(formErrors[name]).filter((message) => !shown.has(message));
  const describedBy = [description ? descriptionId : null, whole.length ? errorId : null]
    .filter(Boolean)
    .join(' ');
  return (
    <fieldset
      className={cx('ui-fieldset', 'ui-language-texts', className)}
      aria-describedby={describedBy || undefined}
    >
      {/* Each input's label names the field too, so the legend is for the group's announcement. */}
      <legend className="visually-hidden">{label}</legend>
      {description && (
        <p id={descriptionId} className="ui-field__description">
          {description}
        </p>
      )}
      {whole.length > 0 && (
        <p id={errorId} className="ui-field__error">
          {whole.join('; ')}
        </p>
      )}
      {languages.map((language) => (
        <TextField
          key={language.code}
          name={`${name}.${language.code}`}
          className="ui-field"
          value={value[language.code]}
          onChange={(text) => onChange({ ...value, [language.code]: text })}
          isRequired={required.includes(language.code)}
          isDisabled={isDisabled}
          maxLength={maxLength}
        >
          <Label className="ui-field__label">
            {label} (<span lang={language.code}>{language.name}</span>)
          </Label>
          {rows ? (
            <TextArea
              className="ui-field__input ui-field__input--lines"
              rows={rows}
              lang={language.code}
              dir={language.dir}
            />
          ) : (
            <Input className="ui-field__input" lang={language.code} dir={language.dir} />
          )}
          <FieldError className="ui-field__error" />
        </TextField>
      ))}
    </fieldset>
  );
}
