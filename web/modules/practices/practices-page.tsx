import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Button } from 'design-react-kit';
import type { TPracticeSearchQuery } from '../../../common/contracts/practices';
import { PRACTICE_OUTCOMES } from '../../../common/domain/practices';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { isSignedIn } from '../../app/access';
import { formatDay } from '../../app/format';
import { paths } from '../../app/paths';
import { useSession } from '../../app/session';
import { SelectField, TextField } from '../../ui/form-field';
import { Loading } from '../../ui/loading';
import { PageHeader } from '../../ui/page-header';
import { districtsQuery } from '../districts';
import { OutcomeBadge, Snippet, useCategoryLabels } from './practice-labels';
import { practicesPaths } from './practices-paths';
import { practiceSearchQuery, practicesCsvUrl } from './practices.queries';

const PAGE = 20;

/** `/pratiche`: search and filters over the practices the reader may see; "failures and lessons" one click away. */
export function PracticesPage() {
  const { t, i18n } = useTranslation('practices');
  const { session } = useSession();
  const [params, setParams] = useSearchParams();
  const categories = useCategoryLabels();
  const districts = useQuery({ ...districtsQuery, enabled: isSignedIn(session) });
  const [typed, setTyped] = useState(params.get('q') ?? '');
  const [limit, setLimit] = useState(PAGE);
  const isLessons = params.get('lezioni') === '1';
  const query: TPracticeSearchQuery = {
    q: params.get('q') || undefined,
    outcome: (PRACTICE_OUTCOMES as readonly string[]).includes(params.get('esito') ?? '') ? (params.get('esito') as TPracticeSearchQuery['outcome']) : undefined,
    lessons: isLessons ? 'true' : undefined,
    categoryCode: params.get('categoria') || undefined,
    districtId: params.get('distretto') || undefined,
    tag: params.get('etichetta') || undefined,
    limit,
  };
  const results = useQuery(practiceSearchQuery(query));

  const withParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    return next;
  };
  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    setLimit(PAGE);
    setParams(withParam('q', typed.trim() || null));
  };
  const setFilter = (key: string) => (event: { target: { value: string } }) => {
    setLimit(PAGE);
    setParams(withParam(key, event.target.value || null));
  };

  return (
    <>
      <PageHeader
        title={t('list.title')}
        breadcrumbs={[{ label: t('list.title') }]}
        lead={t('list.lead')}
        aside={isSignedIn(session) ? <Link className="btn btn-primary" to={practicesPaths.create}>{t('list.create')}</Link> : undefined}
      />
      {/* The "failures and lessons" view is one click away: two toggle buttons that change this page's filter (and its address). */}
      <div role="group" aria-label={t('list.outcome')} className="btn-group mb-3">
        <Button color="primary" outline={isLessons} aria-pressed={!isLessons} onClick={() => { setLimit(PAGE); setParams(withParam('lezioni', null)); }}>
          {t('list.allPractices')}
        </Button>
        <Button color="primary" outline={!isLessons} aria-pressed={isLessons} onClick={() => { setLimit(PAGE); setParams(withParam('lezioni', '1')); }}>
          {t('list.lessonsOnly')}
        </Button>
      </div>
      <form role="search" onSubmit={onSearch} className="mb-3">
        <div className="d-flex flex-wrap align-items-end gap-2">
          <TextField id="practices-q" type="search" className="flex-grow-1 mb-0" label={t('list.searchLabel')} help={t('list.searchHelp')} value={typed} onChange={(event) => setTyped(event.target.value)} maxLength={200} />
          <Button color="primary" type="submit" className="mb-4">
            {t('list.search')}
          </Button>
        </div>
      </form>
      <fieldset className="mb-3">
        <legend className="h6">{t('list.filtersTitle')}</legend>
        <div className="row">
          <div className="col-md-3">
            <SelectField id="practices-outcome" label={t('list.outcome')} value={query.outcome ?? ''} onChange={setFilter('esito')}>
              <option value="">{t('list.any')}</option>
              {PRACTICE_OUTCOMES.map((outcome) => (
                <option key={outcome} value={outcome}>{t(`outcomes.${outcome}`)}</option>
              ))}
            </SelectField>
          </div>
          <div className="col-md-3">
            <SelectField id="practices-category" label={t('list.category')} value={query.categoryCode ?? ''} onChange={setFilter('categoria')}>
              <option value="">{t('list.anyCategory')}</option>
              {categories.terms.map((term) => (
                <option key={term.code} value={term.code}>{term.parentId ? `— ${categories.label(term.code)}` : categories.label(term.code)}</option>
              ))}
            </SelectField>
          </div>
          {districts.data && districts.data.length > 0 && (
            <div className="col-md-3">
              <SelectField id="practices-district" label={t('list.district')} value={query.districtId ?? ''} onChange={setFilter('distretto')}>
                <option value="">{t('list.any')}</option>
                {districts.data.map((district) => (
                  <option key={district.id} value={district.id}>{district.name}</option>
                ))}
              </SelectField>
            </div>
          )}
          <div className="col-md-3">
            <TextField id="practices-tag" label={t('list.tag')} defaultValue={query.tag ?? ''} maxLength={40}
              onBlur={(event) => { if ((event.target.value.trim() || undefined) !== query.tag) setParams(withParam('etichetta', event.target.value.trim() || null)); }}
              onKeyDown={(event) => { if (event.key === 'Enter') { event.preventDefault(); setParams(withParam('etichetta', event.currentTarget.value.trim() || null)); } }} />
          </div>
        </div>
      </fieldset>
      {results.isPending && <Loading />}
      {results.isError && <ApiErrorAlert error={results.error} />}
      {results.data && (
        <section aria-labelledby="practices-results">
          <div className="d-flex flex-wrap justify-content-between align-items-center mb-2">
            <h2 id="practices-results" className="h5 mb-0" aria-live="polite">{t('list.results', { count: results.data.total })}</h2>
            {results.data.total > 0 && <a href={practicesCsvUrl({ ...query, limit: undefined })} download>{t('list.exportCsv')}</a>}
          </div>
          {results.data.items.length === 0 ? (
            <p>{t('list.none')}</p>
          ) : (
            <ul className="list-unstyled">
              {results.data.items.map((item) => (
                <li key={item.id} className="border-bottom py-3">
                  <h3 className="h5 mb-1">
                    <Link to={practicesPaths.practice(item.id)}>{item.title}</Link>
                  </h3>
                  <div className="d-flex flex-wrap gap-2 align-items-center small mb-1">
                    <OutcomeBadge outcome={item.outcome} />
                    <span>{t('list.by', { organization: item.organizationName, district: item.districtName })}</span>
                    {item.categoryCode && <span>· {categories.label(item.categoryCode) ?? item.categoryLabel}</span>}
                    <span>· {t('list.updated', { date: formatDay(item.updatedAt, i18n.language) })}</span>
                  </div>
                  {item.snippet && <Snippet text={item.snippet} />}
                  {item.tags.length > 0 && (
                    <ul className="list-inline mb-0 small">
                      {item.tags.map((tag) => (
                        <li key={tag} className="list-inline-item">
                          <button type="button" className="btn btn-link btn-sm p-0" onClick={() => setParams(withParam('etichetta', tag))}>#{tag}</button>
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              ))}
            </ul>
          )}
          {results.data.total > results.data.items.length && (
            <Button color="primary" outline onClick={() => setLimit((value) => Math.min(value + PAGE, 100))} disabled={limit >= 100}>
              {t('list.more')}
            </Button>
          )}
          {!isSignedIn(session) && (
            <p className="mt-3">
              <Link to={paths.login}>{t('list.signInForMore')}</Link>
            </p>
          )}
        </section>
      )}
    </>
  );
}
