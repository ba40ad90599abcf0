import { useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '@tanstack/react-query';
import { Button } from 'design-react-kit';
import { PageHeader } from '../../ui/page-header';
import { Notice } from '../../ui/notice';
import { TextAreaField } from '../../ui/form-field';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { paths } from '../../app/paths';
import { encodingName, fileToBase64 } from '../../app/file-bytes';
import { servicePaths } from './service-paths';
import { importServices } from './services.queries';

/** Platform admins load services from CSV: check first (dry run), read the per-row report, then import. */
export function ServicesImportPage() {
  const { t } = useTranslation('services');
  const { t: tCommon } = useTranslation();
  const [csv, setCsv] = useState('');
  const [isDryRun, setDryRun] = useState(true);
  const run = useMutation({ mutationFn: () => importServices(csv, isDryRun) });
  const readFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // The bytes, not file.text(): the server detects the encoding (UTF-16, Windows-1252) and names it in the report.
    if (file) void fileToBase64(file).then(setCsv);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    run.mutate();
  };
  const report = run.data;

  return (
    <>
      <PageHeader
        title={t('import.title')}
        breadcrumbs={[{ label: tCommon('nav.home'), to: paths.home }, { label: t('search.title'), to: servicePaths.search }, { label: t('import.title') }]}
        lead={t('import.lead')}
      />
      <form onSubmit={submit}>
        <div className="form-group">
          <label htmlFor="import-file" className="active">{t('import.file')}</label>
          <input id="import-file" type="file" accept=".csv,text/csv" className="form-control" onChange={readFile} />
        </div>
        <TextAreaField id="import-csv" label={t('import.csv')} help={t('import.csvHelp')} rows={8} value={csv} onChange={(e) => setCsv(e.target.value)} />
        <div className="form-check">
          <input id="import-dry-run" type="checkbox" checked={isDryRun} onChange={(e) => setDryRun(e.target.checked)} />
          <label htmlFor="import-dry-run">{t('import.dryRun')}</label>
        </div>
        <Button type="submit" color="primary" disabled={run.isPending || csv.trim() === ''}>
          {isDryRun ? t('import.check') : t('import.run')}
        </Button>
      </form>
      {run.isError && <ApiErrorAlert error={run.error} />}
      {report && (
        <section className="mt-4" aria-labelledby="import-report-heading">
          <h2 id="import-report-heading" className="h5">{t('import.report')}</h2>
          <Notice color={report.valid === report.total ? 'success' : 'warning'} role="status">
            {t('import.summary', { total: report.total, valid: report.valid, created: report.created })}
            {report.encoding && <span className="d-block small">{`${t('import.encoding')}: ${encodingName(report.encoding)}`}</span>}
          </Notice>
          <div className="table-responsive">
            <table className="table">
              <caption>{t('import.rowsCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('import.line')}</th>
                  <th scope="col">{t('stale.service')}</th>
                  <th scope="col">{t('import.outcome')}</th>
                </tr>
              </thead>
              <tbody>
                {report.rows.map((row) => (
                  <tr key={row.line}>
                    <th scope="row">{row.line}</th>
                    <td>{row.name}</td>
                    <td>{row.status === 'ok' ? t('import.ok') : row.reasons.join('; ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </>
  );
}
