import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import type { TMeetingDetail } from '../../../common/contracts/groups';
import { isSignedIn } from '../../app/access';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { formatDateTime } from '../../app/format';
import { RequireAccess } from '../../app/require-access';
import { Loading } from '../../ui/loading';
import { PageHeader } from '../../ui/page-header';
import { ActionForm } from './action-form';
import { ActionsList } from './actions-list';
import { AttendancePanel } from './attendance-panel';
import { DecisionsPanel } from './decisions-panel';
import { groupsDownloads, groupsPaths } from './groups-paths';
import { changeMeetingStatus, groupQuery, meetingQuery, sendInvitations } from './groups.queries';
import { useGroupLabels } from './group-labels';
import { MeetingDocuments } from './meeting-documents';
import { MeetingPlace } from './meeting-summary';
import { formatMeetingTime } from './meeting-time';
import { MinutesPanel } from './minutes-panel';
import { useGroupWrite, WriteOutcome } from './use-group-write';
import './groups.css';

/** `/riunioni/:meetingId`: a meeting — when and where, agenda, documents, attendance, minutes, decisions, actions. */
export function MeetingPage() {
  return (
    <RequireAccess allow={isSignedIn}>
      <MeetingLoader />
    </RequireAccess>
  );
}

function MeetingLoader() {
  const { meetingId = '' } = useParams();
  const meeting = useQuery(meetingQuery(meetingId));
  if (meeting.isPending) return <Loading />;
  if (meeting.isError) return <ApiErrorAlert error={meeting.error} onRetry={() => void meeting.refetch()} />;
  return <MeetingView meeting={meeting.data} />;
}

function MeetingView({ meeting }: { meeting: TMeetingDetail }) {
  const { t, i18n } = useTranslation('groups');
  const labels = useGroupLabels();
  const group = useQuery(groupQuery(meeting.groupId));
  const members = group.data?.members ?? [];
  const when = formatMeetingTime(meeting.startsAt, meeting.endsAt, i18n.language);
  return (
    <div className="groups-ui">
      <PageHeader
        title={meeting.title}
        breadcrumbs={[
          ...(group.data ? [{ label: t('list.title'), to: groupsPaths.ofDistrict(group.data.districtId) }] : []),
          { label: meeting.groupName, to: groupsPaths.group(meeting.groupId) },
          { label: meeting.title },
        ]}
        lead={
          <>
            <span className="d-block">{when}</span>
            <span className="d-block">
              <MeetingPlace meeting={meeting} />
            </span>
            <span className="d-block">{t('meeting.statusLine', { status: labels.meetingStatus(meeting.status) })}</span>
          </>
        }
        aside={
          <div className="d-flex flex-wrap gap-2">
            <a className="btn btn-outline-primary" href={groupsDownloads.meetingCalendar(meeting.id)} download>
              {t('meeting.ics')}
            </a>
            {meeting.can.edit && meeting.status === 'scheduled' && (
              <Link className="btn btn-outline-primary" to={groupsPaths.editMeeting(meeting.id)}>
                {t('meeting.edit')}
              </Link>
            )}
          </div>
        }
      />
      {meeting.can.edit && <MeetingControls meeting={meeting} />}

      <section aria-labelledby="meeting-agenda-heading" className="mt-4">
        <h2 id="meeting-agenda-heading" className="h4">
          {t('meeting.agenda')}
        </h2>
        {meeting.agenda.length === 0 ? (
          <p>{t('meeting.noAgenda')}</p>
        ) : (
          <ol>
            {meeting.agenda.map((item) => (
              <li key={item.position} className="mb-2">
                <strong>{item.title}</strong>
                {item.notes && <p className="mb-0">{item.notes}</p>}
              </li>
            ))}
          </ol>
        )}
      </section>

      <MeetingDocuments meetingId={meeting.id} canAttach={meeting.can.attachDocuments} />

      <section aria-labelledby="meeting-attendance-heading" className="mt-5">
        <h2 id="meeting-attendance-heading" className="h4">
          {t('attendance.title')}
        </h2>
        <AttendancePanel key={meeting.version} meetingId={meeting.id} groupId={meeting.groupId} attendance={meeting.attendance} members={members} canRecord={meeting.can.recordAttendance} />
      </section>

      <section aria-labelledby="meeting-minutes-heading" className="mt-5">
        <h2 id="meeting-minutes-heading" className="h4">
          {t('minutes.title')}
        </h2>
        <MinutesPanel meetingId={meeting.id} />
      </section>

      <section aria-labelledby="meeting-decisions-heading" className="mt-5">
        <h2 id="meeting-decisions-heading" className="h4">
          {t('decisions.sectionTitle')}
        </h2>
        <DecisionsPanel meetingId={meeting.id} decisions={meeting.decisions} canAdd={meeting.can.addDecision} />
      </section>

      <section aria-labelledby="meeting-actions-heading" className="mt-5">
        <h2 id="meeting-actions-heading" className="h4">
          {t('actions.sectionTitle')}
        </h2>
        <ActionsList actions={meeting.actions} idPrefix="meeting" />
        {meeting.can.addAction && <ActionForm meetingId={meeting.id} members={members} decisions={meeting.decisions} />}
      </section>
    </div>
  );
}

/** For the group's writers: send the invitations again, mark the meeting held or cancel it. */
function MeetingControls({ meeting }: { meeting: TMeetingDetail }) {
  const { t, i18n } = useTranslation('groups');
  const { run, error, notice, isBusy } = useGroupWrite();
  return (
    <div className="mb-4">
      <p className="mb-2">
        {meeting.invitationsSentAt ? t('meeting.invitationsSent', { when: formatDateTime(meeting.invitationsSentAt, i18n.language, 'Europe/Rome') }) : t('meeting.invitationsNotSent')}
      </p>
      {meeting.status === 'scheduled' && (
        <div className="d-flex flex-wrap gap-2">
          <button type="button" className="btn btn-outline-primary btn-sm" disabled={isBusy} onClick={() => void run(async () => t('meeting.mailed', { count: (await sendInvitations(meeting.id)).mailed }))}>
            {meeting.invitationsSentAt ? t('meeting.sendAgain') : t('meeting.send')}
          </button>
          <button type="button" className="btn btn-outline-primary btn-sm" disabled={isBusy} onClick={() => void run(async () => (await changeMeetingStatus(meeting.id, { version: meeting.version, status: 'held' }), t('meeting.markedHeld')))}>
            {t('meeting.markHeld')}
          </button>
          <button type="button" className="btn btn-outline-danger btn-sm" disabled={isBusy} onClick={() => void run(async () => (await changeMeetingStatus(meeting.id, { version: meeting.version, status: 'cancelled' }), t('meeting.markedCancelled')))}>
            {t('meeting.cancel')}
          </button>
        </div>
      )}
      <WriteOutcome notice={notice} error={error} />
    </div>
  );
}
