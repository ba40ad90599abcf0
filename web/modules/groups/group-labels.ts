import { useTranslation } from 'react-i18next';
import type { ActionStatus, AttendanceStatus, GroupAccessMode, GroupStatus, MeetingStatus, MemberRole, MinutesStatus } from '../../../common/domain/groups';

/** The module's statuses and roles in words of the interface language (never their codes). */
export function useGroupLabels() {
  const { t } = useTranslation('groups');
  return {
    groupStatus: (status: GroupStatus) => t(`groupStatus.${status}`),
    accessMode: (mode: GroupAccessMode) => t(`accessMode.${mode}`),
    memberRole: (role: MemberRole) => t(`memberRole.${role}`),
    meetingStatus: (status: MeetingStatus) => t(`meetingStatus.${status}`),
    attendance: (status: AttendanceStatus) => t(`attendance.status.${status}`),
    minutesStatus: (status: MinutesStatus) => t(`minutesStatus.${status}`),
    actionStatus: (status: ActionStatus) => t(`actionStatus.${status}`),
  };
}
