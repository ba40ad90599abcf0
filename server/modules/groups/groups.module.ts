import { z } from 'zod';
import { defineJob } from '../../platform/jobs/job-definitions';
import type { ModuleManifest } from '../../platform/module';
import { seedDemoGroups } from './fixtures/demo-groups.seed';
import { groupsRoutes } from './groups.routes';
import { meetingFileOwner } from './meeting-files';
import { moveMergedOrganization, moveMunicipalityCodes } from './move-hooks';
import { noticeOverdueActions } from './notice-overdue-actions';

/** The daily notices of overdue actions to their owners and the groups' chairs. */
export const NOTICE_OVERDUE_ACTIONS_JOB = 'groups.notice-overdue-actions';

/** Working groups (issue 15): groups, members, meetings, attendance, minutes, decisions, actions, calendars. */
export const groupsModule: ModuleManifest = {
  name: 'groups',
  ownsTables: [
    'working_groups',
    'working_group_members',
    'group_meetings',
    'group_attendance',
    'group_minutes_versions',
    'group_decision_counters',
    'group_decisions',
    'group_actions',
    'group_feed_tokens',
    'working_group_names',
  ],
  /** A group's name, district, status and access mode, for modules that link groups (practices). */
  publishes: ['working_group_names'],
  routes: groupsRoutes,
  mergeOrganization: moveMergedOrganization,
  moveMunicipalityCodes,
  seedDemo: seedDemoGroups,
  fileOwners: [meetingFileOwner],
  jobs: {
    [NOTICE_OVERDUE_ACTIONS_JOB]: defineJob({
      payload: z.object({}),
      run: async (_payload, job) => {
        // No request here: links start where the worker says (the public address, else the saved one, else its own).
        await noticeOverdueActions(job.context, { linkBase: await job.linkBase() });
      },
    }),
  },
  // Every morning; an action is mailed on its first late day, then weekly (common/domain/groups.ts isOverdueNoticeDue).
  schedules: [{ name: NOTICE_OVERDUE_ACTIONS_JOB, cron: '0 8 * * *', jobType: NOTICE_OVERDUE_ACTIONS_JOB }],
};
