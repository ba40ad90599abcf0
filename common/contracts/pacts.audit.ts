import { defineAuditActions } from './audit-actions';

/** What the pacts module records in the audit log, with its labels (common/contracts/audit-actions.ts says why here). */
export const PACTS_AUDIT_ACTIONS = defineAuditActions('pacts', {
  'pacts.create-pact': { it: 'Patto territoriale creato', en: 'Territorial pact created' },
  'pacts.update-pact': { it: 'Patto territoriale modificato', en: 'Territorial pact changed' },
  'pacts.update-version': { it: 'Testo di un patto modificato (bozza)', en: 'Pact text changed (draft)' },
  'pacts.amend-pact': { it: 'Modifica di un patto avviata (nuova versione)', en: 'Pact amendment started (new version)' },
  'pacts.change-version-status': { it: 'Stato di una versione di un patto cambiato', en: 'Pact version status changed' },
  'pacts.sign-pact': { it: 'Patto sottoscritto', en: 'Pact signed' },
  'pacts.acknowledge-amendment': { it: 'Modifica di un patto accettata', en: 'Pact amendment acknowledged' },
  'pacts.decide-adhesion': { it: 'Adesione a un patto approvata o respinta', en: 'Pact adhesion approved or rejected' },
  'pacts.create-commitment': { it: 'Impegno in un patto assunto', en: 'Pact commitment made' },
  'pacts.update-commitment': { it: 'Impegno in un patto aggiornato', en: 'Pact commitment updated' },
  'pacts.mark-commitment-late': { it: 'Impegno in un patto segnato in ritardo', en: 'Pact commitment marked late' },
  'pacts.move-merged-organization': { it: "Dati di un'organizzazione unita spostati (patti)", en: "A merged organization's data moved (pacts)" },
});
export type PactsAuditAction = keyof typeof PACTS_AUDIT_ACTIONS;
