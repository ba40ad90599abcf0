import { z } from 'zod';
import { on } from '../../platform/events';
import { enqueueJob } from '../../platform/jobs/enqueue-job';
import { defineJob } from '../../platform/jobs/job-definitions';
import type { ModuleManifest } from '../../platform/module';
import { TERRITORY_MUNICIPALITIES_CHANGED } from '../territory';
import { SYNC_MUNICIPAL_BODIES_JOB, syncMunicipalBodies } from './sync-municipal-bodies';
import { seedDemoRealOrganizations } from './fixtures/demo-real-organizations.seed';
import { organizationsRoutes } from './organizations.routes';
import { moveMunicipalityCodes } from './move-municipality-codes';

/** The registry of a district's actors: directory, profiles with people and roles, import, duplicates and merge. */
export const organizationsModule: ModuleManifest = {
  name: 'organizations',
  routes: organizationsRoutes,
  ownsTables: ['organizations', 'organization_versions', 'people', 'person_roles', 'organization_relationships', 'organization_duplicate_flags', 'organization_import_mappings', 'organization_imports', 'organization_names', 'organization_public_fields', 'organization_person_users', 'organization_related_pairs'],
  moveMunicipalityCodes,
  // organization_person_users and organization_related_pairs: who is tied to an organization (labels' conflict of interest).
  publishes: ['organization_names', 'organization_public_fields', 'organization_person_users', 'organization_related_pairs'],
  // After the demo district exists (server/demo): the real organizations of its municipalities, from the 5x1000 list.
  seedDemo: seedDemoRealOrganizations,
  subscriptions: [
    // Every municipality is also an actor (a public body with its fiscal code): brought in step by a background job,
    // so a territory load stays short and tests that load a territory fixture (no worker) get no extra organizations.
    on(TERRITORY_MUNICIPALITIES_CHANGED, async (tx) => {
      await enqueueJob(tx, { type: SYNC_MUNICIPAL_BODIES_JOB });
    }),
  ],
  jobs: {
    [SYNC_MUNICIPAL_BODIES_JOB]: defineJob({
      payload: z.object({}),
      run: async (_payload, job) => {
        await syncMunicipalBodies(job.context);
      },
    }),
  },
};
