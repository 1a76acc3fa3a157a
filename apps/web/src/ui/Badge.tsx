import type { ReactNode } from 'react';
import './badge.css';

export type BadgeTone = 'positive' | 'negative' | 'neutral' | 'warning';

/** A short state label; the dot repeats the tone, the text carries the meaning. */
export function Badge({ tone, children }: { tone: BadgeTone; children: ReactNode }) {
  return (
    <span className={`ui-badge ui-badge--${tone}`}>
      <span className="ui-badge__dot" aria-hidden="true" />
      {children}
    </span>
  );
}
