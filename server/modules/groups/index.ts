export { groupsModule, NOTICE_OVERDUE_ACTIONS_JOB } from './groups.module';
/** For the home (server/modules/home): the person's open and overdue actions and next meeting. */
export { homeGroupsSummary } from './my-groups';
export { GroupActions } from './groups.policy';
export { noticeOverdueActions } from './notice-overdue-actions';
export { DEMO_GROUP_NAME, seedDemoGroups } from './fixtures/demo-groups.seed';
/** The use cases, for the access matrix's world and other modules' tests (each checks access itself). */
export { changeGroupStatus, createGroup, getGroup, listGroups } from './manage-groups';
export { addMember, joinGroup } from './manage-members';
export { getMeeting, recordAttendance, scheduleMeeting } from './meetings';
export { publishMinutes, saveMinutes } from './minutes';
export { createAction, recordDecision, updateGroupAction } from './decisions-actions';
export { createFeedToken, getMyGroups } from './my-groups';
/** For modules that link groups (practices): which groups' pages the actor may open, by the groups' own rule. */
export { readableGroupIds } from './group-access';
