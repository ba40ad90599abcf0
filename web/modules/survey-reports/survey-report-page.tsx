import { lazy, Suspense, useMemo, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Button, Col, Row } from 'design-react-kit';
import type { TCrossTab, TQuestionReport, TRateGroup, TReportBar, TSurveyReport, TSurveyResponseSummary } from '../../../common/contracts/survey-reports';
import { ORGANIZATION_KIND_CODES } from '../../../common/domain/organizations';
import { ORGANIZATION_SIZE_CLASSES } from '../../../common/domain/organization-registry';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { isApiError } from '../../app/api-client';
import { isSignedIn } from '../../app/access';
import { formatNumber, formatShare } from '../../app/format';
import { paths } from '../../app/paths';
import { RequireAccess } from '../../app/require-access';
import { DataTable, type Column } from '../../ui/data-table';
import { SelectField, TextField } from '../../ui/form-field';
import { Loading } from '../../ui/loading';
import { Notice } from '../../ui/notice';
import { PageHeader } from '../../ui/page-header';
import { heatColours } from './heat-colour';
import { reportTextsQuery, responsesCsvUrl, setResponseExclusion, surveyReportQuery, surveyResponsesQuery } from './survey-reports.queries';
import '../../ui/printable.css';
import './survey-report.css';

// Chart.js is its own chunk, fetched when a report is shown.
const BarChart = lazy(() => import('./bar-chart'));
const PARAMS = ['variant', 'kind', 'sizeClass', 'municipalityCode', 'crossQuestion', 'crossBy'] as const;
type Param = (typeof PARAMS)[number];

function useLabels() {
  const { t, i18n } = useTranslation('surveyReports');
  const { t: to } = useTranslation('organizations');
  const decimal = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 });
  return {
    count: (value: number | null, hidden: boolean) => (hidden ? t('hidden') : value === null ? '—' : formatNumber(value, i18n.language)),
    share: (value: number | null) => (value === null ? '—' : formatShare(value, i18n.language)),
    decimal: (value: number | null) => (value === null ? '—' : decimal.format(value)),
    kind: (code: string) => (code === 'unknown' ? t('unknown') : to(`kinds.${code}` as 'kinds.firm', { defaultValue: code })),
    size: (code: string) => (code === 'unknown' ? t('unknown') : to(`sizes.${code}` as 'sizes.micro', { defaultValue: code })),
    bar: (question: TQuestionReport, bar: TReportBar) =>
      question.type === 'yes_no' && (bar.code === 'yes' || bar.code === 'no') ? t(`question.${bar.code}`) : bar.code === 'other' ? t('question.other') : bar.label,
  };
}

/** `/questionari/:id/rapporto`: the survey report with charts and tables, filters, cross-tab, texts, CSV and print. */
export function SurveyReportPage() {
  return (
    <RequireAccess allow={isSignedIn}>
      <SurveyReport />
    </RequireAccess>
  );
}

