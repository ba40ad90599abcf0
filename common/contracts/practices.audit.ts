import { defineAuditActions } from './audit-actions';

/** What the practices module records in the audit log, with its labels (common/contracts/audit-actions.ts says why here). */
export const PRACTICES_AUDIT_ACTIONS = defineAuditActions('practices', {
  'practices.create-practice': { it: 'Pratica registrata', en: 'Practice recorded' },
  'practices.update-practice': { it: 'Pratica modificata', en: 'Practice changed' },
  'practices.move-merged-organization': { it: "Dati di un'organizzazione unita spostati (pratiche)", en: "A merged organization's data moved (practices)" },
});
export type PracticesAuditAction = keyof typeof PRACTICES_AUDIT_ACTIONS;
