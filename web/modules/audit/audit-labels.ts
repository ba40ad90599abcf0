import type { TFunction } from 'i18next';
import type { TAuditEntry } from '../../../common/contracts/audit';
import { AUDIT_ACTION_NAMES, auditActionLabel, type AuditAction } from '../../../common/contracts/audit-action-catalog';

/** i18n keys cannot hold dots or dashes (i18next nests on dots): `needs.change-status` → `needs_change_status`. */
function keyOf(code: string): string {
  return code.replace(/[.-]/g, '_');
}

function moduleLabel(t: TFunction, code: string): string {
  const module = code.split('.')[0] ?? '';
  return t(`audit.modules.${keyOf(module)}`, { defaultValue: t('audit.otherModule') });
}

/**
 * What an entry did, in words: the declared action's label in the reader's language (common/contracts/<m>.audit.ts;
 * a row written under a former name gets its current label), else the area of the app and the kind ("Servizi:
 * scrittura"), never the raw code (it stays in the details, for whoever debugs). A refused 403 says in which area
 * ("Tentativo rifiutato: Registro attività"); a refused 404 names the element in its own column.
 */
export function actionLabel(t: TFunction, language: string, entry: Pick<TAuditEntry, 'action' | 'kind' | 'after'>): string {
  const refusedAction = entry.kind === 'refused' ? (entry.after as { refusedAction?: unknown } | null)?.refusedAction : undefined;
  if (typeof refusedAction === 'string') return t('audit.refusedIn', { area: moduleLabel(t, refusedAction) });
  const declared = auditActionLabel(entry.action, language);
  if (declared) return declared;
  return t('audit.otherAction', { module: moduleLabel(t, entry.action), kind: t(`audit.kinds.${entry.kind}`).toLowerCase() });
}

/** The declared actions for the filter, grouped by area of the app (areas and actions in alphabetical order of their labels). */
export function actionGroups(t: TFunction, language: string): { area: string; actions: { name: AuditAction; label: string }[] }[] {
  const byArea = new Map<string, { name: AuditAction; label: string }[]>();
  for (const name of AUDIT_ACTION_NAMES) {
    const area = moduleLabel(t, name);
    byArea.set(area, [...(byArea.get(area) ?? []), { name, label: auditActionLabel(name, language)! }]);
  }
  return [...byArea]
    .map(([area, actions]) => ({ area, actions: actions.sort((a, b) => a.label.localeCompare(b.label, language)) }))
    .sort((a, b) => a.area.localeCompare(b.area, language));
}

export function entityLabel(t: TFunction, entityType: string): string {
  return t(`audit.entities.${keyOf(entityType)}`, { defaultValue: t('audit.otherEntity') });
}

/** Entity types offered by the filter (those the server records today), with their labels. */
export const KNOWN_ENTITY_TYPES = [
  'audit_log', 'district', 'district_body', 'mail', 'matching_proposal', 'need', 'organization', 'organization_import', 'referral',
  'service', 'service_import', 'settings', 'survey', 'survey_invitation', 'survey_response', 'taxonomy_term', 'territory_import',
  'job',
  'user', 'zone', 'zoning',
  'working_group', 'group_member', 'group_meeting', 'group_minutes', 'group_decision', 'group_action', 'group_feed_token',
];
