import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { useDocumentTitle } from './use-document-title';

/**
 * A page with its title as the only h1. After an in-app navigation focus moves to that heading,
 * so screen-reader and keyboard users start reading the new page at its top; a fresh load
 * (location key "default") leaves focus where the browser puts it.
 */
export function Page({
  title,
  lead,
  actions,
  children,
  className,
}: {
  title: string;
  lead?: ReactNode;
  actions?: ReactNode;
  children?: ReactNode;
  className?: string;
}) {
  useDocumentTitle(title);
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const { key } = useLocation();
  useEffect(() => {
    if (key !== 'default') heading.current?.focus();
  }, [key]);
  return (
    <section className={className ? `page ${className}` : 'page'} aria-labelledby={id}>
      <div className="page__header">
        <h1 id={id} ref={heading} tabIndex={-1}>
          {title}
        </h1>
        {actions && <div className="page__actions">{actions}</div>}
      </div>
      {lead && <p className="page__lead">{lead}</p>}
      {children}
    </section>
  );
}

/** A titled part of a page. */
export function Section({
  title,
  description,
  actions,
  children,
}: {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <section className="page-section" aria-labelledby={id}>
      <div className="page-section__header">
        <h2 id={id}>{title}</h2>
        {actions && <div className="page__actions">{actions}</div>}
      </div>
      {description && <p className="page-section__description">{description}</p>}
      {children}
    </section>
  );
}