function SurveyReport() {
  const { t, i18n } = useTranslation('surveyReports');
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => Object.fromEntries(PARAMS.flatMap((key) => (params.get(key) ? [[key, params.get(key)!]] : []))) as Partial<Record<Param, string>>, [params]);
  const report = useQuery(surveyReportQuery(id, query as never));
  const update = (changes: Partial<Record<Param, string>>) => {
    const next = { ...query, ...changes };
    setParams(Object.fromEntries(Object.entries(next).filter(([, value]) => value)) as Record<string, string>);
  };
  if (report.isPending) return <Loading />;
  if (report.isError && isApiError(report.error) && report.error.code === 'SURVEYS.SMALL_GROUP') {
    // The shared report refused a filter that would describe one or two organizations: say so, offer the way out.
    return (
      <Notice color="warning" role="alert">
        <h2 className="h5">{t('smallGroup.title')}</h2>
        <p>{t('smallGroup.text')}</p>
        <Button color="primary" size="sm" type="button" onClick={() => update({ kind: '', sizeClass: '', municipalityCode: '' })}>
          {t('smallGroup.reset')}
        </Button>
      </Notice>
    );
  }
  if (report.isError) return <ApiErrorAlert error={report.error} onRetry={() => void report.refetch()} />;
  const data = report.data;
  return (
    <>
      <PageHeader
        title={data.survey.title}
        documentTitle={`${t('title')} — ${data.survey.title}`}
        breadcrumbs={[{ label: t('surveys'), to: paths.surveys }, { label: data.survey.title, to: `${paths.surveys}/${encodeURIComponent(id)}` }, { label: t('breadcrumb') }]}
        lead={[t('title'), data.survey.districtName].filter(Boolean).join(' · ')}
      />
      <div className="app-no-print d-flex flex-wrap gap-2 mb-3">
        <Button color="primary" type="button" onClick={() => window.print()}>
          {t('actions.print')}
        </Button>
        {data.variant === 'full' && (
          <a className="btn btn-outline-primary" href={responsesCsvUrl(id, { kind: query.kind, sizeClass: query.sizeClass, municipalityCode: query.municipalityCode, lang: i18n.language })} download>
            {t('actions.csv')}
          </a>
        )}
      </div>
      {data.canSeeFull && (
        <fieldset className="app-no-print mb-3">
          <legend className="h6">{t('variant.legend')}</legend>
          {(['full', 'shared'] as const).map((variant) => (
            <div className="form-check form-check-inline" key={variant}>
              <input
                className="form-check-input"
                type="radio"
                name="report-variant"
                id={`report-variant-${variant}`}
                checked={data.variant === variant}
                onChange={() => update({ variant })}
              />
              <label className="form-check-label" htmlFor={`report-variant-${variant}`}>
                {t(`variant.${variant}`)}
              </label>
            </div>
          ))}
        </fieldset>
      )}
      {data.variant === 'shared' && (
        <Notice color="info" role="note">
          <p className="mb-0">{t('variant.sharedNotice')}</p>
        </Notice>
      )}
      <ReportFilters report={data} query={query} onApply={update} />
      <ResponseRate report={data} />
      <CrossTabForm report={data} query={query} onApply={update} />
      {data.crossTab && <CrossTabTable crossTab={data.crossTab} />}
      {data.questions.map((question) => (
        <QuestionSection key={question.id} question={question} />
      ))}
      <TextAnswers surveyId={id} variant={data.variant} />
      {data.canSeeFull && data.variant === 'full' && <ResponseExclusions surveyId={id} />}
    </>
  );
}

function ReportFilters({ report, query, onApply }: { report: TSurveyReport; query: Partial<Record<Param, string>>; onApply: (changes: Partial<Record<Param, string>>) => void }) {
  const { t } = useTranslation('surveyReports');
  const labels = useLabels();
  const [draft, setDraft] = useState({ kind: query.kind ?? '', sizeClass: query.sizeClass ?? '', municipalityCode: query.municipalityCode ?? '' });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft);
  };
  return (
    <form className="app-no-print mb-4" onSubmit={submit} aria-labelledby="report-filters-heading">
      <h2 id="report-filters-heading" className="h5 mb-4">
        {t('filters.title')}
      </h2>
      <Row>
        <Col md={4}>
          <SelectField id="report-filter-kind" label={t('filters.kind')} value={draft.kind} onChange={(event) => setDraft({ ...draft, kind: event.target.value })}>
            <option value="">{t('filters.any')}</option>
            {ORGANIZATION_KIND_CODES.map((kind) => (
              <option key={kind} value={kind}>
                {labels.kind(kind)}
              </option>
            ))}
          </SelectField>
        </Col>
        <Col md={4}>
          <SelectField id="report-filter-size" label={t('filters.size')} value={draft.sizeClass} onChange={(event) => setDraft({ ...draft, sizeClass: event.target.value })}>
            <option value="">{t('filters.any')}</option>
            {[...ORGANIZATION_SIZE_CLASSES, 'unknown'].map((size) => (
              <option key={size} value={size}>
                {labels.size(size)}
              </option>
            ))}
          </SelectField>
        </Col>
        <Col md={4}>
          <SelectField id="report-filter-municipality" label={t('filters.municipality')} value={draft.municipalityCode} onChange={(event) => setDraft({ ...draft, municipalityCode: event.target.value })}>
            <option value="">{t('filters.any')}</option>
            {report.responseRate.byMunicipality
              .filter((group) => /^\d{6}$/.test(group.key))
              .map((group) => (
                <option key={group.key} value={group.key}>
                  {group.label ?? group.key}
                </option>
              ))}
          </SelectField>
        </Col>
      </Row>
      <Button color="primary" size="sm" type="submit">
        {t('filters.apply')}
      </Button>{' '}
      <Button
        color="secondary"
        outline
        size="sm"
        type="button"
        onClick={() => {
          setDraft({ kind: '', sizeClass: '', municipalityCode: '' });
          onApply({ kind: '', sizeClass: '', municipalityCode: '' });
        }}
      >
        {t('filters.reset')}
      </Button>
    </form>
  );
}

