import { lazy, Suspense, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button } from 'design-react-kit';
import type { TPactDashboard, TPactDetail } from '../../../common/contracts/pacts';
import { COMMITMENT_RECURRENCES, COMMITMENT_STATUS_ORDER, type CommitmentRecurrence, type CommitmentStatus } from '../../../common/domain/pacts';
import { actsForOrganization } from '../../app/access';
import { formatFileSize } from '../../app/format';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { useSession } from '../../app/session';
import { DataTable } from '../../ui/data-table';
import { SelectField, TextAreaField, TextField } from '../../ui/form-field';
import { Loading } from '../../ui/loading';
import { PrintableSection, SectionForm } from '../../ui/printable-section';
import { LoadedPactSubpage } from './loaded-pact';
import { COMMITMENT_STATUS_COLOURS, pageCount, signatoriesOf, statusSegments, totalOf } from './pact-commitment-rules';
import { commitmentFilesQuery, commitmentFileUrl, createCommitment, pactCommitmentQuery, pactDashboardQuery, updateCommitment, uploadCommitmentFile } from './pact-commitments.queries';
import { useCommitmentLabels } from './use-commitment-labels';
import '../../ui/printable.css';
import './pacts.css';

const PactChart = lazy(() => import('./pact-chart'));

type DashboardCommitment = TPactDashboard['commitments'][number];

/** The pact's commitments: totals by status (a chart and its table), the signatories page by page, late first, and the commitments late first. */
export function PactCommitmentsPage() {
  const { t } = useTranslation('pacts');
  return <LoadedPactSubpage page={t('commitments.title')}>{(pact) => <CommitmentsDashboard pact={pact} />}</LoadedPactSubpage>;
}

function CommitmentsDashboard({ pact }: { pact: TPactDetail }) {
  const { t } = useTranslation('pacts');
  const labels = useCommitmentLabels();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number.parseInt(params.get('pagina') ?? '1', 10) || 1);
  const organizationId = params.get('organizzazione');
  const dashboard = useQuery(pactDashboardQuery(pact.id, page, organizationId));
  const go = (next: { page?: number; organizationId?: string | null }) => {
    const updated = new URLSearchParams(params);
    if (next.page !== undefined) updated.set('pagina', String(next.page));
    if (next.organizationId !== undefined) {
      if (next.organizationId) updated.set('organizzazione', next.organizationId);
      else updated.delete('organizzazione');
    }
    setParams(updated, { replace: true });
  };
  if (dashboard.isPending) return <Loading />;
  if (dashboard.isError) return <ApiErrorAlert error={dashboard.error} onRetry={() => void dashboard.refetch()} />;
  const d = dashboard.data;
  const pages = pageCount(d.signatoryTotal, d.pageSize);
  const segments = statusSegments(d.totals);
  const chosen = organizationId ? (d.signatories.find((row) => row.organizationId === organizationId)?.organizationName ?? d.commitments[0]?.organizationName ?? null) : null;
  return (
    <>
      <PrintableSection id="pact-totals" title={t('dashboard.totalsTitle')}>
        <p>{t('dashboard.totalsLead', { count: totalOf(d.totals), formatted: labels.number(totalOf(d.totals)), late: labels.number(d.totals.late) })}</p>
        {totalOf(d.totals) > 0 && (
          <Suspense fallback={<Loading />}>
            <PactChart
              kind="stacked"
              ariaLabel={t('dashboard.chartLabel')}
              segments={segments.map((segment) => ({ label: labels.status(segment.status), value: segment.count, colour: COMMITMENT_STATUS_COLOURS[segment.status] }))}
            />
          </Suspense>
        )}
        <DataTable
          caption={t('dashboard.totalsCaption')}
          columns={[
            { key: 'status', header: t('dashboard.status'), isRowHeader: true, cell: (row: (typeof segments)[number]) => <StatusWords status={row.status} /> },
            { key: 'count', header: t('dashboard.count'), isNumeric: true, cell: (row) => labels.number(row.count) },
          ]}
          rows={segments}
          rowKey={(row) => row.status}
        />
      </PrintableSection>

      <PrintableSection id="pact-signatories" title={t('dashboard.signatoriesTitle')}>
        <DataTable
          caption={t('dashboard.signatoriesCaption', { page: labels.number(d.page), pages: labels.number(pages), total: labels.number(d.signatoryTotal) })}
          columns={[
            { key: 'name', header: t('dashboard.organization'), isRowHeader: true, cell: (row: TPactDashboard['signatories'][number]) => row.organizationName },
            ...COMMITMENT_STATUS_ORDER.map((status) => ({ key: status, header: labels.status(status), isNumeric: true, cell: (row: TPactDashboard['signatories'][number]) => labels.number(row.counts[status]) })),
            {
              key: 'show',
              header: t('dashboard.show'),
              cell: (row: TPactDashboard['signatories'][number]) =>
                row.organizationId === organizationId ? (
                  <span>{t('dashboard.shown')}</span>
                ) : (
                  <Button color="primary" outline size="xs" onClick={() => go({ organizationId: row.organizationId })}>
                    {t('dashboard.showOf', { name: row.organizationName })}
                  </Button>
                ),
            },
          ]}
          rows={d.signatories}
          rowKey={(row) => row.organizationId}
          emptyText={t('dashboard.noSignatories')}
        />
        {pages > 1 && (
          <nav className="d-flex gap-2 align-items-center" aria-label={t('dashboard.pages')}>
            <Button color="primary" outline size="sm" disabled={d.page <= 1} onClick={() => go({ page: d.page - 1 })}>
              {t('dashboard.previous')}
            </Button>
            <span>{t('dashboard.pageOf', { page: labels.number(d.page), pages: labels.number(pages) })}</span>
            <Button color="primary" outline size="sm" disabled={d.page >= pages} onClick={() => go({ page: d.page + 1 })}>
              {t('dashboard.next')}
            </Button>
          </nav>
        )}
      </PrintableSection>

      <PrintableSection
        id="pact-commitments"
        title={chosen ? t('commitments.listOf', { name: chosen }) : t('commitments.listTitle')}
        actions={
          organizationId ? (
            <Button color="primary" outline size="sm" onClick={() => go({ organizationId: null })}>
              {t('commitments.showAll')}
            </Button>
          ) : undefined
        }
      >
        {d.commitmentTotal > d.commitments.length && <p>{t('commitments.firstOf', { shown: labels.number(d.commitments.length), total: labels.number(d.commitmentTotal) })}</p>}
        <CommitmentsTable pact={pact} commitments={d.commitments} />
        <AddCommitmentForm pact={pact} />
      </PrintableSection>
    </>
  );
}

