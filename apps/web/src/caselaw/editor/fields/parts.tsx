import type { Language } from '@coop/contracts';
import type { ReactNode } from 'react';
import { Button, type SelectOption } from '../../../ui';
import { CONTENT_LANGUAGES, NATIVE_NAMES } from '../../labels';
import type { EntryForm } from '../form-model';

/** What every group of the entry form receives. */
export interface GroupProps {
  form: EntryForm;
  update: (change: Partial<EntryForm>) => void;
  disabled: boolean;
}

/** The languages a quotation or a link may be in, each under its own name. */
export const LANGUAGE_OPTIONS: readonly SelectOption<Language>[] = CONTENT_LANGUAGES.map((l) => ({
  id: l,
  label: NATIVE_NAMES[l],
  lang: l,
}));

export function Fieldset({
  legend,
  description,
  children,
}: {
  legend: string;
  description?: string;
  children: ReactNode;
}) {
  return (
    <fieldset className="caselaw-fieldset ui-fieldset">
      <legend>{legend}</legend>
      {description && <p className="caselaw-fieldset__description">{description}</p>}
      {children}
    </fieldset>
  );
}

/** Rows that can be added and removed; the remove button names the row it removes. */
export function Rows<T extends { key: string }>({
  rows,
  onChange,
  make,
  addLabel,
  removeLabel,
  disabled,
  children,
}: {
  rows: T[];
  onChange: (rows: T[]) => void;
  make: () => T;
  addLabel: string;
  removeLabel: (index: number) => string;
  disabled: boolean;
  children: (row: T, index: number, set: (change: Partial<T>) => void) => ReactNode;
}) {
  return (
    <>
      {rows.length > 0 && (
        <ol className="caselaw-rows">
          {rows.map((row, index) => (
            <li key={row.key} className="caselaw-rows__row">
              <div className="caselaw-rows__fields">
                {children(row, index, (change) =>
                  onChange(rows.map((r) => (r.key === row.key ? { ...r, ...change } : r))),
                )}
              </div>
              <Button
                variant="secondary"
                size="small"
                className="caselaw-rows__remove"
                isDisabled={disabled}
                onPress={() => onChange(rows.filter((r) => r.key !== row.key))}
              >
                {removeLabel(index)}
              </Button>
            </li>
          ))}
        </ol>
      )}
      <div>
        <Button
          variant="secondary"
          size="small"
          isDisabled={disabled}
          onPress={() => onChange([...rows, make()])}
        >
          {addLabel}
        </Button>
      </div>
    </>
  );
}
