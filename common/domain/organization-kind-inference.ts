import type { OrganizationKind } from './organizations';

/**
 * Proposing an organization's kind when an imported file has none (the 5x1000 lists of the Agenzia delle Entrate
 * name no kind). The proposal is only a proposal: the person importing sees the rows grouped by the reason and
 * confirms or corrects each group before anything is written, and the report counts them as "kind inferred".
 *
 * The 5x1000 lists an organization is admitted to (`X` in the file's category columns) say a lot (a municipality, a
 * sports club, a research body); the legal form in the name says the rest (Italian law makes a cooperative sociale,
 * an ODV, an APS or a foundation write it in the name). The order of the rules below matters and is tested.
 */
export const BENEFIT_LISTS = ['third_sector', 'sports_club', 'scientific_research', 'health_research', 'municipalities', 'cultural_heritage', 'protected_areas'] as const;
export type BenefitList = (typeof BENEFIT_LISTS)[number];

export const KIND_INFERENCE_REASONS = [
  'municipality_list',
  'municipality_name',
  'protected_area',
  'university',
  'health_authority',
  'school',
  'social_cooperative_b',
  'social_cooperative',
  'social_enterprise',
  'named_foundation',
  'mutual_aid',
  'odv',
  'aps',
  'sports_club',
  'foundation',
  'research',
  'cultural_heritage',
  'third_sector_list',
] as const;
export type KindInferenceReason = (typeof KIND_INFERENCE_REASONS)[number];

/** The kind each reason proposes: the default of the review step, which the person may change group by group. */
export const KIND_PROPOSED_FOR: Record<KindInferenceReason, OrganizationKind> = {
  municipality_list: 'municipality',
  municipality_name: 'municipality',
  protected_area: 'other_public_body',
  university: 'other_public_body',
  health_authority: 'health_authority',
  school: 'school',
  social_cooperative_b: 'social_cooperative_b',
  social_cooperative: 'social_cooperative_a',
  social_enterprise: 'social_enterprise',
  named_foundation: 'foundation',
  mutual_aid: 'mutual_aid_society',
  odv: 'odv',
  aps: 'aps',
  sports_club: 'other_third_sector',
  foundation: 'foundation',
  research: 'other_third_sector',
  cultural_heritage: 'other_third_sector',
  third_sector_list: 'other_third_sector',
};

export interface KindProposal {
  kind: OrganizationKind;
  reason: KindInferenceReason;
}

/** Upper case without accents or apostrophes' variants, single spaces: "Società Cooperativa" → "SOCIETA COOPERATIVA". */
export function normalizeOrganizationName(name: string): string {
  return name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toUpperCase().replace(/\s+/g, ' ').trim();
}

const NAME_RULES: readonly { reason: KindInferenceReason; pattern: RegExp }[] = [
  { reason: 'municipality_name', pattern: /^(COMUNE|CITTA) DI\b/ },
  { reason: 'protected_area', pattern: /\bENTE (DI GESTIONE )?(DELLE AREE PROTETTE|PARCO)\b/ },
  // "Università della terza età" are associations of retired people, not universities.
  { reason: 'university', pattern: /^(UNIVERSITA\b(?!'? (DELLA|DELLE|POPOLARE|DEGLI ADULTI|DEL TEMPO)\b)|POLITECNICO DI\b)/ },
  { reason: 'health_authority', pattern: /^(AZIENDA SANITARIA|AZIENDA OSPEDALIERA|ASL\b)/ },
  { reason: 'school', pattern: /\b(ISTITUTO COMPRENSIVO|DIREZIONE DIDATTICA|ISTITUTO DI ISTRUZIONE SUPERIORE)\b|^LICEO\b/ },
  { reason: 'social_cooperative_b', pattern: /\bCOOP(ERATIVA|\.)? ?SOCIALE\b.*\b(DI )?TIPO B\b|\bCOOP(ERATIVA|\.)? ?SOCIALE B\b/ },
  { reason: 'social_cooperative', pattern: /\bCOOP(ERATIVA|\.)? ?SOCIALE\b|\bS\.?C\.?S\b/ },
  { reason: 'social_enterprise', pattern: /\bIMPRESA SOCIALE\b/ },
  { reason: 'named_foundation', pattern: /^\W*FONDAZIONE\b/ },
  { reason: 'mutual_aid', pattern: /\bMUTUO SOCCORSO\b/ },
  { reason: 'odv', pattern: /\b(ORGANIZZAZIONE|ORG\.?) DI VOLONTARIATO\b|\bO\.?D\.?V\b/ },
  { reason: 'aps', pattern: /\bPROMOZIONE SOCIALE\b|\bA\.?P\.?S\b/ },
  { reason: 'sports_club', pattern: /\bSPORTIVA DILETTANTISTICA\b|\b[AS]\.?S\.?D\b/ },
  { reason: 'foundation', pattern: /\bFONDAZIONE\b/ },
];

/**
 * The kind to propose for an organization named `name` and admitted to `lists`, with the reason (the review step's
 * group), or null when nothing in the name or the lists says what it is (the row then needs a kind column).
 * Lists that say what a body is (municipalities, protected areas) win over the name; then the legal form in the
 * name; then the lists that only say what it does (sports, research, cultural heritage, third sector).
 */
export function inferOrganizationKind(name: string, lists: ReadonlySet<BenefitList>): KindProposal | null {
  const proposal = (reason: KindInferenceReason): KindProposal => ({ kind: KIND_PROPOSED_FOR[reason], reason });
  if (lists.has('municipalities')) return proposal('municipality_list');
  if (lists.has('protected_areas')) return proposal('protected_area');
  const normalized = normalizeOrganizationName(name);
  const byName = NAME_RULES.find((rule) => rule.pattern.test(normalized));
  if (byName) return proposal(byName.reason);
  if (lists.has('sports_club')) return proposal('sports_club');
  if (lists.has('scientific_research') || lists.has('health_research')) return proposal('research');
  if (lists.has('cultural_heritage')) return proposal('cultural_heritage');
  if (lists.has('third_sector')) return proposal('third_sector_list');
  return null;
}

/** Whether a cell of a list column says "admitted" (the Agenzia's files write X; other exports yes, sì, 1). */
export function isListMarked(cell: string | undefined): boolean {
  return /^(X|SI|SÌ|S|YES|Y|1|TRUE|VERO)$/i.test((cell ?? '').trim());
}
