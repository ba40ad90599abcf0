export { groupsModule, NOTICE_OVERDUE_ACTIONS_JOB } from './groups.module';
/** For the home (server/modules/home): the person's open and overdue actions and next meeting. */
export { homeGroupsSummary } from './my-groups';
export { GroupActions } from './groups.policy';
export { noticeOverdueActions } from './notice-overdue-actions';
export { DEMO_GROUP_NAME, seedDemoGroups } from './fixtures/demo-groups.seed';
