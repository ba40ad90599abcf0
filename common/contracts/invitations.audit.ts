import { defineAuditActions } from './audit-actions';

/** What the invitations module records in the audit log, with its labels (common/contracts/audit-actions.ts says why here). */
export const INVITATIONS_AUDIT_ACTIONS = defineAuditActions('invitations', {
  'invitations.create-invitation': { it: 'Invito a Distretto inviato', en: 'Invitation to Distretto sent', formerly: ['invitations.create'] },
  'invitations.accept-invitation': { it: 'Invito a Distretto accettato', en: 'Invitation to Distretto accepted', formerly: ['invitations.accept'] },
  'invitations.move-merged-organization': { it: "Dati di un'organizzazione unita spostati (inviti)", en: "A merged organization's data moved (invitations)" },
});
export type InvitationsAuditAction = keyof typeof INVITATIONS_AUDIT_ACTIONS;
