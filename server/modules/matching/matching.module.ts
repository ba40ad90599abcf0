import { z } from 'zod';
import { defineJob } from '../../platform/jobs/job-definitions';
import type { ModuleManifest } from '../../platform/module';
import { moveMergedOrganization } from './move-merged-organization';
import { remindReferralProviders } from './remind-referral-providers';
import { seedDemoMatching } from './fixtures/demo-matching.seed';
import { matchingRoutes } from './matching.routes';
import { moveMunicipalityCodes } from './move-municipality-codes';

/** The daily reminder to providers of unanswered referrals (`distretto referrals remind` runs it by hand). */
export const REMIND_REFERRALS_JOB = 'matching.remind-referrals';

export const matchingModule: ModuleManifest = {
  name: 'matching',
  ownsTables: ['matching_proposals', 'matching_proposal_parties', 'matching_agreements', 'referrals', 'referral_details', 'referral_events'],
  routes: matchingRoutes,
  mergeOrganization: moveMergedOrganization,
  moveMunicipalityCodes,
  seedDemo: seedDemoMatching,
  jobs: {
    [REMIND_REFERRALS_JOB]: defineJob({
      payload: z.object({}),
      run: async (_payload, job) => {
        await remindReferralProviders(job.context);
      },
    }),
  },
  // Every morning, providers hear of referrals left unanswered (a referral is reminded at most once a day anyway).
  schedules: [{ name: REMIND_REFERRALS_JOB, cron: '0 8 * * *', jobType: REMIND_REFERRALS_JOB }],
};
