import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TMeetingSummary } from '../../../common/contracts/groups';
import { groupsPaths } from './groups-paths';
import { useGroupLabels } from './group-labels';
import { formatMeetingTime } from './meeting-time';

/** Where a meeting takes place, in words: the municipality and address, and/or the online link. */
export function MeetingPlace({ meeting }: { meeting: Pick<TMeetingSummary, 'municipalityName' | 'address' | 'onlineUrl'> }) {
  const { t } = useTranslation('groups');
  const inPerson = [meeting.address, meeting.municipalityName].filter(Boolean).join(', ');
  return (
    <>
      {inPerson && <span>{t('meeting.inPerson', { place: inPerson })}</span>}
      {inPerson && meeting.onlineUrl && ' · '}
      {meeting.onlineUrl && (
        <span>
          {t('meeting.online')}{' '}
          <a href={meeting.onlineUrl} target="_blank" rel="noopener noreferrer">
            {meeting.onlineUrl}
          </a>
        </span>
      )}
    </>
  );
}

/** A meeting in one line: its title as a link, when (with the weekday, in Rome), where, and its status. */
export function MeetingLine({ meeting, showGroup = false }: { meeting: TMeetingSummary; showGroup?: boolean }) {
  const { i18n } = useTranslation('groups');
  const labels = useGroupLabels();
  return (
    <>
      <Link to={groupsPaths.meeting(meeting.id)}>{meeting.title}</Link>
      {showGroup && <> · {meeting.groupName}</>}
      <br />
      <span>{formatMeetingTime(meeting.startsAt, meeting.endsAt, i18n.language)}</span>
      {' · '}
      <MeetingPlace meeting={meeting} />
      {meeting.status !== 'scheduled' && <> · {labels.meetingStatus(meeting.status)}</>}
    </>
  );
}
