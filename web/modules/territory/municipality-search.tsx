import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { Button } from 'design-react-kit';
import { TextField } from '../../ui/form-field';
import { useDebouncedValue } from '../../ui/use-debounced-value';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { paths } from '../../app/paths';
import { municipalitySearchQuery } from './territory.queries';
import { usePopulationFormatters } from './territory-format';

export interface MunicipalitySearchProps {
  region: string;
  province?: string;
  /** Name of the region or province searched, for the "nothing found" message. */
  areaName: string;
  initialQuery: string;
  onQueryChange: (query: string) => void;
}

/**
 * Accent-insensitive search over the municipalities of the selected area; also the text alternative to the
 * map (every municipality on the map is reachable from here by keyboard).
 */
export function MunicipalitySearch({ region, province, areaName, initialQuery, onQueryChange }: MunicipalitySearchProps) {
  const { t } = useTranslation();
  const { describePopulation } = usePopulationFormatters();
  const [text, setText] = useState(initialQuery);
  const query = useDebouncedValue(text.trim(), 300);
  const listRef = useRef<HTMLUListElement>(null);
  const focusIndexRef = useRef<number | null>(null);

  useEffect(() => {
    onQueryChange(query);
  }, [query, onQueryChange]);

  const search = useInfiniteQuery({
    ...municipalitySearchQuery({ q: query, region, province }),
    placeholderData: keepPreviousData,
  });
  const items = search.data?.pages.flatMap((page) => page.items) ?? [];

  // After "Carica altri", move keyboard focus to the first newly loaded result.
  useEffect(() => {
    const index = focusIndexRef.current;
    if (index === null || search.isFetchingNextPage) return;
    focusIndexRef.current = null;
    listRef.current?.querySelectorAll<HTMLAnchorElement>('a')[index]?.focus();
  }, [items.length, search.isFetchingNextPage]);

  let status: string;
  if (search.isPending || (search.isFetching && !search.isFetchingNextPage && search.isPlaceholderData)) {
    status = t('territory.search.searching');
  } else if (items.length === 0) {
    status = query ? t('territory.search.noneFor', { query, area: areaName }) : t('territory.search.none', { area: areaName });
  } else if (search.hasNextPage) {
    status = t('territory.search.shownMore', { count: items.length });
  } else {
    status = t('territory.search.found', { count: items.length });
  }

  return (
    <section aria-labelledby="municipality-search-heading" className="municipality-search">
      <h2 id="municipality-search-heading" className="h4">
        {t('territory.search.title')}
      </h2>
      <form role="search" onSubmit={(event) => event.preventDefault()} aria-labelledby="municipality-search-heading">
        <TextField
          id="municipality-search"
          type="search"
          label={t('territory.search.label')}
          help={t('territory.search.help')}
          value={text}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => setText(event.target.value)}
        />
      </form>
      <p className="search-status" role="status" aria-live="polite" aria-atomic="true">
        {status}
      </p>
      {search.isError && <ApiErrorAlert error={search.error} onRetry={() => void search.refetch()} />}
      <ul ref={listRef} className="municipality-results list-unstyled" aria-label={t('territory.search.resultsLabel')}>
        {items.map((municipality) => (
          <li key={municipality.istatCode} className="municipality-results__item">
            <Link to={paths.municipality(municipality.istatCode)}>{municipality.name}</Link>{' '}
            <span className="municipality-results__meta">
              {t('territory.search.itemMeta', {
                province: municipality.provinceAbbreviation,
                population: describePopulation(municipality.population),
              })}
            </span>
          </li>
        ))}
      </ul>
      {search.hasNextPage && (
        <Button
          color="primary"
          outline
          size="sm"
          disabled={search.isFetchingNextPage}
          onClick={() => {
            focusIndexRef.current = items.length;
            void search.fetchNextPage();
          }}
        >
          {search.isFetchingNextPage ? t('ui.loading') : t('ui.loadMore')}
        </Button>
      )}
    </section>
  );
}