function ResponseRate({ report }: { report: TSurveyReport }) {
  const { t } = useTranslation('surveyReports');
  const labels = useLabels();
  const rate = report.responseRate;
  const columns = (label: (group: TRateGroup) => string): Column<TRateGroup>[] => [
    { key: 'group', header: t('rate.group'), isRowHeader: true, cell: label },
    { key: 'invited', header: t('rate.invited'), isNumeric: true, cell: (group) => labels.count(group.invited, group.invited === null) },
    { key: 'submitted', header: t('rate.submitted'), isNumeric: true, cell: (group) => labels.count(group.submitted, group.hidden) },
    { key: 'rate', header: t('rate.share'), isNumeric: true, cell: (group) => (group.hidden ? t('hidden') : labels.share(group.rate)) },
  ];
  const hiddenCount = (value: number | null) => (value === null ? t('hidden') : labels.count(value, false));
  return (
    <section aria-labelledby="report-rate-heading" className="mb-4 report-question">
      <h2 id="report-rate-heading" className="h4">
        {t('rate.title')}
      </h2>
      <p className="mb-1">
        {t('rate.summary', {
          invited: hiddenCount(rate.invited),
          submittedInvited: hiddenCount(rate.submittedInvited),
          submittedPublic: hiddenCount(rate.submittedPublic),
          inProgress: hiddenCount(rate.inProgress),
        })}
      </p>
      <p className="fw-semibold">{t('rate.overall', { rate: rate.submittedInvited === null ? t('hidden') : labels.share(rate.rate) })}</p>
      <Row className="g-3">
        <Col lg={4}>
          <DataTable caption={t('rate.byKind')} columns={columns((group) => labels.kind(group.key))} rows={rate.byKind} rowKey={(group) => group.key} />
        </Col>
        <Col lg={4}>
          <DataTable caption={t('rate.bySize')} columns={columns((group) => labels.size(group.key))} rows={rate.bySize} rowKey={(group) => group.key} />
        </Col>
        <Col lg={4}>
          <DataTable caption={t('rate.byMunicipality')} columns={columns((group) => group.label ?? t('unknown'))} rows={rate.byMunicipality} rowKey={(group) => group.key} />
        </Col>
      </Row>
    </section>
  );
}

