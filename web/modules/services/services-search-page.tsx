import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Col, Row } from 'design-react-kit';
import { COST_KINDS, TARGET_GROUPS } from '../../../common/domain/services';
import type { TServiceSearchPage } from '../../../common/contracts/services';
import { PageHeader } from '../../ui/page-header';
import { Loading } from '../../ui/loading';
import { SelectField, TextField } from '../../ui/form-field';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { useBasemap } from '../../app/use-basemap';
import { paths } from '../../app/paths';
import { useSession } from '../../app/session';
import { isSignedIn } from '../../app/access';
import { MunicipalityPicker, type PickedMunicipality } from '../territory';
import { ServiceCard } from './service-card';
import { ServicesMap } from './services-map';
import { useServiceLabels } from './service-labels';
import { serviceSearchQuery, taxonomyQuery } from './services.queries';

const RADII = [5, 10, 20, 30, 50] as const;

type Understood = NonNullable<TServiceSearchPage['understood']>;

/**
 * What the search understood in the words ("vicino a Pinerolo, entro 20 km", a category, a corrected spelling), each
 * with a way to change it; with no results, the ways to widen the search and the district's contact point.
 */
function UnderstoodLine({
  understood,
  typedQuery,
  isExplicitNear,
  categoryLabel,
  onChooseNear,
  linkTo,
  hasResults,
  isLoaded,
}: {
  understood: Understood | undefined;
  typedQuery: string;
  isExplicitNear: boolean;
  categoryLabel: (code: string) => string | null;
  onChooseNear: () => void;
  linkTo: (change: Record<string, string | null>) => string;
  hasResults: boolean;
  isLoaded: boolean;
}) {
  const { t } = useTranslation('services');
  if (!understood) return null;
  const category = understood.category ? categoryLabel(understood.category) : null;
  const wider = RADII.find((radius) => radius > understood.radiusKm) ?? null;
  const nearParams = (km: number): Record<string, string | null> =>
    understood.near ? { vicino: understood.near.istatCode, comune: understood.near.name, km: String(km) } : {};
  return (
    <div className="mb-3">
      {understood.near && (
        <p className="mb-1">
          <strong>{t('search.understoodNear', { name: understood.near.name, km: understood.radiusKm })}</strong>{' '}
          {isExplicitNear ? (
            <Button color="link" size="sm" className="p-0 align-baseline" onClick={onChooseNear}>
              {t('search.changeNear')}
            </Button>
          ) : (
            <Link to={linkTo(nearParams(understood.radiusKm))}>{t('search.changeNear')}</Link>
          )}
        </p>
      )}
      {category && understood.category && understood.isCategoryApplied && (
        <p className="mb-1" data-testid="search-category-applied">
          <strong>{t('search.categoryApplied', { label: category })}</strong>{' '}
          <Link to={linkTo({ tutte: '1' })}>{t('search.everyCategory')}</Link>
        </p>
      )}
      {category && understood.category && !understood.isCategoryApplied && (
        <p className="mb-1">
          {t('search.understoodCategory', { label: category })}{' '}
          <Link to={linkTo({ categoria: understood.category, q: null, tutte: null })}>{t('search.browseCategory')}</Link>
        </p>
      )}
      {understood.correctedQuery && (
        <p className="mb-1" data-testid="search-corrected">
          <strong>{t('search.resultsFor', { query: understood.correctedQuery })}</strong>{' '}
          <Link to={linkTo({ esatto: '1' })}>{t('search.searchInstead', { query: typedQuery })}</Link>
        </p>
      )}
      {understood.didYouMean && (
        <p className="mb-1" data-testid="search-did-you-mean">
          <Link to={linkTo({ q: understood.didYouMean, esatto: null })}>{t('search.didYouMean', { query: understood.didYouMean })}</Link>
        </p>
      )}
      {isLoaded && !hasResults && (
        <div className="callout note mt-3">
          <h3 className="h6">{t('search.suggestionsTitle')}</h3>
          <ul className="mb-2">
            {understood.near && wider !== null && (
              <li>
                <Link to={linkTo(nearParams(wider))}>{t('search.widerRadius', { km: wider })}</Link>
              </li>
            )}
            {understood.near && (
              <li>
                <Link to={linkTo({ vicino: null, comune: null, km: null })}>{t('search.everywhere')}</Link>
              </li>
            )}
            {category && understood.category && (
              <li>
                <Link to={linkTo({ categoria: understood.category, q: null })}>{t('search.categoryAlone', { label: category })}</Link>
              </li>
            )}
          </ul>
          <p className="mb-0">
            {t('search.contactPoint')} <Link to={paths.districts}>{t('search.contactPointLink')}</Link>
          </p>
        </div>
      )}
    </div>
  );
}

