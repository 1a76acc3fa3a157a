import type { ReactNode } from 'react';
import { cx } from './cx';
import './alert.css';

export type AlertTone = 'error' | 'warning' | 'success' | 'info';

/**
 * A message in a box. Errors are announced at once (role="alert"); confirmations politely
 * (role="status"); warnings that are part of the page are not announced at all.
 */
export function Alert({
  tone,
  children,
  className,
  live,
}: {
  tone: AlertTone;
  children: ReactNode;
  className?: string;
  live?: 'assertive' | 'polite' | 'off';
}) {
  const mode = live ?? (tone === 'error' ? 'assertive' : tone === 'success' ? 'polite' : 'off');
  const role = mode === 'assertive' ? 'alert' : mode === 'polite' ? 'status' : undefined;
  return (
    <div role={role} className={cx('ui-alert', `ui-alert--${tone}`, className)}>
      {children}
    </div>
  );
}
