import { defineAuditActions } from './audit-actions';

/** What the territory module records in the audit log, with its labels (common/contracts/audit-actions.ts says why here). */
export const TERRITORY_AUDIT_ACTIONS = defineAuditActions('territory', {
  'territory.import-territory': { it: 'Importazione del territorio', en: 'Territory imported', formerly: ['territory.import'] },
});
export type TerritoryAuditAction = keyof typeof TERRITORY_AUDIT_ACTIONS;
