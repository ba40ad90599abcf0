import { defineAuditActions } from './audit-actions';

/** What the groups module records in the audit log, with its labels (common/contracts/audit-actions.ts says why here). */
export const GROUPS_AUDIT_ACTIONS = defineAuditActions('groups', {
  'groups.create-group': { it: 'Tavolo di lavoro creato', en: 'Working group created' },
  'groups.update-group': { it: 'Tavolo di lavoro modificato', en: 'Working group changed' },
  'groups.change-group-status': { it: 'Stato di un tavolo di lavoro cambiato', en: 'Working group status changed' },
  'groups.add-member': { it: 'Componente aggiunto a un tavolo di lavoro', en: 'Member added to a working group' },
  'groups.join-group': { it: 'Adesione a un tavolo di lavoro aperto', en: 'Open working group joined' },
  'groups.update-member': { it: 'Componente di un tavolo di lavoro modificato', en: 'Working group member changed' },
  'groups.schedule-meeting': { it: 'Riunione convocata', en: 'Meeting scheduled' },
  'groups.update-meeting': { it: 'Riunione modificata', en: 'Meeting changed' },
  'groups.change-meeting-status': { it: 'Riunione svolta o annullata', en: 'Meeting held or cancelled' },
  'groups.send-invitations': { it: 'Convocazioni inviate', en: 'Meeting invitations sent' },
  'groups.record-attendance': { it: 'Presenze registrate', en: 'Attendance recorded' },
  'groups.save-minutes': { it: 'Bozza di verbale salvata', en: 'Minutes draft saved' },
  'groups.publish-minutes': { it: 'Verbale pubblicato', en: 'Minutes published' },
  'groups.correct-minutes': { it: 'Verbale corretto (nuova versione)', en: 'Minutes corrected (new version)' },
  'groups.record-decision': { it: 'Decisione registrata', en: 'Decision recorded' },
  'groups.create-action': { it: 'Azione assegnata', en: 'Action assigned' },
  'groups.update-action': { it: 'Azione aggiornata', en: 'Action updated' },
  'groups.notice-overdue-action': { it: 'Avviso di azione in ritardo', en: 'Overdue action notice' },
  'groups.create-feed-token': { it: 'Indirizzo del calendario creato', en: 'Calendar feed address created' },
  'groups.revoke-feed-token': { it: 'Indirizzo del calendario revocato', en: 'Calendar feed address revoked' },
  'groups.move-merged-organization': { it: "Dati di un'organizzazione unita spostati (tavoli di lavoro)", en: "A merged organization's data moved (working groups)" },
  'groups.move-municipality-codes': { it: 'Riunioni aggiornate ai nuovi codici dei comuni', en: 'Meetings moved to the new municipality codes' },
});
export type GroupsAuditAction = keyof typeof GROUPS_AUDIT_ACTIONS;
