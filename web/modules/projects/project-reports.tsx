import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'design-react-kit';
import type { TProject, TReport } from '../../../common/contracts/projects';
import type { TStoredFile } from '../../../common/contracts/files';
import { SelectField, TextAreaField, TextField } from '../../ui/form-field';
import { MarkdownView } from '../../ui/markdown-view';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { formatFileSize, formatInstantDay } from '../../app/format';
import { partAuthorChoices, reportFieldProblems } from './project-form-rules';
import { PrintableSection, SectionForm } from '../../ui/printable-section';
import { addReport, projectFileUrl, removeProjectFile, uploadProjectFile } from './projects.queries';
import { useProjectMutation } from './use-project-mutation';
import { useProjectLabels } from './use-project-labels';

/**
 * Progress reports: members only (the server sends null to anyone else, and the section is then not shown at all).
 * The lead and the coordinators report for the whole project or any partner, a partner for its own organizations.
 */
export function ProjectReportsSection({ project }: { project: TProject }) {
  const { t } = useTranslation('projects');
  if (project.reports === null) return null;
  const reports = [...project.reports].sort((a, b) => b.periodEnd.localeCompare(a.periodEnd) || b.createdAt.localeCompare(a.createdAt));
  const authors = partAuthorChoices(project);
  return (
    <PrintableSection id="project-reports" title={t('reports.title')}>
      {reports.length === 0 ? (
        <p>{t('reports.empty')}</p>
      ) : (
        <ul className="list-unstyled">
          {reports.map((report) => (
            <ReportItem key={report.id} report={report} />
          ))}
        </ul>
      )}
      {authors.length > 0 && <ReportForm project={project} authors={authors} />}
    </PrintableSection>
  );
}

function ReportItem({ report }: { report: TReport }) {
  const { t } = useTranslation('projects');
  const labels = useProjectLabels();
  return (
    <li className="border-start ps-3 mb-4">
      <h3 className="h5">{t('reports.heading', { start: labels.day(report.periodStart), end: labels.day(report.periodEnd) })}</h3>
      <p className="small text-secondary">{report.organizationName === null
          ? t('reports.byWhenProject', { day: formatInstantDay(report.createdAt, labels.language) })
          : t('reports.byWhen', { author: report.organizationName, day: formatInstantDay(report.createdAt, labels.language) })}</p>
      <MarkdownView markdown={report.text} headingOffset={3} />
      {report.files.length > 0 && (
        <ul aria-label={t('reports.filesOf', { start: labels.day(report.periodStart), end: labels.day(report.periodEnd) })}>
          {report.files.map((file) => (
            <li key={file.id}>
              <a href={projectFileUrl(file.id)} download={file.name}>
                {t('reports.download', { name: file.name })}
              </a>{' '}
              <span className="small">({formatFileSize(file.sizeBytes, labels.language)})</span>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

function ReportForm({ project, authors }: { project: TProject; authors: ReturnType<typeof partAuthorChoices> }) {
  const { t } = useTranslation('projects');
  const input = useRef<HTMLInputElement>(null);
  const [organizationId, setOrganizationId] = useState(authors[0]?.organizationId ?? '');
  const [periodStart, setPeriodStart] = useState('');
  const [periodEnd, setPeriodEnd] = useState('');
  const [text, setText] = useState('');
  const [chosen, setChosen] = useState<File[]>([]);
  const [isChecked, setChecked] = useState(false);
  const [isUploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  const problems = reportFieldProblems({ periodStart, periodEnd, text });
  const problem = (field: keyof typeof problems) => (isChecked && problems[field] ? t(`form.problems.${problems[field]}`) : null);
  const add = useProjectMutation(project.id, (body: Parameters<typeof addReport>[1]) => addReport(project.id, body), () => {
    setPeriodStart('');
    setPeriodEnd('');
    setText('');
    setChosen([]);
    if (input.current) input.current.value = '';
    setChecked(false);
    setNotice(t('reports.added'));
  });

  const submit = async () => {
    setChecked(true);
    setNotice('');
    setUploadError(null);
    if (Object.keys(problems).length > 0) return;
    setUploading(true);
    const stored: TStoredFile[] = [];
    try {
      for (const file of chosen) stored.push(await uploadProjectFile(project.id, file));
    } catch (caught) {
      setUploadError(caught);
      await forget(stored);
      setUploading(false);
      return;
    }
    setUploading(false);
    add.mutate(
      { organizationId: organizationId || null, periodStart, periodEnd, text, fileIds: stored.map((file) => file.id) },
      // A report refused leaves no file behind that nobody refers to.
      { onError: () => void forget(stored) },
    );
  };

  return (
    <SectionForm id="report-form" title={t('reports.addTitle')} onSubmit={() => void submit()}>
      <div className="row g-2">
        <SelectField id="report-organization" label={t('reports.author')} value={organizationId} onChange={(event) => setOrganizationId(event.target.value)} className="col-md-6">
          {authors.map((author) => (
            <option key={author.organizationId ?? ''} value={author.organizationId ?? ''}>
              {author.organizationName ?? t('budget.wholeProject')}
            </option>
          ))}
        </SelectField>
        <TextField id="report-period-start" type="date" label={t('reports.periodStart')} value={periodStart} onChange={(event) => setPeriodStart(event.target.value)} className="col-md-3" isRequired error={problem('periodStart')} />
        <TextField id="report-period-end" type="date" label={t('reports.periodEnd')} value={periodEnd} onChange={(event) => setPeriodEnd(event.target.value)} className="col-md-3" isRequired error={problem('periodEnd')} />
      </div>
      <TextAreaField id="report-text" label={t('reports.text')} value={text} onChange={(event) => setText(event.target.value)} rows={5} maxLength={20000} isRequired help={t('reports.textHelp')} error={problem('text')} />
      <div className="form-group">
        <label htmlFor="report-files" className="active">
          {t('reports.files')}
        </label>
        <input
          ref={input}
          id="report-files"
          type="file"
          multiple
          className="form-control"
          aria-describedby="report-files-help"
          onChange={(event) => setChosen(Array.from(event.target.files ?? []).slice(0, 20))}
        />
        <small id="report-files-help" className="form-text">
          {t('reports.filesHelp')}
        </small>
      </div>
      {uploadError !== null && <ApiErrorAlert error={uploadError} />}
      {add.isError && <ApiErrorAlert error={add.error} />}
      <Button type="submit" color="primary" disabled={isUploading || add.isPending}>
        {t('reports.add')}
      </Button>
      <div role="status" className="mt-2">
        {notice && <p className="alert alert-success">{notice}</p>}
      </div>
    </SectionForm>
  );
}

/** Files uploaded for a report that was not recorded: removed again, as far as possible (a failure leaves them attached to the project, readable by its members only). */
async function forget(files: TStoredFile[]) {
  await Promise.allSettled(files.map((file) => removeProjectFile(file.id)));
}
