import { PLATFORM_AUDIT_ACTIONS, type AuditActionDeclaration } from './audit-actions';
import { DISTRICTS_AUDIT_ACTIONS } from './districts.audit';
import { GROUPS_AUDIT_ACTIONS } from './groups.audit';
import { INVITATIONS_AUDIT_ACTIONS } from './invitations.audit';
import { LABELS_AUDIT_ACTIONS } from './labels.audit';
import { MATCHING_AUDIT_ACTIONS } from './matching.audit';
import { NEEDS_AUDIT_ACTIONS } from './needs.audit';
import { PROJECTS_AUDIT_ACTIONS } from './projects.audit';
import { ORGANIZATIONS_AUDIT_ACTIONS } from './organizations.audit';
import { PACTS_AUDIT_ACTIONS } from './pacts.audit';
import { PRACTICES_AUDIT_ACTIONS } from './practices.audit';
import { SERVICES_AUDIT_ACTIONS } from './services.audit';
import { SURVEYS_AUDIT_ACTIONS } from './surveys.audit';
import { TERRITORY_AUDIT_ACTIONS } from './territory.audit';
import { ZONINGS_AUDIT_ACTIONS } from './zonings.audit';

/**
 * Every action the audit log can hold: the platform's and each module's (common/contracts/<m>.audit.ts). The server
 * records only these (`AuditAction` types recordAudit/recordAccess), the audit page offers and translates them, and
 * server/platform/audit/audit-actions.test.ts checks each is used as declared.
 */
export const AUDIT_ACTIONS = {
  ...PLATFORM_AUDIT_ACTIONS,
  ...TERRITORY_AUDIT_ACTIONS,
  ...ORGANIZATIONS_AUDIT_ACTIONS,
  ...ZONINGS_AUDIT_ACTIONS,
  ...DISTRICTS_AUDIT_ACTIONS,
  ...SERVICES_AUDIT_ACTIONS,
  ...SURVEYS_AUDIT_ACTIONS,
  ...NEEDS_AUDIT_ACTIONS,
  ...MATCHING_AUDIT_ACTIONS,
  ...INVITATIONS_AUDIT_ACTIONS,
  ...GROUPS_AUDIT_ACTIONS,
  ...PRACTICES_AUDIT_ACTIONS,
  ...PROJECTS_AUDIT_ACTIONS,
  ...LABELS_AUDIT_ACTIONS,
  ...PACTS_AUDIT_ACTIONS,
} as const satisfies Record<string, AuditActionDeclaration>;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

export const AUDIT_ACTION_NAMES = Object.keys(AUDIT_ACTIONS) as AuditAction[];

export function isAuditAction(name: string): name is AuditAction {
  return Object.hasOwn(AUDIT_ACTIONS, name);
}

const declarationOf = (name: AuditAction): AuditActionDeclaration => AUDIT_ACTIONS[name];

/** Old name → current name, for rows written before a rename. */
const CURRENT_NAME_OF_FORMER = new Map<string, AuditAction>(
  AUDIT_ACTION_NAMES.flatMap((name) => (declarationOf(name).formerly ?? []).map((former) => [former, name] as const)),
);

/** The declared action a stored name stands for (itself, or the action it was renamed to); undefined if none. */
export function currentAuditAction(storedName: string): AuditAction | undefined {
  return isAuditAction(storedName) ? storedName : CURRENT_NAME_OF_FORMER.get(storedName);
}

/**
 * Every name rows of this action may hold: the current one and the ones it had before (the log is never rewritten).
 * A name nobody declared stands only for itself.
 */
export function storedNamesOf(name: string): string[] {
  const current = currentAuditAction(name);
  return current ? [current, ...(declarationOf(current).formerly ?? [])] : [name];
}

/** The action's label in the reader's language (Italian unless English), for a current or a former name. */
export function auditActionLabel(storedName: string, language: string): string | undefined {
  const current = currentAuditAction(storedName);
  if (!current) return undefined;
  return language.startsWith('en') ? declarationOf(current).en : declarationOf(current).it;
}
