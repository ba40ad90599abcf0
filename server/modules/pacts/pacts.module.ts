import { z } from 'zod';
import { defineJob } from '../../platform/jobs/job-definitions';
import type { ModuleManifest } from '../../platform/module';
import { commitmentFileOwner } from './commitment-files';
import { seedDemoPacts } from './fixtures/demo-pacts.seed';
import { moveMergedOrganization } from './move-hooks';
import { noticeLateCommitments } from './notice-late-commitments';
import { pactsRoutes } from './pacts.routes';

/** The daily run that marks overdue commitments late and notifies their signatories. */
export const NOTICE_LATE_COMMITMENTS_JOB = 'pacts.notice-late-commitments';

/** Territorial pacts (issue 17): versions and their lifecycle, signatures by legal representatives, amendments, commitments. */
export const pactsModule: ModuleManifest = {
  name: 'pacts',
  ownsTables: ['pacts', 'pact_versions', 'pact_signatures', 'pact_commitments', 'pact_commitment_updates'],
  routes: pactsRoutes,
  mergeOrganization: moveMergedOrganization,
  fileOwners: [commitmentFileOwner],
  seedDemo: seedDemoPacts,
  jobs: {
    [NOTICE_LATE_COMMITMENTS_JOB]: defineJob({
      payload: z.object({}),
      run: async (_payload, job) => {
        await noticeLateCommitments(job.context, { linkBase: await job.linkBase() });
      },
    }),
  },
  // Every morning in Rome, before the working day (the due day itself is not late: isCommitmentLate).
  schedules: [{ name: NOTICE_LATE_COMMITMENTS_JOB, cron: '30 7 * * *', jobType: NOTICE_LATE_COMMITMENTS_JOB }],
};
