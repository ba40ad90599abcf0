import { defineAuditActions } from './audit-actions';

/** What the labels module records in the audit log, with its labels (common/contracts/audit-actions.ts says why here). */
export const LABELS_AUDIT_ACTIONS = defineAuditActions('labels', {
  'labels.create-scheme': { it: 'Schema di marchio di qualità creato', en: 'Quality label scheme created' },
  'labels.create-application': { it: 'Domanda di marchio di qualità creata', en: 'Quality label application created' },
  'labels.save-evidence': { it: 'Evidenza di una domanda di marchio salvata', en: 'Quality label evidence saved' },
  'labels.decide-criterion': { it: 'Criterio di una domanda di marchio valutato', en: 'Quality label criterion assessed' },
  'labels.transition-application': { it: 'Stato di una domanda di marchio cambiato', en: 'Quality label application status changed' },
  'labels.award-label': { it: 'Marchio di qualità assegnato', en: 'Quality label awarded' },
  'labels.revoke-label': { it: 'Marchio di qualità revocato', en: 'Quality label revoked' },
  'labels.remind-expiry': { it: 'Promemoria di scadenza del marchio inviato', en: 'Quality label expiry reminder sent' },
  'labels.move-merged-organization': { it: "Dati di un'organizzazione unita spostati (marchi di qualità)", en: "A merged organization's data moved (quality labels)" },
});
export type LabelsAuditAction = keyof typeof LABELS_AUDIT_ACTIONS;
