import type { ReactNode } from 'react';
import type { Column } from './DataTable';

/** A column of instants, each written by `format` in a `<time>` that machines can read too. */
export function timeColumn<Row>(
  key: string,
  heading: string,
  instant: (row: Row) => string | null,
  format: Intl.DateTimeFormat,
  none: ReactNode = '',
): Column<Row> {
  return {
    key,
    heading,
    cell: (row) => {
      const iso = instant(row);
      return iso ? <time dateTime={iso}>{format.format(new Date(iso))}</time> : none;
    },
  };
}
