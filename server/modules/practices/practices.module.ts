import type { ModuleManifest } from '../../platform/module';
import { seedDemoPractices } from './fixtures/demo-practices.seed';
import { moveMergedOrganization } from './move-merged-organization';
import { practiceFileOwner } from './practice-file-owner';
import { practicesRoutes } from './practices.routes';

/** Shared knowledge (issue 15): practices that worked and that failed, searched in Italian, with their attachments. */
export const practicesModule: ModuleManifest = {
  name: 'practices',
  ownsTables: ['practices', 'practice_organizations', 'practice_groups', 'practice_search_words', 'practice_search_entries'],
  routes: practicesRoutes,
  mergeOrganization: moveMergedOrganization,
  fileOwners: [practiceFileOwner],
  seedDemo: seedDemoPractices,
};
