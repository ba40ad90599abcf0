import { useState, type ChangeEvent, type FormEvent } from 'react';
import { Link } from 'react-router';
import { Trans, useTranslation } from 'react-i18next';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button } from 'design-react-kit';
import { ORGANIZATION_IMPORT_FIELDS } from '../../../common/domain/organization-registry';
import type { TImportMapping, TImportPreview, TImportReport, TInferredKindGroup, TKindChoices } from '../../../common/contracts/organizations';
import { ORGANIZATION_KIND_CODES, type OrganizationKind } from '../../../common/domain/organizations';
import { kindLabel } from './organization-labels';
import { PageHeader } from '../../ui/page-header';
import { DataTable, type Column } from '../../ui/data-table';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { paths } from '../../app/paths';
import { dryRunImport, importQuery, previewImport, startImport, type UploadedFile } from './organizations.queries';

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

type Rejected = TImportReport['rejected'][number];
type Noted = TImportReport['notes'][number];

function ReportSummary({ report, isDone }: { report: TImportReport; isDone: boolean }) {
  const { t } = useTranslation('organizations');
  const columns: Column<Rejected>[] = [
    { key: 'line', header: t('import.line'), isRowHeader: true, isNumeric: true, cell: (r) => r.line },
    { key: 'reason', header: t('import.reason'), cell: (r) => r.reason },
  ];
  const noteColumns: Column<Noted>[] = [
    { key: 'line', header: t('import.line'), isRowHeader: true, isNumeric: true, cell: (r) => r.line },
    { key: 'note', header: t('import.note'), cell: (r) => r.note },
  ];
  return (
    <>
      <dl className="facts" data-testid={isDone ? 'import-result' : 'dry-run-result'}>
        <dt>{isDone ? t('import.createdDone') : t('import.created')}</dt><dd>{report.created}</dd>
        <dt>{isDone ? t('import.updatedDone') : t('import.updated')}</dt><dd>{report.updated}</dd>
        <dt>{isDone ? t('import.flaggedDone') : t('import.flagged')}</dt><dd>{report.flagged}</dd>
        <dt>{isDone ? t('import.rejectedDone') : t('import.rejected')}</dt><dd>{report.rejected.length}</dd>
        {report.kindInferred > 0 && <><dt>{isDone ? t('import.kindInferredDone') : t('import.kindInferred')}</dt><dd>{report.kindInferred}</dd></>}
      </dl>
      {report.rejected.length > 0 && <DataTable caption={t('import.rejectedCaption')} columns={columns} rows={report.rejected} rowKey={(r) => String(r.line)} />}
      {report.notes.length > 0 && <DataTable caption={t('import.notesCaption')} columns={noteColumns} rows={report.notes} rowKey={(r) => String(r.line)} />}
    </>
  );
}

