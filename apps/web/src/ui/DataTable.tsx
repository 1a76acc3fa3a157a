import { useEffect, useId, useRef, type ReactNode, type TdHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from './Alert';
import { Loading } from './Loading';
import './table.css';

/** One column of a DataTable: its heading and how each row fills its cell. */
export interface Column<Row> {
  key: string;
  heading: string;
  cell: (row: Row) => ReactNode;
  /** The cell that names the row: its row header, and the card's title on narrow screens. */
  primary?: boolean;
  /** Attributes every cell of the column carries (a class, or the language of its text). */
  cellProps?: TdHTMLAttributes<HTMLTableCellElement>;
}

interface FrameProps {
  caption: string;
  captionHidden?: boolean;
}

interface ColumnProps<Row> extends FrameProps {
  columns: readonly Column<Row>[];
  /** Undefined while loading or after a failure. */
  rows: readonly Row[] | undefined;
  rowKey: (row: Row) => string | number;
  isLoading?: boolean;
  /** Why the rows could not be loaded, said in place of the table. */
  error?: string | null;
  /** Said in place of the rows when there are none; lists that are never empty leave it out. */
  empty?: string;
  /** The row's buttons, in a last column whose heading only screen readers hear. */
  actions?: (row: Row) => ReactNode;
}

/** Gives every body cell its column's heading as `data-label`, which narrow screens show. */
function labelCells(table: HTMLTableElement): void {
  const headings = [...table.querySelectorAll(':scope > thead > tr:last-child > th')].map(
    (th) => th.textContent?.trim() ?? '',
  );
  for (const row of table.querySelectorAll(':scope > tbody > tr')) {
    let column = 0;
    for (const cell of row.children) {
      if (!(cell instanceof HTMLTableCellElement)) continue;
      const label = headings[column] ?? '';
      if (cell.tagName === 'TD' && cell.colSpan === 1 && label && cell.dataset.label !== label) {
        cell.dataset.label = label;
      }
      column += cell.colSpan;
    }
  }
}

/**
 * A plain HTML table, which screen readers navigate natively. On narrow screens each row becomes
 * a card and each cell shows its column's heading; wider, the wrapper scrolls if it must and is
 * focusable so keyboard users can scroll it too.
 */
function TableFrame({
  caption,
  captionHidden = true,
  children,
}: FrameProps & { children: ReactNode }) {
  const id = useId();
  const table = useRef<HTMLTableElement>(null);
  useEffect(() => {
    const element = table.current;
    if (!element) return;
    labelCells(element);
    // Rows arrive and headings change language after the first render, so the labels follow
    // the DOM rather than props.
    const observer = new MutationObserver(() => labelCells(element));
    observer.observe(element, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, []);
  return (
    <div className="ui-table-wrap" role="region" aria-labelledby={id} tabIndex={0}>
      <table ref={table} className="ui-table">
        <caption id={id} className={captionHidden ? 'visually-hidden' : 'ui-table__caption'}>
          {caption}
        </caption>
        {children}
      </table>
    </div>
  );
}

function ColumnTable<Row>({
  columns,
  rows,
  rowKey,
  isLoading,
  error,
  empty,
  actions,
  ...frame
}: ColumnProps<Row>) {
  const { t } = useTranslation();
  if (isLoading) return <Loading />;
  if (error) return <Alert tone="error">{error}</Alert>;
  if (!rows) return null;
  const width = columns.length + (actions ? 1 : 0);
  return (
    <TableFrame {...frame}>
      <thead>
        <tr>
          {columns.map((column) => (
            <th scope="col" key={column.key}>
              {column.heading}
            </th>
          ))}
          {actions && (
            <th scope="col">
              <span className="visually-hidden">{t('common.actions')}</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 && empty && (
          <tr>
            <td colSpan={width} className="ui-table__empty">
              {empty}
            </td>
          </tr>
        )}
        {rows.map((row) => (
          <tr key={rowKey(row)}>
            {columns.map(({ key, cell, primary, cellProps }) =>
              primary ? (
                <th scope="row" key={key} {...cellProps}>
                  {cell(row)}
                </th>
              ) : (
                <td key={key} {...cellProps}>
                  {cell(row)}
                </td>
              ),
            )}
            {actions && <td className="ui-table__actions">{actions(row)}</td>}
          </tr>
        ))}
      </tbody>
    </TableFrame>
  );
}

/**
 * A list as a table, from column definitions, with its loading, failed and empty states. Tables still
 * written cell by cell pass their `thead` and `tbody` as children instead.
 */
export function DataTable<Row>(props: ColumnProps<Row> | (FrameProps & { children: ReactNode })) {
  if ('columns' in props) return <ColumnTable {...props} />;
  return <TableFrame {...props} />;
}
