import type { ReactNode } from 'react';
import './facts.css';

/** Label–value pairs, as a description list. */
export function Facts({ children }: { children: ReactNode }) {
  return <dl className="ui-facts">{children}</dl>;
}

export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="ui-facts__row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