/** A status in words with its symbol (the symbol is decoration: the words say it). */
export function StatusWords({ status }: { status: CommitmentStatus }) {
  const labels = useCommitmentLabels();
  return (
    <span className={`pact-status pact-status--${status}`}>
      <span aria-hidden="true">{labels.symbol(status)}</span> {labels.status(status)}
    </span>
  );
}

/** The organizations the person may record commitments for: every signatory for a manager, else their own signatories (the server checks who is a legal representative). */
function committableOrganizations(pact: TPactDetail, session: ReturnType<typeof useSession>['session']) {
  return signatoriesOf(pact).filter((row) => pact.canManage || actsForOrganization(session, row.organizationId));
}

function useCommitmentWrite<Input>(pactId: string, write: (input: Input) => Promise<{ id: string }>, onDone: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (commitment) => {
      void queryClient.invalidateQueries({ queryKey: ['pacts', 'dashboard', pactId] });
      void queryClient.invalidateQueries({ queryKey: ['pacts', 'timeline', pactId] });
      void queryClient.invalidateQueries({ queryKey: ['pacts', 'commitment', commitment.id] });
      onDone();
    },
  });
}

function CommitmentsTable({ pact, commitments }: { pact: TPactDetail; commitments: readonly DashboardCommitment[] }) {
  const { t } = useTranslation('pacts');
  const labels = useCommitmentLabels();
  const [open, setOpen] = useState<string | null>(null);
  return (
    <DataTable
      caption={t('commitments.caption')}
      isCaptionHidden
      columns={[
        { key: 'text', header: t('commitments.text'), isRowHeader: true, cell: (row: DashboardCommitment) => row.text },
        { key: 'organization', header: t('commitments.organization'), cell: (row) => row.organizationName },
        { key: 'due', header: t('commitments.due'), cell: (row) => labels.due(row.dueOn, row.recurrence) },
        { key: 'status', header: t('commitments.status'), cell: (row) => <StatusWords status={row.status} /> },
        {
          key: 'history',
          header: t('commitments.historyColumn'),
          cell: (row) => (
            <Button color="primary" outline size="xs" aria-expanded={open === row.id} onClick={() => setOpen(open === row.id ? null : row.id)}>
              {open === row.id ? t('commitments.closeHistory') : t('commitments.openHistory')}
            </Button>
          ),
        },
      ]}
      rows={commitments}
      rowKey={(row) => row.id}
      emptyText={t('commitments.empty')}
      renderAfterRow={(row) =>
        open === row.id ? (
          <tr>
            <td colSpan={5}>
              <CommitmentHistory pact={pact} commitmentId={row.id} />
            </td>
          </tr>
        ) : null
      }
    />
  );
}

