import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { TGroupDetail, TMeetingDetail } from '../../../common/contracts/groups';
import { isSignedIn } from '../../app/access';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { RequireAccess } from '../../app/require-access';
import { TextAreaField, TextField } from '../../ui/form-field';
import { Loading } from '../../ui/loading';
import { PageHeader } from '../../ui/page-header';
import { useFieldProblems } from './field-problems';
import { groupsPaths } from './groups-paths';
import { GROUPS_KEY, groupQuery, meetingQuery, scheduleMeeting, updateMeeting } from './groups.queries';
import { MunicipalityPicker } from './municipality-picker';
import './groups.css';

/** `/tavoli/:groupId/riunioni/nuova`: schedule a meeting of the group (and mail the invitations). */
export function MeetingCreatePage() {
  const { groupId = '' } = useParams();
  return (
    <RequireAccess allow={isSignedIn}>
      <MeetingCreateLoader groupId={groupId} />
    </RequireAccess>
  );
}

/** `/riunioni/:meetingId/modifica`: change a scheduled meeting's time, place or agenda (members are told). */
export function MeetingEditPage() {
  const { meetingId = '' } = useParams();
  return (
    <RequireAccess allow={isSignedIn}>
      <MeetingEditLoader meetingId={meetingId} />
    </RequireAccess>
  );
}

function MeetingCreateLoader({ groupId }: { groupId: string }) {
  const group = useQuery(groupQuery(groupId));
  if (group.isPending) return <Loading />;
  if (group.isError) return <ApiErrorAlert error={group.error} />;
  return <MeetingForm group={group.data} meeting={null} />;
}

function MeetingEditLoader({ meetingId }: { meetingId: string }) {
  const meeting = useQuery(meetingQuery(meetingId));
  const group = useQuery({ ...groupQuery(meeting.data?.groupId ?? ''), enabled: Boolean(meeting.data) });
  if (meeting.isError) return <ApiErrorAlert error={meeting.error} />;
  if (group.isError) return <ApiErrorAlert error={group.error} />;
  if (!meeting.data || !group.data) return <Loading />;
  return <MeetingForm group={group.data} meeting={meeting.data} />;
}

interface AgendaRow {
  key: number;
  title: string;
  notes: string;
}

let nextAgendaKey = 1;

