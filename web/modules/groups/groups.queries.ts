import { queryOptions } from '@tanstack/react-query';
import {
  ZAction,
  ZAttendance,
  ZDecision,
  ZFeedToken,
  ZGroupCandidates,
  ZGroupDetail,
  ZGroupMember,
  ZGroupPage,
  ZInvitationsSent,
  ZMeetingDetail,
  ZMeetingList,
  ZMinutes,
  ZMinutesDiff,
  ZMyGroups,
  GROUPS_MEETING_FILE_OWNER,
  type TActionCreate,
  type TActionUpdate,
  type TAttendanceSave,
  type TDecisionCreate,
  type TGroupCreate,
  type TGroupJoin,
  type TGroupListQuery,
  type TGroupStatusChange,
  type TGroupUpdate,
  type TMeetingCreate,
  type TMeetingStatusChange,
  type TMeetingUpdate,
  type TMemberAdd,
  type TMemberUpdate,
  type TMinutesCorrection,
  type TMinutesSave,
} from '../../../common/contracts/groups';
import { ZStoredFile, ZStoredFileList } from '../../../common/contracts/files';
import { api } from '../../app/api-client';

const enc = encodeURIComponent;

/** Every groups query starts with this key, so one invalidation refreshes the module's pages after a write. */
export const GROUPS_KEY = ['groups'] as const;

/** The list's filters as the page sends them (the server pages by default). */
export type GroupListFilters = Omit<TGroupListQuery, 'limit' | 'cursor'> & { limit?: number };

export function groupListQuery(query: GroupListFilters) {
  return queryOptions({
    queryKey: [...GROUPS_KEY, 'list', query],
    queryFn: ({ signal }) => api.get('/api/groups', ZGroupPage, { signal, query: { ...query } }),
  });
}

export function groupQuery(groupId: string) {
  return queryOptions({ queryKey: [...GROUPS_KEY, 'group', groupId], queryFn: ({ signal }) => api.get(`/api/groups/${enc(groupId)}`, ZGroupDetail, { signal }) });
}

export function groupMeetingsQuery(groupId: string) {
  return queryOptions({
    queryKey: [...GROUPS_KEY, 'group', groupId, 'meetings'],
    queryFn: ({ signal }) => api.get(`/api/groups/${enc(groupId)}/meetings`, ZMeetingList, { signal }).then((list) => list.items),
  });
}

export function candidatesQuery(groupId: string) {
  return queryOptions({
    queryKey: [...GROUPS_KEY, 'group', groupId, 'candidates'],
    queryFn: ({ signal }) => api.get(`/api/groups/${enc(groupId)}/candidates`, ZGroupCandidates, { signal }).then((result) => result.organizations),
  });
}

export function meetingQuery(meetingId: string) {
  return queryOptions({ queryKey: [...GROUPS_KEY, 'meeting', meetingId], queryFn: ({ signal }) => api.get(`/api/meetings/${enc(meetingId)}`, ZMeetingDetail, { signal }) });
}

export function minutesQuery(meetingId: string) {
  return queryOptions({ queryKey: [...GROUPS_KEY, 'meeting', meetingId, 'minutes'], queryFn: ({ signal }) => api.get(`/api/meetings/${enc(meetingId)}/minutes`, ZMinutes, { signal }) });
}

export function minutesDiffQuery(meetingId: string, from: number, to: number) {
  return queryOptions({
    queryKey: [...GROUPS_KEY, 'meeting', meetingId, 'minutes', 'diff', from, to],
    queryFn: ({ signal }) => api.get(`/api/meetings/${enc(meetingId)}/minutes/diff`, ZMinutesDiff, { signal, query: { from, to } }),
    staleTime: Infinity,
  });
}

export function meetingFilesQuery(meetingId: string) {
  return queryOptions({
    queryKey: [...GROUPS_KEY, 'meeting', meetingId, 'files'],
    queryFn: ({ signal }) => api.get(`/api/files/${GROUPS_MEETING_FILE_OWNER}/${enc(meetingId)}`, ZStoredFileList, { signal }).then((list) => list.items),
  });
}

export const myGroupsQuery = queryOptions({ queryKey: [...GROUPS_KEY, 'mine'], queryFn: ({ signal }) => api.get('/api/my-groups', ZMyGroups, { signal }) });

export const createGroup = (input: TGroupCreate) => api.post('/api/groups', ZGroupDetail, input);
export const updateGroup = (groupId: string, input: TGroupUpdate) => api.patch(`/api/groups/${enc(groupId)}`, ZGroupDetail, input);
export const changeGroupStatus = (groupId: string, input: TGroupStatusChange) => api.post(`/api/groups/${enc(groupId)}/status`, ZGroupDetail, input);
export const addMember = (groupId: string, input: TMemberAdd) => api.post(`/api/groups/${enc(groupId)}/members`, ZGroupMember, input);
export const joinGroup = (groupId: string, input: TGroupJoin) => api.post(`/api/groups/${enc(groupId)}/join`, ZGroupMember, input);
export const updateMember = (groupId: string, memberId: string, input: TMemberUpdate) => api.patch(`/api/groups/${enc(groupId)}/members/${enc(memberId)}`, ZGroupMember, input);
export const createFeedToken = (groupId: string) => api.post(`/api/groups/${enc(groupId)}/feed-token`, ZFeedToken, {});
export const scheduleMeeting = (groupId: string, input: TMeetingCreate) => api.post(`/api/groups/${enc(groupId)}/meetings`, ZMeetingDetail, input);
export const updateMeeting = (meetingId: string, input: TMeetingUpdate) => api.patch(`/api/meetings/${enc(meetingId)}`, ZMeetingDetail, input);
export const changeMeetingStatus = (meetingId: string, input: TMeetingStatusChange) => api.post(`/api/meetings/${enc(meetingId)}/status`, ZMeetingDetail, input);
export const sendInvitations = (meetingId: string) => api.post(`/api/meetings/${enc(meetingId)}/invitations`, ZInvitationsSent, {});
export const saveAttendance = (meetingId: string, input: TAttendanceSave) => api.put(`/api/meetings/${enc(meetingId)}/attendance`, ZAttendance, input);
export const saveMinutes = (meetingId: string, input: TMinutesSave) => api.put(`/api/meetings/${enc(meetingId)}/minutes`, ZMinutes, input);
export const publishMinutes = (meetingId: string, version: number) => api.post(`/api/meetings/${enc(meetingId)}/minutes/publish`, ZMinutes, { version });
export const correctMinutes = (meetingId: string, input: TMinutesCorrection) => api.post(`/api/meetings/${enc(meetingId)}/minutes/corrections`, ZMinutes, input);
export const addDecision = (meetingId: string, input: TDecisionCreate) => api.post(`/api/meetings/${enc(meetingId)}/decisions`, ZDecision, input);
export const addAction = (meetingId: string, input: TActionCreate) => api.post(`/api/meetings/${enc(meetingId)}/actions`, ZAction, input);
export const updateAction = (actionId: string, input: TActionUpdate) => api.patch(`/api/actions/${enc(actionId)}`, ZAction, input);
export const uploadMeetingFile = (meetingId: string, file: File) => api.upload(`/api/files/${GROUPS_MEETING_FILE_OWNER}/${enc(meetingId)}`, ZStoredFile, file);
export const removeFile = (fileId: string) => api.delete(`/api/files/${enc(fileId)}`, null);

