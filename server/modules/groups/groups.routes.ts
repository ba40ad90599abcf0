import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZErrorResponse } from '../../../common/contracts/errors';
import {
  ZAction,
  ZActionCreate,
  ZActionIdParams,
  ZActionList,
  ZActionListQuery,
  ZActionUpdate,
  ZAttendance,
  ZAttendanceSave,
  ZDecision,
  ZDecisionCreate,
  ZFeedToken,
  ZFeedTokenParams,
  ZGroupCandidates,
  ZGroupCreate,
  ZGroupDetail,
  ZGroupIdParams,
  ZGroupJoin,
  ZGroupListQuery,
  ZGroupMember,
  ZGroupMemberParams,
  ZGroupPage,
  ZGroupStatusChange,
  ZGroupUpdate,
  ZInvitationsSent,
  ZMeetingCreate,
  ZMeetingDetail,
  ZMeetingIdParams,
  ZMeetingList,
  ZMeetingStatusChange,
  ZMeetingUpdate,
  ZMemberAdd,
  ZMemberUpdate,
  ZMinutes,
  ZMinutesCorrection,
  ZMinutesDiff,
  ZMinutesDiffQuery,
  ZMinutesPublish,
  ZMinutesSave,
  ZMyGroups,
} from '../../../common/contracts/groups';
import { contextOf } from '../../platform/http/context';
import { mailLinkBaseOf } from '../../platform/http/mail-link-base';
import { requestedLanguage } from '../../platform/texts';
import { createAction, listGroupActions, recordDecision, updateGroupAction } from './decisions-actions';
import { changeGroupStatus, createGroup, getGroup, listGroups, updateGroupDetails } from './manage-groups';
import { addMember, joinGroup, listCandidates, updateGroupMember } from './manage-members';
import {
  changeMeetingStatus,
  getMeeting,
  getMeetingCalendar,
  listMeetings,
  recordAttendance,
  rescheduleMeeting,
  scheduleMeeting,
  sendInvitations,
} from './meetings';
import { correctMinutes, diffMinutes, getMinutes, publishMinutes, saveMinutes } from './minutes';
import { createFeedToken, getMyGroups, readGroupFeed, revokeFeedToken } from './my-groups';

const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse, 409: ZErrorResponse, 422: ZErrorResponse };
const tags = ['groups'];
const ICS = 'text/calendar; charset=utf-8';

