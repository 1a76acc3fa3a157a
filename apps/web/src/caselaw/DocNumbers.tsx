import { Fragment } from 'react';
import { cx } from '../ui';

/** Court record numbers, left to right in any page, never broken inside a number. */
export function DocNumbers({ numbers, className }: { numbers: string[]; className?: string }) {
  return (
    <span className={cx('caselaw-docnums', className)} dir="ltr">
      {numbers.map((n, index) => (
        <Fragment key={n}>
          {index > 0 && ', '}
          <span className="caselaw-docnum">{n}</span>
        </Fragment>
      ))}
    </span>
  );
}