/** Reads the search from the address bar, so a search can be bookmarked, shared and reloaded. */
function searchFromUrl(params: URLSearchParams) {
  return {
    q: params.get('q') ?? '',
    category: params.get('categoria') ?? '',
    targetGroup: params.get('per') ?? '',
    cost: params.get('costo') ?? '',
    near: params.get('vicino') ?? '',
    nearName: params.get('comune') ?? '',
    radiusKm: Number(params.get('km') ?? 20) || 20,
    page: Math.max(1, Number(params.get('pagina') ?? 1) || 1),
    /** The words as typed, not corrected ("cerca invece …"). */
    isAsTyped: params.get('esatto') === '1',
    /** Every category, though the words name one. */
    isEveryCategory: params.get('tutte') === '1',
    /** Only providers holding a social quality label valid today. */
    isLabelledOnly: params.get('marchio') === '1',
  };
}

/**
 * The public search: one box, a few filters, "near a municipality within N km"; results as a list (always) and on a
 * map (on request, loaded lazily). Nothing here needs an account.
 */
export function ServicesSearchPage() {
  const { t } = useTranslation('services');
  const { t: tCommon } = useTranslation();
  const labels = useServiceLabels();
  const basemap = useBasemap();
  const [params, setParams] = useSearchParams();
  const current = searchFromUrl(params);
  const [text, setText] = useState(current.q);
  const [category, setCategory] = useState(current.category);
  const [targetGroup, setTargetGroup] = useState(current.targetGroup);
  const [cost, setCost] = useState(current.cost);
  const [near, setNear] = useState<PickedMunicipality | null>(current.near ? { istatCode: current.near, name: current.nearName } : null);
  const [radiusKm, setRadiusKm] = useState(current.radiusKm);
  const [isLabelledOnly, setLabelledOnly] = useState(current.isLabelledOnly);
  const [isMapShown, setMapShown] = useState(false);
  const taxonomy = useQuery(taxonomyQuery);

  const results = useQuery({
    ...serviceSearchQuery({
      q: current.q,
      category: current.category,
      targetGroup: current.targetGroup,
      cost: current.cost,
      near: current.near,
      radiusKm: current.near ? current.radiusKm : undefined,
      asTyped: current.isAsTyped ? 'true' : undefined,
      everyCategory: current.isEveryCategory ? 'true' : undefined,
      labelled: current.isLabelledOnly ? 'true' : undefined,
      page: current.page,
      pageSize: 10,
    }),
    placeholderData: keepPreviousData,
  });

  const go = (page: number) => {
    const next = new URLSearchParams();
    if (text.trim()) next.set('q', text.trim());
    if (category) next.set('categoria', category);
    if (targetGroup) next.set('per', targetGroup);
    if (cost) next.set('costo', cost);
    if (isLabelledOnly) next.set('marchio', '1');
    if (near) {
      next.set('vicino', near.istatCode);
      next.set('comune', near.name);
      next.set('km', String(radiusKm));
    }
    // Paging keeps "as typed" and "every category"; a new search from the form starts without them.
    if (page > 1) {
      next.set('pagina', String(page));
      if (current.isAsTyped) next.set('esatto', '1');
      if (current.isEveryCategory) next.set('tutte', '1');
    }
    setParams(next);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    go(1);
  };

  const items = results.data?.items ?? [];
  const topLevel = (taxonomy.data ?? []).filter((term) => term.parentId === null);

  let status: string;
  if (results.isPending || (results.isFetching && results.isPlaceholderData)) status = t('search.searching');
  else if (items.length === 0) status = t('search.none');
  else status = t('search.found', { count: items.length, page: current.page, more: results.data?.hasMore ? t('search.andMore') : '' });

  return (
    <>
      <PageHeader
        title={t('search.title')}
        breadcrumbs={[{ label: tCommon('nav.home'), to: paths.home }, { label: t('search.title') }]}
        lead={t('search.lead')}
      />
      <ProviderLinks />
      <form role="search" aria-label={t('search.formLabel')} onSubmit={submit} className="mb-4">
        <Row>
          <Col lg={8}>
            <TextField id="service-search" type="search" label={t('search.label')} help={t('search.help')} value={text} onChange={(event) => setText(event.target.value)} />
          </Col>
          <Col lg={4} className="d-flex align-items-start">
            <Button type="submit" color="primary" className="mt-lg-4">
              {t('search.submit')}
            </Button>
          </Col>
        </Row>
        <fieldset>
          <legend className="h6">{t('search.filters')}</legend>
          <Row>
            <Col md={4}>
              <SelectField id="service-category" label={t('search.category')} value={category} onChange={(event) => setCategory(event.target.value)}>
                <option value="">{t('search.anyCategory')}</option>
                {topLevel.map((term) => (
                  <option key={term.id} value={term.code}>
                    {labels.category(term)}
                  </option>
                ))}
              </SelectField>
            </Col>
            <Col md={4}>
              <SelectField id="service-target" label={t('search.targetGroup')} value={targetGroup} onChange={(event) => setTargetGroup(event.target.value)}>
                <option value="">{t('search.anyTargetGroup')}</option>
                {TARGET_GROUPS.map((group) => (
                  <option key={group} value={group}>
                    {t(`targetGroups.${group}`)}
                  </option>
                ))}
              </SelectField>
            </Col>
            <Col md={4}>
              <SelectField id="service-cost" label={t('search.cost')} value={cost} onChange={(event) => setCost(event.target.value)}>
                <option value="">{t('search.anyCost')}</option>
                {COST_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`costKinds.${kind}`)}
                  </option>
                ))}
              </SelectField>
            </Col>
            <Col md={8}>
              <MunicipalityPicker id="service-near" label={t('search.near')} help={t('search.nearHelp')} value={near} onChange={setNear} />
            </Col>
            <Col md={4}>
              <SelectField id="service-radius" label={t('search.radius')} value={radiusKm} onChange={(event) => setRadiusKm(Number(event.target.value))}>
                {RADII.map((radius) => (
                  <option key={radius} value={radius}>
                    {t('search.radiusOption', { count: radius })}
                  </option>
                ))}
              </SelectField>
            </Col>
            <Col md={12}>
              <div className="form-check">
                <input id="service-labelled" className="form-check-input" type="checkbox" checked={isLabelledOnly} onChange={(event) => setLabelledOnly(event.target.checked)} />
                <label htmlFor="service-labelled" className="form-check-label">
                  {t('search.labelledOnly')}
                </label>
              </div>
            </Col>
          </Row>
        </fieldset>
      </form>

      {!current.q && !current.category && topLevel.length > 0 && (
        <nav className="mb-4" aria-labelledby="service-browse-heading">
          <h2 id="service-browse-heading" className="h6">
            {t('search.browseTitle')}
          </h2>
          <ul className="list-inline mb-0">
            {topLevel.map((term) => (
              <li key={term.id} className="list-inline-item me-3">
                <Link to={`?${new URLSearchParams({ categoria: term.code }).toString()}`}>{labels.category(term)}</Link>
              </li>
            ))}
          </ul>
        </nav>
      )}

      <section aria-labelledby="service-results-heading">
        <div className="d-flex flex-wrap justify-content-between align-items-center mb-3">
          <h2 id="service-results-heading" className="h4 mb-0">
            {current.near ? t('search.resultsNear', { name: current.nearName, km: current.radiusKm }) : t('search.results')}
          </h2>
          <Button color="primary" outline size="sm" aria-expanded={isMapShown} aria-controls="service-map" onClick={() => setMapShown((shown) => !shown)}>
            {isMapShown ? t('search.hideMap') : t('search.showMap')}
          </Button>
        </div>
        <p className="search-status" role="status" aria-live="polite" aria-atomic="true">
          {status}
        </p>
        <UnderstoodLine
          understood={results.data?.understood}
          typedQuery={current.q}
          isExplicitNear={Boolean(current.near)}
          categoryLabel={(code) => {
            const term = (taxonomy.data ?? []).find((candidate) => candidate.code === code);
            return term ? labels.category(term) : null;
          }}
          onChooseNear={() => document.getElementById('service-near')?.focus()}
          linkTo={(change) => {
            const next = new URLSearchParams(params);
            next.delete('pagina');
            for (const [key, value] of Object.entries(change)) {
              if (value === null) next.delete(key);
              else next.set(key, value);
            }
            return `?${next.toString()}`;
          }}
          hasResults={items.length > 0}
          isLoaded={Boolean(results.data) && !results.isFetching}
        />
        {results.isError && <ApiErrorAlert error={results.error} onRetry={() => void results.refetch()} />}
        {results.isPending && <Loading />}
        <div id="service-map">
          {isMapShown && <ServicesMap items={items} nearCode={current.near || null} nearName={current.nearName || null} basemap={basemap} />}
        </div>
        {items.length > 0 && (
          <Row className="g-4 list-unstyled mt-1" tag="ul" aria-label={t('search.resultsLabel')}>
            {items.map((service) => (
              <Col key={service.id} lg={6} tag="li">
                <ServiceCard service={service} />
              </Col>
            ))}
          </Row>
        )}
        {(current.page > 1 || results.data?.hasMore) && (
          <nav className="d-flex gap-2 mt-4" aria-label={t('search.pagination')}>
            <Button color="primary" outline disabled={current.page <= 1} onClick={() => go(current.page - 1)}>
              {t('search.previous')}
            </Button>
            <span className="align-self-center">{t('search.page', { page: current.page })}</span>
            <Button color="primary" outline disabled={!results.data?.hasMore} onClick={() => go(current.page + 1)}>
              {t('search.next')}
            </Button>
          </nav>
        )}
        <p className="mt-4">
          <a href="/api/hsds/services">{t('search.openData')}</a>
        </p>
      </section>
    </>
  );
}

/**
 * Links for signed-in people who keep the directory current (the server checks their rights again): at the top of the
 * page, above the search and its results, so publishing or confirming a service is not found only after the list.
 */
function ProviderLinks() {
  const { t } = useTranslation('services');
  const { session } = useSession();
  if (!isSignedIn(session)) return null;
  return (
    <aside className="mb-4" aria-label={t('search.forProviders')}>
      <h2 className="h6">{t('search.forProviders')}</h2>
      <ul className="list-inline">
        <li className="list-inline-item me-3">
          <Link to="/servizi/nuovo">{t('search.publish')}</Link>
        </li>
        <li className="list-inline-item me-3">
          <Link to="/servizi/da-confermare">{t('stale.title')}</Link>
        </li>
        <li className="list-inline-item me-3">
          <Link to="/servizi/categorie">{t('taxonomy.title')}</Link>
        </li>
        <li className="list-inline-item me-3">
          <Link to="/servizi/importa">{t('import.title')}</Link>
        </li>
      </ul>
    </aside>
  );
}
