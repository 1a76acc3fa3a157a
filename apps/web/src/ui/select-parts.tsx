import type { Key } from 'react-aria-components';
import { ListBox, ListBoxItem, Popover } from 'react-aria-components';

/** One choice of a Select. */
export interface SelectOption<K extends string> {
  readonly id: K;
  readonly label: string;
  /** Language of the label when it differs from the page's, so it is read out correctly. */
  readonly lang?: string;
}

/** The option whose id is `key`, so callers only ever see their own typed ids. */
export function chosenOption<K extends string>(
  options: readonly SelectOption<K>[],
  key: Key | null,
) {
  return options.find((option) => option.id === key);
}

export function SelectChevron() {
  return (
    <svg className="ui-select__chevron" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d="M4 6l4 4 4-4" fill="none" stroke="currentColor" strokeWidth="1.75" />
    </svg>
  );
}

/** The popover list shared by the header select and form selects. */
export function SelectOptions<K extends string>({
  options,
  className,
}: {
  options: readonly SelectOption<K>[];
  className?: string;
}) {
  return (
    <Popover className={['ui-select__popover', className].filter(Boolean).join(' ')} offset={4}>
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
  );
}