function MeetingForm({ group, meeting }: { group: TGroupDetail; meeting: TMeetingDetail | null }) {
  const { t } = useTranslation('groups');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState(meeting?.title ?? '');
  const [date, setDate] = useState(meeting?.startsLocal.slice(0, 10) ?? '');
  const [startTime, setStartTime] = useState(meeting?.startsLocal.slice(11, 16) ?? '');
  const [endTime, setEndTime] = useState(meeting?.endsLocal.slice(11, 16) ?? '');
  const [municipalityCode, setMunicipalityCode] = useState<string | null>(meeting?.municipalityCode ?? null);
  const [address, setAddress] = useState(meeting?.address ?? '');
  const [onlineUrl, setOnlineUrl] = useState(meeting?.onlineUrl ?? '');
  const [agenda, setAgenda] = useState<AgendaRow[]>(meeting?.agenda.map((item) => ({ key: nextAgendaKey++, title: item.title, notes: item.notes })) ?? [{ key: nextAgendaKey++, title: '', notes: '' }]);
  const [notify, setNotify] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [isSaving, setSaving] = useState(false);
  const problem = useFieldProblems(error);
  const pageTitle = meeting ? t('meetingForm.editTitle') : t('meetingForm.createTitle');
  const setRow = (key: number, change: Partial<AgendaRow>) => setAgenda((rows) => rows.map((row) => (row.key === key ? { ...row, ...change } : row)));
  const move = (index: number, by: number) =>
    setAgenda((rows) => {
      const next = [...rows];
      const [row] = next.splice(index, 1);
      next.splice(index + by, 0, row!);
      return next;
    });

  return (
    <div className="groups-ui">
      <PageHeader
        title={pageTitle}
        breadcrumbs={[
          { label: t('list.title'), to: groupsPaths.ofDistrict(group.districtId) },
          { label: group.name, to: groupsPaths.group(group.id) },
          ...(meeting ? [{ label: meeting.title, to: groupsPaths.meeting(meeting.id) }] : []),
          { label: pageTitle },
        ]}
        lead={t('meetingForm.lead')}
      />
      {error !== null && <ApiErrorAlert error={error} />}
      <form
        noValidate
        aria-label={pageTitle}
        onSubmit={async (event) => {
          event.preventDefault();
          setSaving(true);
          setError(null);
          const fields = {
            title,
            date,
            startTime,
            endTime,
            municipalityCode,
            address,
            onlineUrl: onlineUrl.trim() === '' ? null : onlineUrl.trim(),
            agenda: agenda.filter((row) => row.title.trim() !== '' || row.notes.trim() !== '').map((row) => ({ title: row.title, notes: row.notes })),
          };
          try {
            const saved = meeting
              ? await updateMeeting(meeting.id, { version: meeting.version, ...fields, notifyMembers: notify })
              : await scheduleMeeting(group.id, { ...fields, sendInvitations: notify });
            await queryClient.invalidateQueries({ queryKey: GROUPS_KEY });
            navigate(groupsPaths.meeting(saved.id));
          } catch (caught) {
            setError(caught);
            // Take the person to the first field the server named.
            window.setTimeout(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 0);
          } finally {
            setSaving(false);
          }
        }}
      >
        <TextField id="meeting-title" label={t('meetingForm.title')} isRequired value={title} onChange={(event) => setTitle(event.target.value)} error={problem('title')} maxLength={200} />
        <div className="row">
          <TextField className="col-md-4" id="meeting-date" type="date" label={t('meetingForm.date')} isRequired value={date} onChange={(event) => setDate(event.target.value)} error={problem('date')} />
          <TextField className="col-md-4" id="meeting-start" type="time" label={t('meetingForm.startTime')} isRequired value={startTime} onChange={(event) => setStartTime(event.target.value)} error={problem('startTime')} />
          <TextField className="col-md-4" id="meeting-end" type="time" label={t('meetingForm.endTime')} isRequired value={endTime} onChange={(event) => setEndTime(event.target.value)} error={problem('endTime') ?? problem('endDate')} />
        </div>
        <p className="small">{t('meetingForm.timeZone')}</p>
        <fieldset className="mb-4">
          <legend className="h5">{t('meetingForm.where')}</legend>
          <p className="small">{t('meetingForm.whereHelp')}</p>
          <MunicipalityPicker id="meeting-municipality" label={t('meetingForm.municipality')} value={municipalityCode} onChange={setMunicipalityCode} error={problem('municipalityCode')} />
          <TextField id="meeting-address" label={t('meetingForm.address')} value={address} onChange={(event) => setAddress(event.target.value)} error={problem('address')} maxLength={300} />
          <TextField id="meeting-online" type="url" label={t('meetingForm.onlineUrl')} help={t('meetingForm.onlineHelp')} value={onlineUrl} onChange={(event) => setOnlineUrl(event.target.value)} error={problem('onlineUrl')} maxLength={500} />
        </fieldset>
        <fieldset className="mb-4">
          <legend className="h5">{t('meetingForm.agenda')}</legend>
          <ol className="ps-3">
            {agenda.map((row, index) => (
              <li key={row.key} className="mb-3">
                <TextField id={`agenda-${row.key}-title`} label={t('meetingForm.agendaItem', { number: index + 1 })} value={row.title} onChange={(event) => setRow(row.key, { title: event.target.value })} error={problem(`agenda.${index}.title`)} maxLength={300} />
                <TextAreaField id={`agenda-${row.key}-notes`} label={t('meetingForm.agendaNotes', { number: index + 1 })} rows={2} value={row.notes} onChange={(event) => setRow(row.key, { notes: event.target.value })} />
                <div className="d-flex gap-2">
                  <button type="button" className="btn btn-outline-secondary btn-xs btn-sm" disabled={index === 0} onClick={() => move(index, -1)}>
                    {t('meetingForm.moveUp', { number: index + 1 })}
                  </button>
                  <button type="button" className="btn btn-outline-secondary btn-sm" disabled={index === agenda.length - 1} onClick={() => move(index, 1)}>
                    {t('meetingForm.moveDown', { number: index + 1 })}
                  </button>
                  <button type="button" className="btn btn-outline-danger btn-sm" onClick={() => setAgenda((rows) => rows.filter((other) => other.key !== row.key))}>
                    {t('meetingForm.removeItem', { number: index + 1 })}
                  </button>
                </div>
              </li>
            ))}
          </ol>
          <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => setAgenda((rows) => [...rows, { key: nextAgendaKey++, title: '', notes: '' }])}>
            {t('meetingForm.addItem')}
          </button>
        </fieldset>
        <div className="form-check mb-4">
          <input className="form-check-input" type="checkbox" id="meeting-notify" checked={notify} onChange={(event) => setNotify(event.target.checked)} />
          <label className="form-check-label" htmlFor="meeting-notify">
            {meeting ? t('meetingForm.notifyChange') : t('meetingForm.sendInvitations')}
          </label>
        </div>
        <button type="submit" className="btn btn-primary" disabled={isSaving}>
          {meeting ? t('meetingForm.save') : t('meetingForm.create')}
        </button>
      </form>
    </div>
  );
}