function QuestionSection({ question }: { question: TQuestionReport }) {
  const { t } = useTranslation('surveyReports');
  const labels = useLabels();
  const headingId = `report-q-${question.code}`;
  const barLabels = useMemo(() => question.bars.map((bar) => labels.bar(question, bar)), [question, labels]);
  const barValues = useMemo(() => question.bars.map((bar) => bar.count), [question]);
  const barColumns: Column<TReportBar>[] = [
    { key: 'value', header: t('question.value'), isRowHeader: true, cell: (bar) => labels.bar(question, bar) },
    { key: 'count', header: t('question.count'), isNumeric: true, cell: (bar) => labels.count(bar.count, bar.hidden) },
    { key: 'share', header: t('question.share'), isNumeric: true, cell: (bar) => (bar.hidden ? t('hidden') : labels.share(bar.share)) },
  ];
  return (
    <section aria-labelledby={headingId} className="mb-4 report-question">
      <h2 id={headingId} className="h5">
        <span className="text-muted">{question.code}.</span> {question.label}
      </h2>
      <p className="small mb-2">{question.respondents === null ? t('question.respondentsHidden') : t('question.respondents', { count: question.respondents })}</p>
      {question.bars.length > 0 && (
        <Row className="g-3">
          <Col lg={7}>
            <Suspense fallback={<Loading />}>
              <BarChart labels={barLabels} values={barValues} ariaLabel={t('question.chartLabel', { label: question.label })} />
            </Suspense>
          </Col>
          <Col lg={5}>
            <DataTable caption={t('question.tableCaption', { label: question.label })} isCaptionHidden columns={barColumns} rows={question.bars} rowKey={(bar) => bar.code} />
          </Col>
        </Row>
      )}
      {question.matrix.length > 0 && <MatrixHeatMap question={question} />}
      {question.stats && (
        <dl className="facts">
          <dt>{t('question.mean')}</dt>
          <dd>
            {labels.decimal(question.stats.mean)} {question.stats.unit}
          </dd>
          <dt>{t('question.median')}</dt>
          <dd>{labels.decimal(question.stats.median)}</dd>
          {question.stats.min !== null && (
            <>
              <dt>{t('question.min')}</dt>
              <dd>{labels.decimal(question.stats.min)}</dd>
              <dt>{t('question.max')}</dt>
              <dd>{labels.decimal(question.stats.max)}</dd>
            </>
          )}
        </dl>
      )}
      {question.textCount !== null && question.textCount > 0 && (
        <p className="small">
          {t('question.texts', { count: question.textCount })} — <a href="#report-texts-heading">{t('question.textsLink')}</a>
        </p>
      )}
    </section>
  );
}

