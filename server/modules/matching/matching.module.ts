import type { ModuleManifest } from '../../platform/module';
import { moveMergedOrganization } from './move-merged-organization';
import { seedDemoMatching } from './fixtures/demo-matching.seed';
import { matchingRoutes } from './matching.routes';

export const matchingModule: ModuleManifest = {
  name: 'matching',
  ownsTables: ['matching_proposals', 'matching_proposal_parties', 'matching_agreements', 'referrals', 'referral_details', 'referral_events'],
  routes: matchingRoutes,
  mergeOrganization: moveMergedOrganization,
  seedDemo: seedDemoMatching,
};
