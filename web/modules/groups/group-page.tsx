import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import type { TGroupDetail } from '../../../common/contracts/groups';
import type { GroupStatus } from '../../../common/domain/groups';
import { isSignedIn } from '../../app/access';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { formatDateTime } from '../../app/format';
import { paths } from '../../app/paths';
import { RequireAccess } from '../../app/require-access';
import { Loading } from '../../ui/loading';
import { MarkdownView } from '../../ui/markdown-view';
import { PageHeader } from '../../ui/page-header';
import { GroupPracticesSection } from '../practices';
import { ActionsList } from './actions-list';
import { CalendarFeed } from './calendar-feed';
import { GroupMembers } from './group-members';
import { JoinGroup } from './join-group';
import { groupsPaths } from './groups-paths';
import { changeGroupStatus, groupMeetingsQuery, groupQuery } from './groups.queries';
import { useGroupLabels } from './group-labels';
import { MeetingLine } from './meeting-summary';
import { useGroupWrite } from './use-group-write';
import './groups.css';

/** `/tavoli/:groupId`: a working group — mandate, next meeting, last minutes, open actions, members, meetings. */
export function GroupPage() {
  return (
    <RequireAccess allow={isSignedIn}>
      <GroupLoader />
    </RequireAccess>
  );
}

function GroupLoader() {
  const { groupId = '' } = useParams();
  const group = useQuery(groupQuery(groupId));
  if (group.isPending) return <Loading />;
  if (group.isError) return <ApiErrorAlert error={group.error} onRetry={() => void group.refetch()} />;
  return <GroupView group={group.data} />;
}

function GroupView({ group }: { group: TGroupDetail }) {
  const { t, i18n } = useTranslation('groups');
  const labels = useGroupLabels();
  const meetings = useQuery(groupMeetingsQuery(group.id));
  const themes = [group.theme, ...group.categories.map((category) => category.label ?? '')].filter(Boolean).join(' · ');
  return (
    <div className="groups-ui">
      <PageHeader
        title={group.name}
        breadcrumbs={[
          { label: group.districtName, to: paths.district(group.districtId) },
          { label: t('list.title'), to: groupsPaths.ofDistrict(group.districtId) },
          { label: group.name },
        ]}
        lead={
          <>
            {themes && <span className="d-block">{themes}</span>}
            <span className="d-block">
              {t('group.statusLine', { status: labels.groupStatus(group.status), access: labels.accessMode(group.accessMode) })}
              {group.quorumPercent !== null && <> · {t('group.quorum', { percent: group.quorumPercent })}</>}
            </span>
            {group.myMembership && <span className="d-block">{t('group.myRole', { role: labels.memberRole(group.myMembership.role), organization: group.myMembership.organizationName })}</span>}
          </>
        }
        aside={
          <div className="d-flex flex-wrap gap-2">
            {group.can.scheduleMeetings && group.status !== 'closed' && (
              <Link className="btn btn-primary" to={groupsPaths.scheduleMeeting(group.id)}>
                {t('group.schedule')}
              </Link>
            )}
            {group.can.edit && (
              <Link className="btn btn-outline-primary" to={groupsPaths.edit(group.id)}>
                {t('group.edit')}
              </Link>
            )}
          </div>
        }
      />
      {group.can.changeStatus && group.nextStatuses.length > 0 && <StatusButtons group={group} />}
      {group.can.join && <JoinGroup group={group} />}

      <div className="row">
        <section aria-labelledby="group-next-heading" className="col-lg-6 mb-4">
          <h2 id="group-next-heading" className="h4">
            {t('group.nextMeeting')}
          </h2>
          {group.nextMeeting ? <p><MeetingLine meeting={group.nextMeeting} /></p> : <p>{t('group.noNextMeeting')}</p>}
        </section>
        <section aria-labelledby="group-mandate-heading" className="col-lg-6 mb-4">
          <h2 id="group-mandate-heading" className="h4">
            {t('group.mandate')}
          </h2>
          {group.mandate.trim() ? <MarkdownView markdown={group.mandate} headingOffset={2} /> : <p>{t('group.noMandate')}</p>}
        </section>
      </div>

      <section aria-labelledby="group-actions-heading" className="mt-4">
        <h2 id="group-actions-heading" className="h4">
          {t('group.openActions')}
        </h2>
        <ActionsList actions={group.openActions} idPrefix="group" />
      </section>

      <section aria-labelledby="group-minutes-heading" className="mt-5">
        <h2 id="group-minutes-heading" className="h4">
          {t('group.lastMinutes')}
        </h2>
        {group.lastMinutes ? (
          <>
            <p>
              <Link to={groupsPaths.meeting(group.lastMinutes.meeting.id)}>{group.lastMinutes.meeting.title}</Link>
              {group.lastMinutes.version.publishedAt && <> · {t('minutes.publishedOn', { when: formatDateTime(group.lastMinutes.version.publishedAt, i18n.language, 'Europe/Rome'), person: group.lastMinutes.version.publishedByName ?? '' })}</>}
              {group.lastMinutes.version.number > 1 && <> · {t('minutes.versionNumber', { number: group.lastMinutes.version.number })}</>}
            </p>
            <MarkdownView markdown={group.lastMinutes.version.body} headingOffset={2} className="border-start ps-3" />
          </>
        ) : (
          <p>{t('group.noMinutes')}</p>
        )}
      </section>

      <GroupPracticesSection groupId={group.id} />

      <GroupMembers group={group} />

      <section aria-labelledby="group-meetings-heading" className="mt-5">
        <h2 id="group-meetings-heading" className="h4">
          {t('group.meetings')}
        </h2>
        {meetings.isPending && <Loading />}
        {meetings.isError && <ApiErrorAlert error={meetings.error} />}
        {meetings.data &&
          (meetings.data.length === 0 ? (
            <p>{t('group.noMeetings')}</p>
          ) : (
            <ul className="list-unstyled">
              {meetings.data.map((meeting) => (
                <li key={meeting.id} className="mb-3">
                  <MeetingLine meeting={meeting} />
                  {meeting.minutesStatus && <> · {t('group.minutesState', { status: labels.minutesStatus(meeting.minutesStatus) })}</>}
                </li>
              ))}
            </ul>
          ))}
      </section>

      {group.can.subscribeFeed && <CalendarFeed groupId={group.id} />}
    </div>
  );
}

function StatusButtons({ group }: { group: TGroupDetail }) {
  const { t } = useTranslation('groups');
  const { run, error, isBusy } = useGroupWrite();
  const change = (status: GroupStatus) => run(async () => (await changeGroupStatus(group.id, { version: group.version, status }), ''));
  return (
    <div className="mb-4">
      <div className="d-flex flex-wrap gap-2">
        {group.nextStatuses.map((status) => (
          <button key={status} type="button" className={`btn btn-sm ${status === 'closed' ? 'btn-outline-danger' : 'btn-outline-primary'}`} disabled={isBusy} onClick={() => void change(status)}>
            {t(`group.toStatus.${status}`)}
          </button>
        ))}
      </div>
      {error !== null && <ApiErrorAlert error={error} />}
    </div>
  );
}
