import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { Button } from 'design-react-kit';
import type { TPactDetail, TPactDiff } from '../../../common/contracts/pacts';
import { PageHeader } from '../../ui/page-header';
import { Loading } from '../../ui/loading';
import { SelectField } from '../../ui/form-field';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { LoadedPact, type Crumbs } from './loaded-pact';
import { PACT_PARAMS, pactPaths } from './pact-paths';
import { diffPair, versionNumberParam } from './pact-rules';
import { pactDiffQuery } from './pacts.queries';
import { usePactLabels } from './use-pact-labels';
import './pacts.css';

/** What changed between two versions of a pact, article by article, the changed words marked (not by colour alone). */
export function PactDiffPage() {
  return <LoadedPact>{(pact, crumbs) => <PactDiffView pact={pact} crumbs={crumbs} />}</LoadedPact>;
}

function PactDiffView({ pact, crumbs }: { pact: TPactDetail; crumbs: Crumbs }) {
  const { t } = useTranslation('pacts');
  const labels = usePactLabels();
  const [params, setParams] = useSearchParams();
  const pair = diffPair(pact.versions, { from: versionNumberParam(params.get(PACT_PARAMS.from)), to: versionNumberParam(params.get(PACT_PARAMS.to)) });
  const [chosen, setChosen] = useState<{ from: string; to: string } | null>(null);
  const from = chosen?.from ?? String(pair?.from.number ?? '');
  const to = chosen?.to ?? String(pair?.to.number ?? '');
  const title = t('diff.title');
  const versionOptions = pact.versions.map((version) => (
    <option key={version.id} value={version.number}>
      {t('diff.versionOption', { number: version.number, status: labels.status(version.status).toLowerCase() })}
    </option>
  ));
  return (
    <>
      <PageHeader title={title} documentTitle={`${title} · ${pact.title}`} breadcrumbs={[...crumbs, { label: pact.title, to: pactPaths.pact(pact.id) }, { label: title }]} lead={t('diff.lead')} />
      {!pair ? (
        <p>{t('diff.notEnough')}</p>
      ) : (
        <>
          <form
            aria-label={title}
            className="row g-2 align-items-end mb-3"
            onSubmit={(event) => {
              event.preventDefault();
              const next = new URLSearchParams(params);
              next.set(PACT_PARAMS.from, from);
              next.set(PACT_PARAMS.to, to);
              setParams(next, { replace: true });
              setChosen(null);
            }}
          >
            <SelectField id="pact-diff-from" label={t('diff.from')} value={from} onChange={(event) => setChosen({ from: event.target.value, to })} className="col-md-5">
              {versionOptions}
            </SelectField>
            <SelectField id="pact-diff-to" label={t('diff.to')} value={to} onChange={(event) => setChosen({ from, to: event.target.value })} className="col-md-5">
              {versionOptions}
            </SelectField>
            <div className="col-md-2 form-group">
              <Button type="submit" color="primary">
                {t('diff.compare')}
              </Button>
            </div>
          </form>
          <DiffResult pactId={pact.id} fromId={pair.from.id} toId={pair.to.id} fromNumber={pair.from.number} toNumber={pair.to.number} />
          <p>
            <Link to={pactPaths.pact(pact.id)}>{pact.title}</Link>
          </p>
        </>
      )}
    </>
  );
}

function DiffResult({ pactId, fromId, toId, fromNumber, toNumber }: { pactId: string; fromId: string; toId: string; fromNumber: number; toNumber: number }) {
  const { t } = useTranslation('pacts');
  const labels = usePactLabels();
  const diff = useQuery(pactDiffQuery(pactId, fromId, toId));
  if (diff.isPending) return <Loading />;
  if (diff.isError) return <ApiErrorAlert error={diff.error} onRetry={() => void diff.refetch()} />;
  const changed = diff.data.articles.filter((article) => article.change !== 'unchanged').length;
  return (
    <section aria-labelledby="pact-diff-heading" className="pact-diff">
      <h2 id="pact-diff-heading" className="h4">
        {t('diff.heading', { from: fromNumber, to: toNumber })}
      </h2>
      <p role="status">{changed === 0 ? t('diff.noChange') : t('diff.summary', { count: changed, formatted: labels.number(changed) })}</p>
      {diff.data.articles.map((article, index) => (
        <ArticleDiff key={`${article.number ?? 'preamble'}-${index}`} article={article} />
      ))}
    </section>
  );
}

function ArticleDiff({ article }: { article: TPactDiff['articles'][number] }) {
  const { t } = useTranslation('pacts');
  const labels = usePactLabels();
  const name = article.number === null ? t('diff.preamble') : [t('diff.article', { number: article.number }), article.title].filter(Boolean).join(' - ');
  return (
    <article className="border-top pt-2 mt-3">
      <h3 className="h5">
        {name} <span className="badge bg-light text-dark border">{labels.articleChange(article.change)}</span>
      </h3>
      <p className="pact-diff-text">
        {article.parts.map((part, index) =>
          part.kind === 'added' ? (
            <ins key={index}>
              <span className="visually-hidden">{t('diff.added')} </span>
              {part.text}
            </ins>
          ) : part.kind === 'removed' ? (
            <del key={index}>
              <span className="visually-hidden">{t('diff.removed')} </span>
              {part.text}
            </del>
          ) : (
            <span key={index}>{part.text}</span>
          ),
        )}
      </p>
    </article>
  );
}
