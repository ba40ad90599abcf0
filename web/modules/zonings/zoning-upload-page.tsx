import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { Trans, useTranslation } from 'react-i18next';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button } from 'design-react-kit';
import { ZONING_DOMAINS, type TZoningCoverage, type TZoningDomain, type TZoningImportReport, type TZoningImportRequest } from '../../../common/contracts/zonings';
import { PageHeader } from '../../ui/page-header';
import { SelectField, TextAreaField, TextField } from '../../ui/form-field';
import { DataTable, type Column } from '../../ui/data-table';
import { Notice } from '../../ui/notice';
import { RequireAccess } from '../../app/require-access';
import { isPlatformAdmin } from '../../app/access';
import { isApiError } from '../../app/api-client';
import { describeError, fieldText } from '../../app/error-messages';
import { formatNumber } from '../../app/format';
import { paths } from '../../app/paths';
import { regionsQuery } from '../territory';
import { importZoning, zoningsQuery } from './zonings.queries';
import { fileFormatOf } from './zoning-upload';
import { encodingName, fileToBase64 } from '../../app/file-bytes';

/** Upload a zoning (platform admins): check it first (dry run, every problem listed), then import it. */
export function ZoningUploadPage() {
  const { t } = useTranslation('zonings');
  const { t: tc } = useTranslation();
  return (
    <>
      <PageHeader title={t('upload.title')} breadcrumbs={[{ label: tc('nav.home'), to: paths.home }, { label: t('title'), to: paths.zonings }, { label: t('upload.title') }]} lead={<Trans t={t} i18nKey="upload.lead" components={{ code: <code /> }} />} />
      <RequireAccess allow={isPlatformAdmin} roles={['platform_admin']}>
        <ZoningUploadForm />
      </RequireAccess>
    </>
  );
}

type Problem = TZoningImportReport['problems'][number];

function reportOf(error: unknown): TZoningImportReport | null {
  if (!isApiError(error) || error.code !== 'ZONINGS.INVALID_FILE') return null;
  const details = error.details as { report?: TZoningImportReport } | undefined;
  return details?.report ?? null;
}

