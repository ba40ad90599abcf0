import { defineAuditActions } from './audit-actions';

/** What the needs module records in the audit log, with its labels (common/contracts/audit-actions.ts says why here). */
export const NEEDS_AUDIT_ACTIONS = defineAuditActions('needs', {
  'needs.create-need': { it: 'Bisogno registrato', en: 'Need recorded', formerly: ['needs.create'] },
  'needs.change-need-status': { it: 'Stato di un bisogno cambiato', en: 'Need status changed', formerly: ['needs.change-status'] },
  'needs.answer-need-by-referral': { it: 'Bisogno soddisfatto da un invio', en: 'Need answered by a referral', formerly: ['needs.answered-by-referral'] },
  'needs.answer-need-by-project': { it: 'Bisogno soddisfatto da un progetto', en: 'Need answered by a project' },
  'needs.read-need': { it: 'Consultazione di un bisogno', en: 'Need viewed', formerly: ['needs.read'] },
  'needs.list-needs': { it: 'Consultazione del registro dei bisogni', en: 'Needs register viewed', formerly: ['needs.list'] },
  'needs.move-merged-organization': { it: "Dati di un'organizzazione unita spostati (bisogni)", en: "A merged organization's data moved (needs)" },
  'needs.move-municipality-codes': { it: 'Bisogni aggiornati ai nuovi codici dei comuni', en: 'Needs moved to the new municipality codes' },
});
export type NeedsAuditAction = keyof typeof NEEDS_AUDIT_ACTIONS;
