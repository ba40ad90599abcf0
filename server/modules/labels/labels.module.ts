import { z } from 'zod';
import { defineJob } from '../../platform/jobs/job-definitions';
import type { ModuleManifest } from '../../platform/module';
import { applicationFileOwner } from './application-files';
import { seedDemoLabels } from './fixtures/demo-labels.seed';
import { labelsRoutes } from './labels.routes';
import { moveMergedOrganization } from './merge-hooks';
import { remindExpiringLabels } from './remind-expiring-labels';

/** The daily reminders to organizations whose label is about to expire. */
export const REMIND_EXPIRING_LABELS_JOB = 'labels.remind-expiring-labels';

/** Social quality labels (issue 17): schemes, applications with evidence, assessment, awards, public verification. */
export const labelsModule: ModuleManifest = {
  name: 'labels',
  ownsTables: ['label_schemes', 'label_criteria', 'label_scheme_assessors', 'label_applications', 'label_evidence', 'label_decisions', 'label_awards', 'organization_labels'],
  /** The organizations' labels with their dates, for the services directory (badge and filter). */
  publishes: ['organization_labels'],
  routes: labelsRoutes,
  mergeOrganization: moveMergedOrganization,
  fileOwners: [applicationFileOwner],
  seedDemo: seedDemoLabels,
  jobs: {
    [REMIND_EXPIRING_LABELS_JOB]: defineJob({
      payload: z.object({}),
      run: async (_payload, job) => {
        await remindExpiringLabels(job.context, { linkBase: await job.linkBase() });
      },
    }),
  },
  // Every morning; a label is reminded once per last valid day, EXPIRY_REMINDER_DAYS before it (common/domain/labels.ts).
  schedules: [{ name: REMIND_EXPIRING_LABELS_JOB, cron: '30 7 * * *', jobType: REMIND_EXPIRING_LABELS_JOB }],
};