/** The review step: the kinds proposed for a file without a kind column, one group per reason, each changeable. */
function KindReview({ groups, choices, onChange }: { groups: TInferredKindGroup[]; choices: TKindChoices; onChange: (choices: TKindChoices) => void }) {
  const { t } = useTranslation('organizations');
  return (
    <section aria-labelledby="kind-review" className="mt-4">
      <h3 id="kind-review" className="h5">{t('import.reviewTitle')}</h3>
      <p>{t('import.reviewLead')}</p>
      <div className="table-responsive">
        <table className="table table-sm" data-testid="kind-review">
          <caption className="visually-hidden">{t('import.reviewCaption')}</caption>
          <thead>
            <tr><th scope="col">{t('import.reviewReason')}</th><th scope="col" className="text-end">{t('import.reviewCount')}</th><th scope="col">{t('import.reviewExamples')}</th><th scope="col">{t('import.reviewKind')}</th></tr>
          </thead>
          <tbody>
            {groups.map((group) => (
              <tr key={group.reason}>
                <th scope="row">{t(`import.reasons.${group.reason}`)}</th>
                <td className="text-end">{group.count}</td>
                <td className="small">{group.examples.join('; ')}</td>
                <td>
                  <select className="form-select form-select-sm" aria-label={`${t('import.reviewKind')}: ${t(`import.reasons.${group.reason}`)}`}
                    value={choices[group.reason] ?? group.kind}
                    onChange={(event) => onChange({ ...choices, [group.reason]: event.target.value as OrganizationKind })}>
                    {ORGANIZATION_KIND_CODES.map((kind) => <option key={kind} value={kind}>{kindLabel(t, kind)}</option>)}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function ImportProgress({ importId }: { importId: string }) {
  const { t } = useTranslation('organizations');
  const progress = useQuery(importQuery(importId));
  if (progress.isError) return <ApiErrorAlert error={progress.error} />;
  const report = progress.data;
  if (!report) return null;
  const percent = report.totalRows === 0 ? 100 : Math.round((report.processedRows / report.totalRows) * 100);
  return (
    <>
      <div className="progress my-3" style={{ height: '1.25rem' }}>
        <div className="progress-bar" role="progressbar" aria-label={t('import.progressLabel')} aria-valuenow={percent} aria-valuemin={0} aria-valuemax={100} style={{ width: `${percent}%` }}>{percent}%</div>
      </div>
      <p role="status" aria-live="polite">
        {report.status === 'running' && t('import.running', { done: report.processedRows, total: report.totalRows })}
        {report.status === 'completed' && t('import.completed')}
        {report.status === 'failed' && t('import.failed', { error: report.error ?? '' })}
      </p>
      {report.status === 'completed' && (
        <>
          <ReportSummary report={report} isDone />
          <Link className="btn btn-primary" to={paths.organizations}>{t('import.goToDirectory')}</Link>
        </>
      )}
    </>
  );
}

/** Upload → column mapping (remembered per file shape) → dry run with the per-row report → import with progress. */
export function OrganizationImportPage() {
  const { t } = useTranslation('organizations');
  const { t: tCommon } = useTranslation();
  const [file, setFile] = useState<UploadedFile | null>(null);
  const [preview, setPreview] = useState<TImportPreview | null>(null);
  const [mapping, setMapping] = useState<TImportMapping>({});
  const [dryRun, setDryRun] = useState<TImportReport | null>(null);
  const [importId, setImportId] = useState<string | null>(null);
  const [source, setSource] = useState('');
  const [kindChoices, setKindChoices] = useState<TKindChoices>({});
  /** The kinds confirmed by importing: every group of the dry run, with the kind chosen for it (or the proposed one). */
  const confirmedKinds = (report: TImportReport): TKindChoices =>
    Object.fromEntries(report.inferredKinds.map((group) => [group.reason, kindChoices[group.reason] ?? group.kind]));
  const choicesOf = (report: TImportReport | null) => ({
    ...(source.trim() ? { source: source.trim() } : {}),
    ...(report && report.inferredKinds.length > 0 ? { kindChoices: confirmedKinds(report) } : {}),
  });

  const read = useMutation({
    mutationFn: (uploaded: UploadedFile) => previewImport(uploaded),
    onSuccess: (result) => {
      setPreview(result);
      setMapping(result.mapping);
      setDryRun(null);
      setImportId(null);
      setKindChoices({});
      setSource(result.suggestedSource ?? '');
    },
  });
  const tryIt = useMutation({ mutationFn: () => dryRunImport(file!, mapping, { ...choicesOf(null), kindChoices }), onSuccess: setDryRun });
  const run = useMutation({ mutationFn: () => startImport(file!, mapping, choicesOf(dryRun)), onSuccess: (report) => setImportId(report.importId) });
  const isInferring = !Object.values(mapping).includes('kind');

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    if (!chosen) return;
    const uploaded = { fileName: chosen.name, contentBase64: toBase64(new Uint8Array(await chosen.arrayBuffer())) };
    setFile(uploaded);
    read.mutate(uploaded);
  };
  const submitDryRun = (event: FormEvent) => {
    event.preventDefault();
    tryIt.mutate();
  };

  return (
    <>
      <PageHeader
        title={t('import.title')}
        breadcrumbs={[{ label: tCommon('nav.home'), to: paths.home }, { label: t('directory.title'), to: paths.organizations }, { label: t('import.title') }]}
        lead={t('import.lead')}
      />
      <div className="form-group">
        <label htmlFor="import-file" className="active d-block">{t('import.file')}</label>
        <input id="import-file" type="file" accept=".csv,text/csv" className="form-control" aria-describedby="import-file-help" onChange={(event) => void choose(event)} />
        <small id="import-file-help" className="form-text"><Trans t={t} i18nKey="import.fileHelp" components={{ code: <code /> }} /></small>
      </div>
      {read.isError && <ApiErrorAlert error={read.error} />}
      {preview && (
        <form onSubmit={submitDryRun} className="mt-4">
          <h2 className="h4">{t('import.step1')}</h2>
          <p>{t('import.fileInfo', { rows: preview.totalRows, encoding: preview.encoding, delimiter: preview.delimiter })}</p>
          {preview.isMappingRemembered && <Alert fade={false} color="info">{t('import.remembered')}</Alert>}
          <div className="table-responsive">
            <table className="table table-sm">
              <caption className="visually-hidden">{t('import.step1')}</caption>
              <thead><tr><th scope="col">{t('import.column')}</th><th scope="col">{t('import.field')}</th><th scope="col">{t('import.example')}</th></tr></thead>
              <tbody>
                {preview.headers.map((header, index) => (
                  <tr key={header}>
                    <th scope="row"><label htmlFor={`mapping-${index}`}>{header}</label></th>
                    <td>
                      <select id={`mapping-${index}`} className="form-select form-select-sm" value={mapping[header] ?? ''}
                        onChange={(event) => { setMapping({ ...mapping, [header]: (event.target.value || null) as TImportMapping[string] }); setDryRun(null); }}>
                        <option value="">{t('import.ignore')}</option>
                        {ORGANIZATION_IMPORT_FIELDS.map((field) => <option key={field} value={field}>{t(`import.fields.${field}`)}</option>)}
                      </select>
                    </td>
                    <td className="small">{preview.sampleRows[0]?.[index] ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="form-group mt-3">
            <label htmlFor="import-source" className="active">{t('import.source')}</label>
            <input id="import-source" type="text" className="form-control" maxLength={200} value={source} aria-describedby="import-source-help"
              onChange={(event) => { setSource(event.target.value); setDryRun(null); }} />
            <small id="import-source-help" className="form-text">{t('import.sourceHelp')}</small>
          </div>
          <h2 className="h4 mt-4">{t('import.step2')}</h2>
          {tryIt.isError && <ApiErrorAlert error={tryIt.error} />}
          <Button type="submit" color="primary" outline disabled={tryIt.isPending}>{t('import.dryRun')}</Button>
        </form>
      )}
      {dryRun && (
        <section className="mt-3" aria-live="polite">
          <ReportSummary report={dryRun} isDone={false} />
          {isInferring && dryRun.inferredKinds.length > 0 && (
            <>
              <KindReview groups={dryRun.inferredKinds} choices={kindChoices} onChange={(next) => { setKindChoices(next); }} />
              {dryRun.inferredKinds.some((group) => (kindChoices[group.reason] ?? group.kind) !== group.kind) && (
                <Button color="primary" outline size="sm" onClick={() => tryIt.mutate()} disabled={tryIt.isPending || importId !== null}>{t('import.applyKinds')}</Button>
              )}
            </>
          )}
          <h2 className="h4 mt-4">{t('import.step3')}</h2>
          {run.isError && <ApiErrorAlert error={run.error} />}
          {!importId && <Button color="primary" onClick={() => run.mutate()} disabled={run.isPending}>{t('import.run')}</Button>}
          {importId && <ImportProgress importId={importId} />}
        </section>
      )}
    </>
  );
}