function ZoningUploadForm() {
  const { t, i18n } = useTranslation('zonings');
  const { t: tc } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const regions = useQuery(regionsQuery);
  const [file, setFile] = useState<File | null>(null);
  const [name, setName] = useState('');
  const [domain, setDomain] = useState<TZoningDomain>('social_assistance');
  const [coverage, setCoverage] = useState<TZoningCoverage>('partition');
  const [region, setRegion] = useState('');
  const [source, setSource] = useState('');
  const [referenceDate, setReferenceDate] = useState('');
  const [description, setDescription] = useState('');
  const [deriveZoneNames, setDeriveZoneNames] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<{ file?: string; name?: string }>({});
  const [report, setReport] = useState<TZoningImportReport | null>(null);

  const mutation = useMutation({
    mutationFn: async (dryRun: boolean) => {
      const format = fileFormatOf(file!.name);
      const request: TZoningImportRequest = {
        name: name.trim(),
        domain,
        coverage,
        regionCodes: region ? [region] : [],
        source: source.trim(),
        referenceDate: referenceDate || null,
        description: description.trim(),
        deriveZoneNames,
        format: format ?? 'csv',
        // A CSV goes as bytes so the server detects its encoding; GeoJSON is UTF-8 by definition.
        ...(format === 'geojson' ? { content: await file!.text() } : { content: '', contentBase64: await fileToBase64(file!) }),
        dryRun,
      };
      return importZoning(request);
    },
    onSuccess: (result) => {
      setReport(result);
      if (result.isWritten && result.zoningId) {
        void queryClient.invalidateQueries({ queryKey: zoningsQuery.queryKey });
        navigate(paths.zoning(result.zoningId));
      }
    },
    onError: (error) => {
      setReport(reportOf(error));
      if (isApiError(error)) setFieldErrors({ name: fieldText(error, 'name', tc) });
    },
  });

  const submit = (dryRun: boolean) => (event?: FormEvent) => {
    event?.preventDefault();
    const errors = {
      file: !file ? t('upload.fileRequired') : !fileFormatOf(file.name) ? t('upload.fileFormat') : undefined,
      name: name.trim().length < 3 ? t('upload.nameTooShort') : undefined,
    };
    setFieldErrors(errors);
    if (errors.file || errors.name) {
      document.getElementById(errors.file ? 'zoning-file' : 'zoning-name')?.focus();
      return;
    }
    mutation.mutate(dryRun);
  };

  const problemColumns: Column<Problem & { index: number }>[] = [
    { key: 'severity', header: t('upload.severity'), cell: (p) => (p.severity === 'error' ? t('upload.error') : t('upload.notice')) },
    { key: 'kind', header: t('upload.kind'), cell: (p) => t(`problems.${p.kind}`) },
    { key: 'line', header: t('upload.line'), isNumeric: true, cell: (p) => (p.line === null ? '—' : String(p.line)) },
    { key: 'code', header: t('zoning.istatCode'), cell: (p) => p.istatCode ?? '—' },
    { key: 'message', header: t('upload.message'), isRowHeader: true, cell: (p) => p.message },
  ];
  const zoneColumns: Column<TZoningImportReport['zones'][number]>[] = [
    { key: 'code', header: t('zoning.zoneCode'), cell: (z) => z.code },
    { key: 'name', header: t('zoning.zoneName'), isRowHeader: true, cell: (z) => (z.nameIsDerived ? `${z.name} (${t('zoning.derivedName')})` : z.name) },
    { key: 'municipalities', header: t('list.municipalities'), isNumeric: true, cell: (z) => formatNumber(z.municipalityCount, i18n.language) },
    { key: 'population', header: t('list.population'), isNumeric: true, cell: (z) => formatNumber(z.population, i18n.language) },
  ];
  const otherError = mutation.isError && !reportOf(mutation.error);

  return (
    <>
      <form onSubmit={submit(true)} noValidate aria-labelledby="zoning-upload-heading" className="edit-panel">
        <h2 id="zoning-upload-heading" className="h4">{t('upload.formTitle')}</h2>
        <div className="form-group">
          <label htmlFor="zoning-file" className="active">{t('upload.file')}</label>
          <input
            id="zoning-file"
            type="file"
            className={`form-control${fieldErrors.file ? ' is-invalid' : ''}`}
            accept=".csv,.geojson,.json,text/csv,application/geo+json,application/json"
            aria-describedby="zoning-file-help"
            aria-invalid={fieldErrors.file ? true : undefined}
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              setReport(null);
            }}
          />
          <small id="zoning-file-help" className="form-text"><Trans t={t} i18nKey="upload.fileHelp" components={{ code: <code /> }} /></small>
          {fieldErrors.file && <div className="invalid-feedback d-block">{fieldErrors.file}</div>}
        </div>
        <TextField id="zoning-name" label={t('upload.name')} value={name} isRequired maxLength={200} error={fieldErrors.name} onChange={(event) => setName(event.target.value)} />
        <SelectField id="zoning-domain" label={t('list.domain')} value={domain} onChange={(event) => setDomain(event.target.value as TZoningDomain)}>
          {ZONING_DOMAINS.map((d) => <option key={d} value={d}>{t(`domains.${d}`)}</option>)}
        </SelectField>
        <SelectField id="zoning-coverage" label={t('list.coverage')} value={coverage} help={t('upload.coverageHelp')} onChange={(event) => setCoverage(event.target.value as TZoningCoverage)}>
          <option value="partition">{t('coverage.partition')}</option>
          <option value="partial">{t('coverage.partial')}</option>
        </SelectField>
        <SelectField id="zoning-region" label={t('upload.region')} value={region} help={t('upload.regionHelp')} onChange={(event) => setRegion(event.target.value)}>
          <option value="">{t('upload.regionInferred')}</option>
          {(regions.data ?? []).map((r) => <option key={r.code} value={r.code}>{r.name}</option>)}
        </SelectField>
        <TextField id="zoning-source" label={t('zoning.source')} value={source} maxLength={500} onChange={(event) => setSource(event.target.value)} />
        <TextField id="zoning-reference-date" label={t('zoning.referenceDate')} type="date" value={referenceDate} onChange={(event) => setReferenceDate(event.target.value)} />
        <TextAreaField id="zoning-description" label={t('upload.description')} rows={3} value={description} maxLength={5000} onChange={(event) => setDescription(event.target.value)} />
        <div className="form-check mb-4">
          <input id="zoning-derive-names" type="checkbox" checked={deriveZoneNames} aria-describedby="zoning-derive-names-help" onChange={(event) => setDeriveZoneNames(event.target.checked)} />
          <label htmlFor="zoning-derive-names">{t('upload.deriveNames')}</label>
          <p id="zoning-derive-names-help" className="small mb-0">{t('upload.deriveNamesHelp')}</p>
        </div>
        <div className="d-flex flex-wrap gap-3">
          <Button type="submit" color="primary" disabled={mutation.isPending}>{t('upload.check')}</Button>
          <Button type="button" color="primary" outline disabled={mutation.isPending} onClick={() => submit(false)()}>{t('upload.import')}</Button>
        </div>
      </form>

      <div aria-live="polite" className="mt-4">
        {mutation.isPending && <p>{t('upload.working')}</p>}
        {otherError && (
          <Alert fade={false} color="danger" role="alert">{describeError(mutation.error, tc)}</Alert>
        )}
        {report && (
          <section aria-labelledby="zoning-report-heading">
            <h2 id="zoning-report-heading" className="h4">{t('upload.reportTitle')}</h2>
            {report.errorCount > 0 ? (
              <Notice color="danger" role="alert">
                <p className="mb-0">{t(report.dryRun ? 'upload.wouldRefuse' : 'upload.refused', { count: report.errorCount })}</p>
              </Notice>
            ) : (
              <Notice color="success" role="status">
                <p className="mb-0">{t('upload.valid', { municipalities: report.municipalityCount, zones: report.zones.length })}</p>
              </Notice>
            )}
            <dl className="facts">
              <dt>{t('upload.rows')}</dt>
              <dd>{formatNumber(report.rowCount, i18n.language)}</dd>
              <dt>{t('list.municipalities')}</dt>
              <dd>{formatNumber(report.municipalityCount, i18n.language)}</dd>
              <dt>{t('list.population')}</dt>
              <dd>{formatNumber(report.population, i18n.language)}</dd>
              <dt>{t('zoning.regions')}</dt>
              <dd>{report.regionCodes.join(', ') || '—'}</dd>
              {report.encoding && (
                <>
                  <dt>{t('upload.encoding')}</dt>
                  <dd>{encodingName(report.encoding)}</dd>
                </>
              )}
            </dl>
            {report.problems.length > 0 && (
              <DataTable caption={t('upload.problemsCaption', { count: report.problems.length })} columns={problemColumns} rows={report.problems.map((p, index) => ({ ...p, index }))} rowKey={(p) => String(p.index)} />
            )}
            {report.zones.length > 0 && (
              <DataTable caption={t('upload.zonesCaption', { count: report.zones.length })} columns={zoneColumns} rows={report.zones} rowKey={(z) => z.code} />
            )}
          </section>
        )}
      </div>
    </>
  );
}
