import type { FacetName, FacetValue, SearchResponse } from '@coop/contracts';
import { useId, useState } from 'react';
import { Checkbox, CheckboxGroup, Label } from 'react-aria-components';
import { Button } from '../../ui';
import { interfaceLanguage, useCaselawT, type CaselawKey } from '../i18n';

/** The order facets are offered in: where a ruling comes from, then what it is about. */
const ORDER: readonly FacetName[] = [
  'chamber',
  'year',
  'article',
  'topic',
  'situation',
  'documentType',
  'kind',
];
const SHOWN = 6;

const TITLES: Record<FacetName, CaselawKey> = {
  kind: 'facets.kind',
  chamber: 'facets.chamber',
  year: 'facets.year',
  article: 'facets.article',
  topic: 'facets.topic',
  situation: 'facets.situation',
  documentType: 'facets.documentType',
};

/** Facet values with their counts, plus any value still selected that no longer has results. */
function valuesOf(facet: FacetValue[], selected: readonly string[]): FacetValue[] {
  const known = new Set(facet.map((v) => v.value));
  const missing = selected
    .filter((value) => !known.has(value))
    .map((value) => ({
      value,
      count: 0,
      label: { en: value, fr: value, ar: value, es: value },
    }));
  return [...facet, ...missing];
}

function FacetGroup({
  name,
  values,
  selected,
  onChange,
}: {
  name: FacetName;
  values: FacetValue[];
  selected: string[];
  onChange: (values: string[]) => void;
}) {
  const t = useCaselawT();
  const [expanded, setExpanded] = useState(false);
  const listId = useId();
  const language = interfaceLanguage();
  const all = valuesOf(values, selected);
  const shown = expanded
    ? all
    : all.filter((v, index) => index < SHOWN || selected.includes(v.value));
  if (all.length === 0) return null;
  return (
    <CheckboxGroup
      className="caselaw-facet"
      value={selected}
      onChange={(next) => onChange(all.map((v) => v.value).filter((v) => next.includes(v)))}
    >
      <Label className="caselaw-facet__title">{t(TITLES[name])}</Label>
      <div className="caselaw-facet__values" id={listId}>
        {shown.map((value) => (
          <Checkbox
            key={value.value}
            value={value.value}
            className="ui-checkbox caselaw-facet__value"
          >
            <span className="ui-checkbox__box" aria-hidden="true">
              <svg viewBox="0 0 16 16" focusable="false">
                <path d="M3.5 8.5l3 3 6-7" fill="none" stroke="currentColor" strokeWidth="2" />
              </svg>
            </span>
            <span className="caselaw-facet__label">
              <bdi>{value.label[language] ?? value.value}</bdi>
              <span className="caselaw-facet__count" aria-hidden="true">
                {value.count}
              </span>
              <span className="visually-hidden">
                {t('facets.countLong', { count: value.count })}
              </span>
            </span>
          </Checkbox>
        ))}
      </div>
      {all.length > shown.length || expanded ? (
        <Button
          variant="secondary"
          size="small"
          className="caselaw-facet__more"
          aria-controls={listId}
          aria-expanded={expanded}
          onPress={() => setExpanded((v) => !v)}
        >
          {expanded ? t('facets.fewer') : t('facets.more', { count: all.length })}
        </Button>
      ) : null}
    </CheckboxGroup>
  );
}

export function Facets({
  facets,
  selected,
  onChange,
  onClear,
}: {
  facets: SearchResponse['facets'];
  selected: Record<FacetName, string[]>;
  onChange: (name: FacetName, values: string[]) => void;
  onClear: () => void;
}) {
  const t = useCaselawT();
  const headingId = useId();
  const any = Object.values(selected).some((values) => values.length > 0);
  return (
    <section className="caselaw-facets" aria-labelledby={headingId}>
      <div className="caselaw-facets__header">
        <h2 id={headingId}>{t('facets.title')}</h2>
        {any && (
          <Button variant="secondary" size="small" onPress={onClear}>
            {t('facets.clear')}
          </Button>
        )}
      </div>
      {ORDER.map((name) => (
        <FacetGroup
          key={name}
          name={name}
          values={facets[name] ?? []}
          selected={selected[name]}
          onChange={(values) => onChange(name, values)}
        />
      ))}
    </section>
  );
}