function CommitmentHistory({ pact, commitmentId }: { pact: TPactDetail; commitmentId: string }) {
  const { t } = useTranslation('pacts');
  const { session } = useSession();
  const labels = useCommitmentLabels();
  const commitment = useQuery(pactCommitmentQuery(commitmentId));
  if (commitment.isPending) return <Loading />;
  if (commitment.isError) return <ApiErrorAlert error={commitment.error} onRetry={() => void commitment.refetch()} />;
  const c = commitment.data;
  const mayUpdate = pact.canManage || actsForOrganization(session, c.organizationId);
  return (
    <div className="py-2">
      <h3 className="h6">{t('commitments.historyTitle', { text: c.text })}</h3>
      {c.updates.length === 0 ? (
        <p>{t('commitments.noUpdates')}</p>
      ) : (
        <ol className="app-timeline">
          {[...c.updates].reverse().map((update, index) => (
            <li key={index} className={`app-timeline__item${update.status === 'done' ? ' app-timeline__item--done' : update.status === 'late' ? ' app-timeline__item--late' : ''}`}>
              <strong>{labels.instantDay(update.writtenAt)}</strong>: <StatusWords status={update.status} />
              {update.note && <p className="mb-0">{update.note}</p>}
            </li>
          ))}
        </ol>
      )}
      <CommitmentFiles commitmentId={c.id} />
      {mayUpdate && <UpdateCommitmentForm pactId={pact.id} commitment={c} />}
    </div>
  );
}

/** The evidence attached to the commitment, to download. */
function CommitmentFiles({ commitmentId }: { commitmentId: string }) {
  const { t } = useTranslation('pacts');
  const labels = useCommitmentLabels();
  const files = useQuery(commitmentFilesQuery(commitmentId));
  if (files.isPending) return <Loading />;
  if (files.isError) return <ApiErrorAlert error={files.error} onRetry={() => void files.refetch()} />;
  if (files.data.length === 0) return <p>{t('commitments.noFiles')}</p>;
  return (
    <>
      <h4 className="h6">{t('commitments.filesTitle')}</h4>
      <ul>
        {files.data.map((file) => (
          <li key={file.id}>
            <a href={commitmentFileUrl(file.id)} download={file.name}>
              {t('commitments.download', { name: file.name })}
            </a>{' '}
            <span className="small">({formatFileSize(file.sizeBytes, labels.language)})</span>
          </li>
        ))}
      </ul>
    </>
  );
}