/** Working groups over HTTP (route list and who may call each: common/contracts/groups.ts; rules: groups.policy.ts). */
export const groupsRoutes: FastifyPluginAsyncZod = async (app) => {
  // ── Groups and members
  app.get('/api/groups', { schema: { tags, summary: "A district's working groups, by name, with filters", querystring: ZGroupListQuery, response: { 200: ZGroupPage, ...errors } } }, async (request) =>
    listGroups(contextOf(request), request.query),
  );
  app.post('/api/groups', { schema: { tags, summary: 'Create a working group (coordinators)', body: ZGroupCreate, response: { 201: ZGroupDetail, ...errors } } }, async (request, reply) =>
    reply.code(201).send(await createGroup(contextOf(request), request.body)),
  );
  app.get('/api/groups/:groupId', { schema: { tags, summary: 'A group page: members, next meeting, last minutes, open actions', params: ZGroupIdParams, response: { 200: ZGroupDetail, ...errors } } }, async (request) =>
    getGroup(contextOf(request), request.params.groupId),
  );
  app.patch('/api/groups/:groupId', { schema: { tags, summary: "Change a group's name, theme, mandate, access or quorum", params: ZGroupIdParams, body: ZGroupUpdate, response: { 200: ZGroupDetail, ...errors } } }, async (request) =>
    updateGroupDetails(contextOf(request), request.params.groupId, request.body),
  );
  app.post('/api/groups/:groupId/status', { schema: { tags, summary: 'Activate or close a group', params: ZGroupIdParams, body: ZGroupStatusChange, response: { 200: ZGroupDetail, ...errors } } }, async (request) =>
    changeGroupStatus(contextOf(request), request.params.groupId, request.body),
  );
  app.get('/api/groups/:groupId/candidates', { schema: { tags, summary: 'Organizations and people that can be named as representatives', params: ZGroupIdParams, response: { 200: ZGroupCandidates, ...errors } } }, async (request) =>
    listCandidates(contextOf(request), request.params.groupId),
  );
  app.post('/api/groups/:groupId/members', { schema: { tags, summary: "Name an organization's representative as a member", params: ZGroupIdParams, body: ZMemberAdd, response: { 201: ZGroupMember, ...errors } } }, async (request, reply) =>
    reply.code(201).send(await addMember(contextOf(request), request.params.groupId, request.body, await mailLinkBaseOf(request))),
  );
  app.post('/api/groups/:groupId/join', { schema: { tags, summary: 'Join an open group naming a representative', params: ZGroupIdParams, body: ZGroupJoin, response: { 201: ZGroupMember, ...errors } } }, async (request, reply) =>
    reply.code(201).send(await joinGroup(contextOf(request), request.params.groupId, request.body, await mailLinkBaseOf(request))),
  );
  app.patch('/api/groups/:groupId/members/:memberId', { schema: { tags, summary: "Change a member's role, dates or substitute", params: ZGroupMemberParams, body: ZMemberUpdate, response: { 200: ZGroupMember, ...errors } } }, async (request) =>
    updateGroupMember(contextOf(request), request.params.groupId, request.params.memberId, request.body),
  );
  app.get('/api/groups/:groupId/actions', { schema: { tags, summary: "A group's actions, overdue first", params: ZGroupIdParams, querystring: ZActionListQuery, response: { 200: ZActionList, ...errors } } }, async (request) =>
    listGroupActions(contextOf(request), request.params.groupId, request.query),
  );

  // ── Meetings
  app.get('/api/groups/:groupId/meetings', { schema: { tags, summary: "A group's meetings, newest first", params: ZGroupIdParams, response: { 200: ZMeetingList, ...errors } } }, async (request) =>
    listMeetings(contextOf(request), request.params.groupId),
  );
  app.post('/api/groups/:groupId/meetings', { schema: { tags, summary: 'Schedule a meeting (and mail the invitations)', params: ZGroupIdParams, body: ZMeetingCreate, response: { 201: ZMeetingDetail, ...errors } } }, async (request, reply) =>
    reply.code(201).send(await scheduleMeeting(contextOf(request), request.params.groupId, request.body, await mailLinkBaseOf(request))),
  );
  app.get('/api/meetings/:meetingId', { schema: { tags, summary: 'A meeting page: agenda, attendance and quorum, decisions, actions', params: ZMeetingIdParams, response: { 200: ZMeetingDetail, ...errors } } }, async (request) =>
    getMeeting(contextOf(request), request.params.meetingId),
  );
  app.patch('/api/meetings/:meetingId', { schema: { tags, summary: "Change a scheduled meeting's time, place or agenda", params: ZMeetingIdParams, body: ZMeetingUpdate, response: { 200: ZMeetingDetail, ...errors } } }, async (request) =>
    rescheduleMeeting(contextOf(request), request.params.meetingId, request.body, await mailLinkBaseOf(request)),
  );
  app.post('/api/meetings/:meetingId/status', { schema: { tags, summary: 'Record a meeting as held, or cancel it', params: ZMeetingIdParams, body: ZMeetingStatusChange, response: { 200: ZMeetingDetail, ...errors } } }, async (request) =>
    changeMeetingStatus(contextOf(request), request.params.meetingId, request.body, await mailLinkBaseOf(request)),
  );
  app.post('/api/meetings/:meetingId/invitations', { schema: { tags, summary: 'Mail the invitation to every current member', params: ZMeetingIdParams, response: { 200: ZInvitationsSent, ...errors } } }, async (request) =>
    sendInvitations(contextOf(request), request.params.meetingId, await mailLinkBaseOf(request)),
  );
  app.get('/api/meetings/:meetingId/calendar.ics', { schema: { tags, summary: 'The meeting as an iCalendar file', params: ZMeetingIdParams } }, async (request, reply) => {
    const ics = await getMeetingCalendar(contextOf(request), request.params.meetingId, await mailLinkBaseOf(request));
    return reply.type(ICS).header('content-disposition', 'attachment; filename="riunione.ics"').header('cache-control', 'no-store').send(ics);
  });
  app.put('/api/meetings/:meetingId/attendance', { schema: { tags, summary: 'Record attendance: present, absent, excused or substituted', params: ZMeetingIdParams, body: ZAttendanceSave, response: { 200: ZAttendance, ...errors } } }, async (request) =>
    recordAttendance(contextOf(request), request.params.meetingId, request.body),
  );

  // ── Minutes, decisions, actions
  app.get('/api/meetings/:meetingId/minutes', { schema: { tags, summary: "A meeting's minutes, every version", params: ZMeetingIdParams, response: { 200: ZMinutes, ...errors } } }, async (request) =>
    getMinutes(contextOf(request), request.params.meetingId),
  );
  app.put('/api/meetings/:meetingId/minutes', { schema: { tags, summary: 'Write or save the minutes draft', params: ZMeetingIdParams, body: ZMinutesSave, response: { 200: ZMinutes, ...errors } } }, async (request) =>
    saveMinutes(contextOf(request), request.params.meetingId, request.body),
  );
  app.post('/api/meetings/:meetingId/minutes/publish', { schema: { tags, summary: 'Publish the minutes (they never change afterwards)', params: ZMeetingIdParams, body: ZMinutesPublish, response: { 200: ZMinutes, ...errors } } }, async (request) =>
    publishMinutes(contextOf(request), request.params.meetingId, request.body),
  );
  app.post('/api/meetings/:meetingId/minutes/corrections', { schema: { tags, summary: 'Correct published minutes: a new version with its reason', params: ZMeetingIdParams, body: ZMinutesCorrection, response: { 200: ZMinutes, ...errors } } }, async (request) =>
    correctMinutes(contextOf(request), request.params.meetingId, request.body),
  );
  app.get('/api/meetings/:meetingId/minutes/diff', { schema: { tags, summary: 'What changed between two versions of the minutes', params: ZMeetingIdParams, querystring: ZMinutesDiffQuery, response: { 200: ZMinutesDiff, ...errors } } }, async (request) =>
    diffMinutes(contextOf(request), request.params.meetingId, request.query),
  );
  app.post('/api/meetings/:meetingId/decisions', { schema: { tags, summary: 'Record a decision (numbered per group and year)', params: ZMeetingIdParams, body: ZDecisionCreate, response: { 201: ZDecision, ...errors } } }, async (request, reply) =>
    reply.code(201).send(await recordDecision(contextOf(request), request.params.meetingId, request.body)),
  );
  app.post('/api/meetings/:meetingId/actions', { schema: { tags, summary: 'Assign an action decided at the meeting', params: ZMeetingIdParams, body: ZActionCreate, response: { 201: ZAction, ...errors } } }, async (request, reply) =>
    reply.code(201).send(await createAction(contextOf(request), request.params.meetingId, request.body)),
  );
  app.patch('/api/actions/:actionId', { schema: { tags, summary: "Update an action (its owner: the status only)", params: ZActionIdParams, body: ZActionUpdate, response: { 200: ZAction, ...errors } } }, async (request) =>
    updateGroupAction(contextOf(request), request.params.actionId, request.body),
  );

  // ── The signed-in person, calendar feeds
  app.get('/api/my-groups', { schema: { tags, summary: 'My groups, my actions, my next meetings', response: { 200: ZMyGroups, ...errors } } }, async (request, reply) =>
    reply.header('cache-control', 'no-store').send(await getMyGroups(contextOf(request))),
  );
  app.post('/api/groups/:groupId/feed-token', { schema: { tags, summary: "A personal secret address of the group's calendar (replaces the previous one)", params: ZGroupIdParams, response: { 201: ZFeedToken, ...errors } } }, async (request, reply) =>
    reply.code(201).header('cache-control', 'no-store').send(await createFeedToken(contextOf(request), request.params.groupId)),
  );
  app.delete('/api/groups/:groupId/feed-token', { schema: { tags, summary: "Revoke my calendar address of the group", params: ZGroupIdParams, response: { 204: z.null(), ...errors } } }, async (request, reply) => {
    await revokeFeedToken(contextOf(request), request.params.groupId);
    return reply.code(204).send(null);
  });
  app.get(
    '/api/calendar/groups/:token/feed.ics',
    { config: { rateLimit: { max: 120, timeWindow: '1 minute' } }, schema: { tags, summary: "A group's calendar by a personal secret address (no sign-in)", params: ZFeedTokenParams } },
    async (request, reply) => {
      const ics = await readGroupFeed(contextOf(request), request.params.token, requestedLanguage(request.query, request.headers['accept-language']));
      return reply.type(ICS).header('cache-control', 'no-store').header('referrer-policy', 'no-referrer').send(ics);
    },
  );
};
