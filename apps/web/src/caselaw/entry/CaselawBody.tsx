import {
  safeHref,
  type CaselawView,
  type ContentSource,
  type Language,
  type RichText,
} from '@coop/contracts';
import { useId, type ReactNode } from 'react';
import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { Link } from 'react-router';
import { Badge, Fact, Facts } from '../../ui';
import { citationOf } from '../citation';
import { DocNumbers } from '../DocNumbers';
import { interfaceLanguage, useCaselawT } from '../i18n';
import {
  chamberName,
  CONTENT_LANGUAGES,
  directionOf,
  documentTypeName,
  isContentLanguage,
  longDate,
  NATIVE_NAMES,
  pick,
} from '../labels';
import { Markdown } from '../markdown/Markdown';
import { CopyCitation } from './CopyCitation';

type Level = 2 | 3;
export type UnsetFact = 'chamber' | 'date' | 'documentType';

function Heading({ level, children, id }: { level: Level; children: ReactNode; id?: string }) {
  return level === 2 ? <h2 id={id}>{children}</h2> : <h3 id={id}>{children}</h3>;
}

function Part({ title, level, children }: { title: string; level: Level; children: ReactNode }) {
  const id = useId();
  return (
    <section className="caselaw-part" aria-labelledby={id}>
      <Heading level={level} id={id}>
        {title}
      </Heading>
      {children}
    </section>
  );
}

/** An external link: a new tab, no opener, no referrer; only https targets become links. */
export function ExternalLink({
  href,
  children,
  lang,
}: {
  href: string;
  children: ReactNode;
  lang?: Language;
}) {
  const t = useCaselawT();
  const target = safeHref(href);
  if (!target) return <span>{children}</span>;
  return (
    <a href={target} target="_blank" rel="noopener noreferrer" hrefLang={lang}>
      {children}
      <span className="visually-hidden"> {t('common.opensInNewTab')}</span>
    </a>
  );
}

function SourceOf({ source }: { source: ContentSource }) {
  // Sources are cited in their own language, which the contract does not record.
  const title = <cite>{source.title}</cite>;
  return (
    <p className="caselaw-source" dir="auto">
      {source.url ? <ExternalLink href={source.url}>{title}</ExternalLink> : title}
      {source.locator && <>, {source.locator}</>}
    </p>
  );
}

/** A text in its own language and direction, under a heading in the interface language. */
function Texts({
  title,
  texts,
  level,
  lang,
}: {
  title: string;
  texts: RichText | undefined;
  level: Level;
  lang: Language;
}) {
  if (!texts) return null;
  return (
    <Part title={title} level={level}>
      <div lang={lang} dir={directionOf(lang)} className="caselaw-text">
        <Markdown blocks={texts.blocks} headingLevel={level === 2 ? 3 : 4} />
      </div>
    </Part>
  );
}

/**
 * Everything a reader sees of a published text below its title: facts, the texts in each
 * language (Arabic right to left whatever the interface language), quotations, sources,
 * related entries and the citation. The editor's preview shows drafts through it too.
 */
