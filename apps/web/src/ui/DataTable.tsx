import { useEffect, useId, useRef, type ReactNode } from 'react';
import './table.css';

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
export function DataTable({
  caption,
  children,
  captionHidden = true,
}: {
  caption: string;
  children: ReactNode;
  captionHidden?: boolean;
}) {
  const id = useId();
  const table = useRef<HTMLTableElement>(null);
  useEffect(() => {
    const element = table.current;
    if (!element) return;
    labelCells(element);
    // Rows arrive and headings change language after the first render; callers write cells
    // freely, so the labels follow the DOM rather than props.
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
