import { GROUPS_WEB_PATHS } from '../../../common/contracts/groups';
const enc = encodeURIComponent;

/** The groups module's addresses (Italian, like the rest of the interface). */
export const groupsPaths = {
  /** The signed-in person's groups, actions and next meetings. */
  mine: GROUPS_WEB_PATHS.mine,
  ofDistrict: (districtId: string) => `/distretti/${enc(districtId)}/tavoli`,
  create: (districtId: string) => `/distretti/${enc(districtId)}/tavoli/nuovo`,
  group: GROUPS_WEB_PATHS.group,
  edit: (groupId: string) => `/tavoli/${enc(groupId)}/modifica`,
  scheduleMeeting: (groupId: string) => `/tavoli/${enc(groupId)}/riunioni/nuova`,
  meeting: GROUPS_WEB_PATHS.meeting,
  editMeeting: (meetingId: string) => `/riunioni/${enc(meetingId)}/modifica`,
} as const;

/** API addresses that are links rather than JSON calls (downloads). */
export const groupsDownloads = {
  meetingCalendar: (meetingId: string) => `/api/meetings/${enc(meetingId)}/calendar.ics`,
  file: (fileId: string) => `/api/files/${enc(fileId)}`,
} as const;
