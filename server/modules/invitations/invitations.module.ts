import type { ModuleManifest } from '../../platform/module';
import { moveMergedOrganization } from './move-merged-organization';
import { invitationsRoutes } from './invitations.routes';

/** People invited by e-mail to an organization by its district's coordinators or its admins (issue 11). */
export const invitationsModule: ModuleManifest = {
  name: 'invitations',
  routes: invitationsRoutes,
  ownsTables: ['invitations'],
  mergeOrganization: moveMergedOrganization,
};