function UpdateCommitmentForm({ pactId, commitment }: { pactId: string; commitment: { id: string; status: CommitmentStatus; version: number; recurrence: CommitmentRecurrence } }) {
  const { t } = useTranslation('pacts');
  const labels = useCommitmentLabels();
  const queryClient = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState<CommitmentStatus>(commitment.status);
  const [note, setNote] = useState('');
  const [chosen, setChosen] = useState<File[]>([]);
  const [isUploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  const update = useCommitmentWrite(pactId, (body: Parameters<typeof updateCommitment>[1]) => updateCommitment(commitment.id, body), () => {
    setNote('');
    setNotice(t('commitments.updated'));
  });
  const submit = async () => {
    setNotice('');
    setUploadError(null);
    // The evidence goes first, attached to the commitment; the update is then recorded (a refused upload records nothing).
    if (chosen.length > 0) {
      setUploading(true);
      try {
        for (const file of chosen) await uploadCommitmentFile(commitment.id, file);
      } catch (caught) {
        setUploadError(caught);
        setUploading(false);
        void queryClient.invalidateQueries({ queryKey: ['pacts', 'commitment-files', commitment.id] });
        return;
      }
      setUploading(false);
      setChosen([]);
      if (input.current) input.current.value = '';
      void queryClient.invalidateQueries({ queryKey: ['pacts', 'commitment-files', commitment.id] });
    }
    update.mutate({ version: commitment.version, status, note });
  };
  const fieldId = `update-${commitment.id}`;
  return (
    <SectionForm id={fieldId} title={t('commitments.updateTitle')} onSubmit={() => void submit()}>
      <div className="row g-2">
        <SelectField id={`${fieldId}-status`} label={t('commitments.newStatus')} value={status} onChange={(event) => setStatus(event.target.value as CommitmentStatus)} className="col-md-4">
          {COMMITMENT_STATUS_ORDER.map((value) => (
            <option key={value} value={value}>
              {labels.status(value)}
            </option>
          ))}
        </SelectField>
        <TextAreaField id={`${fieldId}-note`} label={t('commitments.note')} value={note} onChange={(event) => setNote(event.target.value)} rows={2} maxLength={5000} className="col-md-8" />
      </div>
      {status === 'done' && commitment.recurrence !== 'none' && <p className="small">{t('commitments.recurringDone')}</p>}
      <div className="form-group">
        <label htmlFor={`${fieldId}-files`} className="active">
          {t('commitments.files')}
        </label>
        <input ref={input} id={`${fieldId}-files`} type="file" multiple className="form-control" aria-describedby={`${fieldId}-files-help`} onChange={(event) => setChosen(Array.from(event.target.files ?? []).slice(0, 10))} />
        <small id={`${fieldId}-files-help`} className="form-text">
          {t('commitments.filesHelp')}
        </small>
      </div>
      {uploadError !== null && <ApiErrorAlert error={uploadError} />}
      {update.isError && <ApiErrorAlert error={update.error} />}
      <Button type="submit" color="primary" disabled={isUploading || update.isPending}>
        {t('commitments.update')}
      </Button>
      <div role="status" className="mt-2">
        {notice && <p className="alert alert-success">{notice}</p>}
      </div>
    </SectionForm>
  );
}

function AddCommitmentForm({ pact }: { pact: TPactDetail }) {
  const { t } = useTranslation('pacts');
  const { session } = useSession();
  const organizations = committableOrganizations(pact, session);
  const [organizationId, setOrganizationId] = useState(organizations[0]?.organizationId ?? '');
  const [text, setText] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [recurrence, setRecurrence] = useState<CommitmentRecurrence>('none');
  const [isChecked, setChecked] = useState(false);
  const [notice, setNotice] = useState('');
  const add = useCommitmentWrite(pact.id, (input: Parameters<typeof createCommitment>[1]) => createCommitment(pact.id, input), () => {
    setText('');
    setDueOn('');
    setRecurrence('none');
    setChecked(false);
    setNotice(t('commitments.added'));
  });
  if (organizations.length === 0) return null;
  const textProblem = isChecked && text.trim().length < 3 ? t('commitments.textTooShort') : null;
  const dueProblem = isChecked && recurrence !== 'none' && !dueOn ? t('commitments.dueNeeded') : null;
  return (
    <SectionForm
      id="add-commitment"
      title={t('commitments.addTitle')}
      onSubmit={() => {
        setChecked(true);
        setNotice('');
        if (text.trim().length < 3 || (recurrence !== 'none' && !dueOn)) return;
        add.mutate({ organizationId, text, dueOn: dueOn || null, recurrence });
      }}
    >
      <div className="row g-2">
        <SelectField id="commitment-organization" label={t('commitments.organization')} value={organizationId} onChange={(event) => setOrganizationId(event.target.value)} className="col-md-6">
          {organizations.map((row) => (
            <option key={row.organizationId} value={row.organizationId}>
              {row.organizationName}
            </option>
          ))}
        </SelectField>
        <TextField id="commitment-due" type="date" label={t('commitments.dueField')} value={dueOn} onChange={(event) => setDueOn(event.target.value)} className="col-md-3" error={dueProblem} />
        <SelectField id="commitment-recurrence" label={t('commitments.recurrence')} value={recurrence} onChange={(event) => setRecurrence(event.target.value as CommitmentRecurrence)} className="col-md-3">
          {COMMITMENT_RECURRENCES.map((value) => (
            <option key={value} value={value}>
              {t(`commitments.recurrenceChoices.${value}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <TextAreaField id="commitment-text" label={t('commitments.text')} value={text} onChange={(event) => setText(event.target.value)} rows={3} maxLength={2000} isRequired error={textProblem} />
      {add.isError && <ApiErrorAlert error={add.error} />}
      <Button type="submit" color="primary" disabled={add.isPending}>
        {t('commitments.add')}
      </Button>
      <div role="status" className="mt-2">
        {notice && <p className="alert alert-success">{notice}</p>}
      </div>
    </SectionForm>
  );
}
