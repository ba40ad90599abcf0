import { INVITATIONS_ERROR_CODES } from '../../../common/contracts/invitations.errors';
import type { ModuleManifest } from '../../platform/module';
import { invitationsRoutes } from './invitations.routes';

/** People invited by e-mail to an organization by its district's coordinators or its admins (issue 11). */
export const invitationsModule: ModuleManifest = { name: 'invitations', routes: invitationsRoutes, errorCodes: INVITATIONS_ERROR_CODES };