/** A matrix as a heat map: one row per item, the count of each relevance 1–5 and the mean, coloured by level. */
function MatrixHeatMap({ question }: { question: TQuestionReport }) {
  const { t } = useTranslation('surveyReports');
  const labels = useLabels();
  // The cell's colour follows the mean and its text colour is computed from it (contrast of at least 4.5:1).
  const heat = (mean: number | null, hidden: boolean) => (mean === null || hidden ? undefined : heatColours(mean));
  return (
    <div className="table-responsive">
      <table className="table table-sm data-table">
        <caption className="caption-top">{t('matrix.caption', { label: question.label })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('matrix.row')}</th>
            <th scope="col" className="text-end">
              {t('matrix.mean')}
            </th>
            {[1, 2, 3, 4, 5].map((value) => (
              <th key={value} scope="col" className="text-end">
                {t('matrix.level', { level: value })}
              </th>
            ))}
            <th scope="col" className="text-end">
              {t('matrix.respondents')}
            </th>
          </tr>
        </thead>
        <tbody>
          {question.matrix.map((row) => (
            <tr key={row.code}>
              <th scope="row">{row.label}</th>
              <td className="report-heat" style={heat(row.mean, row.hidden)}>{row.hidden ? t('hidden') : labels.decimal(row.mean)}</td>
              {row.counts.map((count, index) => (
                <td key={index} className="text-end">
                  {count === null ? t('hidden') : labels.count(count, false)}
                </td>
              ))}
              <td className="text-end">{labels.count(row.respondents, row.hidden)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const CROSSABLE = new Set(['single_choice', 'multiple_choice', 'yes_no', 'municipality', 'scale', 'matrix', 'number']);
const CROSS_BY = new Set(['single_choice', 'multiple_choice', 'yes_no', 'municipality', 'scale']);

function CrossTabForm({ report, query, onApply }: { report: TSurveyReport; query: Partial<Record<Param, string>>; onApply: (changes: Partial<Record<Param, string>>) => void }) {
  const { t } = useTranslation('surveyReports');
  const [question, setQuestion] = useState(query.crossQuestion ?? '');
  const [by, setBy] = useState(query.crossBy ?? 'kind');
  return (
    <form
      className="app-no-print mb-3"
      aria-labelledby="report-cross-heading"
      onSubmit={(event) => {
        event.preventDefault();
        onApply({ crossQuestion: question, crossBy: question ? by : '' });
      }}
    >
      <h2 id="report-cross-heading" className="h4 mb-4">
        {t('cross.title')}
      </h2>
      <Row>
        <Col md={6}>
          <SelectField id="report-cross-question" label={t('cross.question')} value={question} onChange={(event) => setQuestion(event.target.value)}>
            <option value="">{t('cross.choose')}</option>
            {report.questions
              .filter((candidate) => CROSSABLE.has(candidate.type))
              .map((candidate) => (
                <option key={candidate.code} value={candidate.code}>
                  {candidate.code}. {candidate.label}
                </option>
              ))}
          </SelectField>
        </Col>
        <Col md={6}>
          <SelectField id="report-cross-by" label={t('cross.by')} value={by} onChange={(event) => setBy(event.target.value)}>
            <option value="kind">{t('cross.byKind')}</option>
            <option value="size">{t('cross.bySize')}</option>
            <option value="municipality">{t('cross.byMunicipality')}</option>
            {report.questions
              .filter((candidate) => CROSS_BY.has(candidate.type) && candidate.code !== question)
              .map((candidate) => (
                <option key={candidate.code} value={`q:${candidate.code}`}>
                  {t('cross.byQuestion', { label: `${candidate.code}. ${candidate.label}` })}
                </option>
              ))}
          </SelectField>
        </Col>
      </Row>
      <Button color="primary" size="sm" type="submit">
        {t('cross.show')}
      </Button>
    </form>
  );
}

function CrossTabTable({ crossTab }: { crossTab: TCrossTab }) {
  const { t } = useTranslation('surveyReports');
  const labels = useLabels();
  const byLabel =
    crossTab.by === 'kind' ? t('cross.byKind') : crossTab.by === 'size' ? t('cross.bySize') : crossTab.by === 'municipality' ? t('cross.byMunicipality') : crossTab.byLabel;
  const columnLabel = (key: string, label: string) => (crossTab.by === 'kind' ? labels.kind(key) : crossTab.by === 'size' ? labels.size(key) : key === 'unknown' ? t('unknown') : label);
  return (
    <div className="table-responsive mb-4 report-question">
      <table className="table table-sm data-table">
        <caption className="caption-top">
          {t('cross.caption', { question: crossTab.questionLabel, by: byLabel })} — {crossTab.measure === 'count' ? t('cross.countNote') : t('cross.meanNote')}
        </caption>
        <thead>
          <tr>
            <th scope="col">{crossTab.questionLabel}</th>
            {crossTab.columns.map((column) => (
              <th key={column.key} scope="col" className="text-end">
                {columnLabel(column.key, column.label)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {crossTab.rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.key === 'yes' ? t('question.yes') : row.key === 'no' ? t('question.no') : row.key === 'other' ? t('question.other') : row.label}</th>
              {row.cells.map((cell) => (
                <td key={cell.column} className="text-end">
                  {cell.hidden ? t('hidden') : crossTab.measure === 'mean' ? `${labels.decimal(cell.mean)} (${labels.count(cell.count, false)})` : labels.count(cell.count, false)}
                </td>
              ))}
            </tr>
          ))}
          <tr>
            <th scope="row">{t('cross.respondents')}</th>
            {crossTab.columns.map((column) => (
              <td key={column.key} className="text-end">
                {labels.count(column.respondents, column.hidden)}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
    </div>
  );
}

function TextAnswers({ surveyId, variant }: { surveyId: string; variant: 'full' | 'shared' }) {
  const { t, i18n } = useTranslation('surveyReports');
  const [draft, setDraft] = useState('');
  const [search, setSearch] = useState('');
  const texts = useQuery(reportTextsQuery(surveyId, { variant, q: search || undefined, limit: 200 }));
  return (
    <section aria-labelledby="report-texts-heading" className="mb-4">
      <h2 id="report-texts-heading" className="h4">
        {t('texts.title')}
      </h2>
      <form
        className="app-no-print d-flex gap-2 align-items-end"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          setSearch(draft);
        }}
      >
        <TextField id="report-texts-search" label={t('texts.search')} value={draft} onChange={(event) => setDraft(event.target.value)} className="flex-grow-1" />
        <Button color="primary" size="sm" type="submit" className="mb-3">
          {t('texts.submit')}
        </Button>
      </form>
      {texts.isPending ? (
        <Loading />
      ) : texts.isError ? (
        <ApiErrorAlert error={texts.error} />
      ) : texts.data.items.length === 0 ? (
        <p>{t('texts.empty')}</p>
      ) : (
        <>
          <p className="small" role="status">
            {t('texts.count', { count: texts.data.total })}
          </p>
          <ul className="list-unstyled">
            {texts.data.items.map((item, index) => (
              <li key={index} className="mb-2 border-start ps-2">
                <span className="small text-muted">
                  {item.questionCode}
                  {item.itemCode === 'other' ? ` ${t('texts.other')}` : ''}
                  {item.organizationName ? ` · ${t('texts.by', { organization: item.organizationName })}` : ''}
                  {item.submittedAt ? ` · ${new Date(item.submittedAt).toLocaleDateString(i18n.language)}` : ''}
                </span>
                <blockquote className="mb-0">{item.text}</blockquote>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** The coordinator's list of responses, each excluded from the report (with a reason) or included again. */
function ResponseExclusions({ surveyId }: { surveyId: string }) {
  const { t, i18n } = useTranslation('surveyReports');
  const queryClient = useQueryClient();
  const responses = useQuery(surveyResponsesQuery(surveyId));
  const [excluding, setExcluding] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const change = useMutation({
    mutationFn: ({ response, isExcluded }: { response: TSurveyResponseSummary; isExcluded: boolean }) =>
      setResponseExclusion(surveyId, response.id, isExcluded ? { isExcluded: true, reason, version: response.version } : { isExcluded: false, version: response.version }),
    onSuccess: async () => {
      setExcluding(null);
      setReason('');
      await queryClient.invalidateQueries({ queryKey: ['surveys', surveyId] });
    },
  });
  const columns: Column<TSurveyResponseSummary>[] = [
    { key: 'organization', header: t('responses.organization'), isRowHeader: true, cell: (response) => response.organizationName ?? t('responses.publicLink') },
    {
      key: 'status',
      header: t('responses.status'),
      cell: (response) =>
        response.submittedAt ? t('responses.submitted', { date: new Date(response.submittedAt).toLocaleDateString(i18n.language) }) : t('responses.inProgress'),
    },
    { key: 'report', header: t('responses.report'), cell: (response) => (response.isExcluded ? t('responses.excluded', { reason: response.exclusionReason ?? '' }) : t('responses.included')) },
    {
      key: 'action',
      header: t('responses.action'),
      cell: (response) =>
        response.isExcluded ? (
          <Button color="primary" outline size="xs" type="button" disabled={change.isPending} onClick={() => change.mutate({ response, isExcluded: false })}>
            {t('responses.include')}
          </Button>
        ) : excluding === response.id ? (
          <form
            className="d-flex flex-wrap gap-2 align-items-end"
            onSubmit={(event) => {
              event.preventDefault();
              change.mutate({ response, isExcluded: true });
            }}
          >
            <TextField id={`exclusion-reason-${response.id}`} label={t('responses.reason')} value={reason} isRequired minLength={3} maxLength={500} onChange={(event) => setReason(event.target.value)} />
            <Button color="danger" size="xs" type="submit" className="mb-3" disabled={change.isPending}>
              {t('responses.confirm')}
            </Button>
            <Button color="secondary" outline size="xs" type="button" className="mb-3" onClick={() => setExcluding(null)}>
              {t('responses.cancel')}
            </Button>
          </form>
        ) : (
          <Button color="danger" outline size="xs" type="button" onClick={() => setExcluding(response.id)}>
            {t('responses.exclude')}
          </Button>
        ),
    },
  ];
  return (
    <section aria-labelledby="report-responses-heading" className="app-no-print mb-4">
      <h2 id="report-responses-heading" className="h4">
        {t('responses.title')}
      </h2>
      <p>{t('responses.lead')}</p>
      {change.isError && <ApiErrorAlert error={change.error} />}
      {responses.isPending ? (
        <Loading />
      ) : responses.isError ? (
        <ApiErrorAlert error={responses.error} />
      ) : responses.data.items.length === 0 ? (
        <p>{t('responses.empty')}</p>
      ) : (
        <DataTable caption={t('responses.caption')} columns={columns} rows={responses.data.items} rowKey={(response) => response.id} />
      )}
    </section>
  );
}
