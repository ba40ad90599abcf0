import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { isSignedIn } from '../../app/access';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { RequireAccess } from '../../app/require-access';
import { useSession } from '../../app/session';
import { DataTable } from '../../ui/data-table';
import { Loading } from '../../ui/loading';
import { PageHeader } from '../../ui/page-header';
import { ActionsList } from './actions-list';
import { groupsPaths } from './groups-paths';
import { myGroupsQuery } from './groups.queries';
import { useGroupLabels } from './group-labels';
import { MeetingLine } from './meeting-summary';
import { formatMeetingTime } from './meeting-time';
import './groups.css';

/** `/tavoli`: the signed-in person's working groups, the actions they own (overdue first) and their next meetings. */
export function MyGroupsPage() {
  return (
    <RequireAccess allow={isSignedIn}>
      <MyGroups />
    </RequireAccess>
  );
}

function MyGroups() {
  const { t, i18n } = useTranslation('groups');
  const labels = useGroupLabels();
  const { session } = useSession();
  const mine = useQuery(myGroupsQuery);
  // Coordinators reach their districts' tables from here too (and from the district page).
  const coordinated = session.roles.filter((grant) => grant.role === 'district_coordinator' && grant.scopeId);
  const overdue = mine.data?.actions.filter((action) => action.isOverdue).length ?? 0;
  return (
    <div className="groups-ui">
      <PageHeader title={t('mine.title')} breadcrumbs={[{ label: t('mine.title') }]} lead={t('mine.lead')} />
      {coordinated.length > 0 && (
        <nav aria-label={t('mine.districtsTitle')} className="mb-4">
          <h2 className="h5">{t('mine.districtsTitle')}</h2>
          <ul className="list-unstyled d-flex flex-wrap gap-3 mb-0">
            {coordinated.map((grant) => (
              <li key={grant.scopeId}>
                <Link className="btn btn-outline-primary" to={groupsPaths.ofDistrict(grant.scopeId!)}>
                  {t('mine.districtGroups', { district: grant.scopeName ?? '' })}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {mine.isPending && <Loading />}
      {mine.isError && <ApiErrorAlert error={mine.error} onRetry={() => void mine.refetch()} />}
      {mine.data && (
        <>
          <section aria-labelledby="my-actions-heading" className="mb-5">
            <h2 id="my-actions-heading" className="h4">
              {t('mine.actionsTitle')}
            </h2>
            {overdue > 0 && <p className="fw-semibold">{t('mine.overdueCount', { count: overdue })}</p>}
            <ActionsList actions={mine.data.actions} idPrefix="mine" showGroup showOwner={false} />
          </section>
          <section aria-labelledby="my-meetings-heading" className="mb-5">
            <h2 id="my-meetings-heading" className="h4">
              {t('mine.meetingsTitle')}
            </h2>
            {mine.data.nextMeetings.length === 0 ? (
              <p>{t('mine.noMeetings')}</p>
            ) : (
              <ul className="list-unstyled">
                {mine.data.nextMeetings.map((meeting) => (
                  <li key={meeting.id} className="mb-3">
                    <MeetingLine meeting={meeting} showGroup />
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="my-groups-heading" className="mb-5">
            <h2 id="my-groups-heading" className="h4">
              {t('mine.groupsTitle')}
            </h2>
            <DataTable
              caption={t('mine.groupsTitle')}
              isCaptionHidden
              rows={mine.data.groups}
              rowKey={(group) => group.id}
              emptyText={t('mine.noGroups')}
              columns={[
                { key: 'name', header: t('list.name'), isRowHeader: true, cell: (group) => <Link to={groupsPaths.group(group.id)}>{group.name}</Link> },
                { key: 'district', header: t('list.district'), cell: (group) => group.districtName },
                { key: 'role', header: t('mine.myRole'), cell: (group) => labels.memberRole(group.myRole) },
                { key: 'status', header: t('list.status'), cell: (group) => labels.groupStatus(group.status) },
                {
                  key: 'next',
                  header: t('list.nextMeeting'),
                  cell: (group) => (group.nextMeetingStartsAt ? formatMeetingTime(group.nextMeetingStartsAt, null, i18n.language) : t('list.noMeeting')),
                },
              ]}
            />
          </section>
        </>
      )}
    </div>
  );
}
