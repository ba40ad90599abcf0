import { defineAuditActions } from './audit-actions';

/** What the zonings module records in the audit log, with its labels (common/contracts/audit-actions.ts says why here). */
export const ZONINGS_AUDIT_ACTIONS = defineAuditActions('zonings', {
  'zonings.import-zoning': { it: 'Zonizzazione importata', en: 'Zoning imported', formerly: ['zonings.import'] },
  'zonings.update-zone': { it: 'Zona modificata', en: 'Zone edited', formerly: ['zonings.update_zone'] },
  'zonings.delete-zoning': { it: 'Zonizzazione eliminata', en: 'Zoning deleted', formerly: ['zonings.delete'] },
  'zonings.move-merged-organization': { it: "Dati di un'organizzazione unita spostati (zonizzazioni)", en: "A merged organization's data moved (zonings)" },
  'zonings.move-municipality-codes': { it: 'Zonizzazioni aggiornate ai nuovi codici dei comuni', en: 'Zonings moved to the new municipality codes' },
});
export type ZoningsAuditAction = keyof typeof ZONINGS_AUDIT_ACTIONS;
