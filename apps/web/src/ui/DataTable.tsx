import { useId, type ReactNode } from 'react';
import './table.css';

/**
 * A plain HTML table, which screen readers navigate natively. The wrapper scrolls on narrow
 * screens and is focusable so keyboard users can scroll it too.
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
  return (
    <div className="ui-table-wrap" role="region" aria-labelledby={id} tabIndex={0}>
      <table className="ui-table">
        <caption id={id} className={captionHidden ? 'visually-hidden' : 'ui-table__caption'}>
          {caption}
        </caption>
        {children}
      </table>
    </div>
  );
}