export function CaselawBody({
  view,
  language,
  onLanguage,
  level = 2,
  preview = false,
  unset,
}: {
  view: CaselawView;
  language: Language;
  onLanguage: (language: Language) => void;
  level?: Level;
  preview?: boolean;
  /** Facts a draft does not have yet, shown as such in the preview. */
  unset?: ReadonlySet<UnsetFact>;
}) {
  const t = useCaselawT();
  const ui = interfaceLanguage();
  const available = CONTENT_LANGUAGES.filter((l) => view.languages.includes(l));
  const selected = available.includes(language) ? language : (available[0] ?? language);
  const entry = view.kind === 'entry' ? view : null;
  const articleLink = (key: string) => `/caselaw?article=${encodeURIComponent(key)}`;

  return (
    <div className="caselaw-body">
      <p className="caselaw-marking">
        <span className="caselaw-marking__label">{t('entry.marking')}</span>{' '}
        <strong>{t('entry.markingPublic')}</strong>
      </p>
      <Facts>
        {entry && (
          <>
            <Fact label={t('entry.documentNumbers')}>
              <DocNumbers numbers={entry.documentNumbers} />
            </Fact>
            <Fact label={t('entry.chamber')}>
              {unset?.has('chamber') ? t('editor.notSet') : chamberName(entry.chamber, ui)}
            </Fact>
            <Fact label={t('entry.date')}>
              {unset?.has('date') ? (
                t('editor.notSet')
              ) : (
                <time dateTime={entry.date}>{longDate(entry.date, ui)}</time>
              )}
            </Fact>
            {entry.situation && (
              <Fact label={t('entry.situation')}>
                <bdi>{entry.situation}</bdi>
              </Fact>
            )}
            {entry.caseName && (
              <Fact label={t('entry.caseName')}>
                <bdi>{entry.caseName}</bdi>
              </Fact>
            )}
            <Fact label={t('entry.documentType')}>
              {unset?.has('documentType')
                ? t('editor.notSet')
                : documentTypeName(entry.documentType, ui)}
            </Fact>
          </>
        )}
        {!entry && (
          <Fact label={t('entry.kind')}>
            <Badge tone="neutral">{t('kind.explainer')}</Badge>
          </Fact>
        )}
        {view.articles.length > 0 && (
          <Fact label={t('entry.articles')}>
            <ul className="caselaw-inline-list">
              {view.articles.map((a) => (
                <li key={a.key}>
                  {preview ? a.display : <Link to={articleLink(a.key)}>{a.display}</Link>}
                </li>
              ))}
            </ul>
          </Fact>
        )}
        {view.topics.length > 0 && (
          <Fact label={t('entry.topics')}>
            <ul className="caselaw-inline-list">
              {view.topics.map((topic) => (
                <li key={topic.key}>
                  {preview ? (
                    topic.labels[ui]
                  ) : (
                    <Link to={`/caselaw?topic=${encodeURIComponent(topic.key)}`}>
                      {topic.labels[ui]}
                    </Link>
                  )}
                </li>
              ))}
            </ul>
          </Fact>
        )}
        <Fact label={t('entry.languages')}>
          <ul className="caselaw-inline-list">
            {available.map((l) => (
              <li key={l} lang={l}>
                {NATIVE_NAMES[l]}
              </li>
            ))}
          </ul>
        </Fact>
        {!preview && view.publishedAt && (
          <Fact label={t('entry.publishedAt')}>
            <time dateTime={view.publishedAt}>{longDate(view.publishedAt.slice(0, 10), ui)}</time>
          </Fact>
        )}
      </Facts>

      <Tabs
        className="caselaw-tabs"
        selectedKey={selected}
        disabledKeys={CONTENT_LANGUAGES.filter((l) => !available.includes(l))}
        onSelectionChange={(key) => {
          if (isContentLanguage(key)) onLanguage(key);
        }}
      >
        <TabList className="caselaw-tabs__list" aria-label={t('entry.languageTabs')}>
          {CONTENT_LANGUAGES.map((l) => (
            <Tab key={l} id={l} className="caselaw-tabs__tab">
              <span lang={l}>{NATIVE_NAMES[l]}</span>
              {!available.includes(l) && (
                <span className="caselaw-tabs__missing"> ({t('entry.notAvailable')})</span>
              )}
            </Tab>
          ))}
        </TabList>
        {available.map((l) => (
          <TabPanel key={l} id={l} className="caselaw-tabs__panel">
            {entry ? (
              <>
                <Texts title={t('entry.summary')} texts={entry.summary[l]} level={level} lang={l} />
                <Texts
                  title={t('entry.holdings')}
                  texts={entry.holdings[l]}
                  level={level}
                  lang={l}
                />
              </>
            ) : view.kind === 'explainer' ? (
              <div lang={l} dir={directionOf(l)} className="caselaw-text">
                <Markdown blocks={view.body[l]?.blocks ?? []} headingLevel={level} />
              </div>
            ) : null}
          </TabPanel>
        ))}
      </Tabs>

      {entry && !unset?.size && (
        <CopyCitation citation={citationOf(entry, selected)} language={selected} />
      )}

      {view.quotes.length > 0 && (
        <Part title={t('entry.quotes')} level={level}>
          <ul className="caselaw-quotes">
            {view.quotes.map((quote, index) => (
              <li key={index}>
                <figure className="caselaw-quote">
                  <blockquote lang={quote.lang} dir={directionOf(quote.lang)}>
                    {quote.text.split(/\n{2,}/).map((paragraph, i) => (
                      <p key={i}>{paragraph}</p>
                    ))}
                  </blockquote>
                  <figcaption>
                    {t('entry.paragraph', { number: quote.paragraph })}
                    {quote.source && (
                      <>
                        {' · '}
                        <bdi>
                          <cite>{quote.source}</cite>
                        </bdi>
                      </>
                    )}
                    {' · '}
                    <span lang={quote.lang}>{NATIVE_NAMES[quote.lang]}</span>
                  </figcaption>
                </figure>
              </li>
            ))}
          </ul>
        </Part>
      )}

      {view.source && view.source.title.trim() !== '' && (
        <Part title={t('entry.writtenFrom')} level={level}>
          <SourceOf source={view.source} />
        </Part>
      )}

      {view.links.length > 0 && (
        <Part title={t('entry.links')} level={level}>
          <ul className="caselaw-links">
            {view.links.map((link, index) => (
              <li key={index}>
                <ExternalLink href={link.url} lang={link.lang ?? undefined}>
                  {link.label}
                </ExternalLink>
                {link.lang && (
                  <span className="caselaw-links__lang" lang={link.lang}>
                    {' '}
                    ({NATIVE_NAMES[link.lang]})
                  </span>
                )}
              </li>
            ))}
          </ul>
        </Part>
      )}

      {view.related.length > 0 && (
        <Part title={t('entry.related')} level={level}>
          <ul className="caselaw-related">
            {view.related.map((related) => {
              const title = pick(related.title, language);
              const label = (
                <span lang={title?.lang} dir={title ? directionOf(title.lang) : undefined}>
                  {title?.value ?? related.id}
                </span>
              );
              return (
                <li key={related.id}>
                  {preview ? (
                    label
                  ) : (
                    <Link to={`/caselaw/${encodeURIComponent(related.id)}`}>{label}</Link>
                  )}
                  {related.documentNumbers.length > 0 && (
                    <>
                      {' '}
                      <DocNumbers numbers={related.documentNumbers} />
                    </>
                  )}
                </li>
              );
            })}
          </ul>
        </Part>
      )}
    </div>
  );
}
