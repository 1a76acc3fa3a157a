import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { useDocumentTitle } from '../platform';
import { cx } from '../ui';
import { directionOf, type ContentLanguage } from './labels';

/**
 * A page with its title as the only h1, like the app's Page, except that focus moves to the
 * heading only when the path changes: searches and filters rewrite the query string at every
 * change, and a keyboard user ticking facets must stay where they are.
 */
export function CaselawPage({
  title,
  titleLang,
  lead,
  actions,
  children,
  className,
}: {
  title: string;
  /** The title's language when it is content rather than interface text. */
  titleLang?: ContentLanguage;
  lead?: ReactNode;
  actions?: ReactNode;
  children?: ReactNode;
  className?: string;
}) {
  useDocumentTitle(title);
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const { key, pathname } = useLocation();
  const firstKey = useRef(key);
  useEffect(() => {
    // A fresh load leaves focus where the browser puts it; an in-app navigation starts here.
    if (firstKey.current !== 'default') heading.current?.focus();
    firstKey.current = '';
  }, [pathname]);
  return (
    <section className={cx('page', 'caselaw', className)} aria-labelledby={id}>
      <div className="page__header">
        <h1
          id={id}
          ref={heading}
          tabIndex={-1}
          lang={titleLang}
          dir={titleLang ? directionOf(titleLang) : undefined}
        >
          {title}
        </h1>
        {actions && <div className="page__actions">{actions}</div>}
      </div>
      {lead && <p className="page__lead">{lead}</p>}
      {children}
    </section>
  );
}
