import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Card, CardBody } from 'design-react-kit';
import { groupsPaths } from './groups-paths';
import type { THomeGroups } from '../../../common/contracts/groups';
import { MeetingLine } from './meeting-summary';

/**
 * "I miei tavoli" on the person's home: how many actions they own (overdue said first), their next meeting, and the
 * link to their groups page, from the home payload's summary. Nothing for a person in no group with nothing to do.
 */
export function HomeGroupsCard({ summary }: { summary: THomeGroups | undefined }) {
  const { t } = useTranslation('groups');
  if (!summary || (summary.groupCount === 0 && summary.openActions === 0)) return null;
  const { groupCount, openActions, overdueActions: overdue, nextMeeting: next } = summary;
  return (
    <Card className="distretto-card mb-4" tag="section" aria-labelledby="home-groups-heading">
      <CardBody>
        <h2 id="home-groups-heading" className="h4">
          {t('home.title')}
        </h2>
        <ul className="list-unstyled">
          {overdue > 0 && (
            <li className="mb-2 fw-semibold">
              {t('home.overdue', { count: overdue })}
            </li>
          )}
          <li className="mb-2">{t('home.actions', { count: openActions })}</li>
          <li className="mb-2">{t('home.groups', { count: groupCount })}</li>
          <li className="mb-2">
            {next ? (
              <>
                {t('home.nextMeeting')} <MeetingLine meeting={next} showGroup />
              </>
            ) : (
              t('home.noMeeting')
            )}
          </li>
        </ul>
        <Link className="btn btn-primary" to={groupsPaths.mine}>
          {t('home.link')}
        </Link>
      </CardBody>
    </Card>
  );
}
