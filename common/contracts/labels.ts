import { z } from 'zod';
import { zInt } from './integers';
import {
  APPLICATION_ACTIONS,
  APPLICATION_STATUSES,
  CRITERIA_MAX,
  CRITERION_KINDS,
  CRITERION_SCORE_MAX,
  LABEL_NAME_MAX,
  LABEL_STATES,
  LABEL_TEXT_MAX,
  VALIDITY_MONTHS_MAX,
} from '../domain/labels';

/*
 * Social quality labels (issue 17, module `labels`; pure rules in common/domain/labels.ts).
 *
 * Who: "manager" = a coordinator of the scheme's district (a regional scheme, districtId null: platform admins only);
 * platform admins manage every scheme. "applicant" = an administrator of the applying organization; "applicant's
 * people" = its administrators and members; "assessor" = a person the scheme names (and not tied to the applicant).
 * Deny by default; every write audited (`labels.*`).
 *
 *   GET    /api/labels/schemes                             signed in   → ZLabelSchemeList
 *   POST   /api/labels/schemes                             coordinator of districtId (null: platform admin)   ZLabelSchemeCreate → ZLabelScheme (201)
 *   GET    /api/labels/schemes/:id                         signed in   → ZLabelScheme
 *   GET    /api/labels/assessor-candidates?districtId=     coordinator of districtId (none: platform admin)   → ZAssessorCandidates
 *   GET    /api/labels/applications                        signed in   → ZLabelApplicationList (only what the caller may read)
 *   POST   /api/labels/applications                        applicant   ZLabelApplicationCreate → ZLabelApplication (201)
 *   GET    /api/labels/applications/:id                    applicant's people, managers, assessors   → ZLabelApplication
 *   PUT    /api/labels/applications/:id/evidence/:criterionId   applicant, draft only   ZEvidenceSave → ZLabelApplication
 *   PUT    /api/labels/applications/:id/decisions/:criterionId  assessor, submitted only, no conflict of interest   ZDecisionSave → ZLabelApplication
 *   POST   /api/labels/applications/:id/transitions        submit/withdraw: applicant; reject/award: manager   ZApplicationTransition → ZLabelApplication
 *   POST   /api/labels/awards/:id/revoke                   manager     ZAwardRevoke → ZLabelVerification
 *   GET    /api/labels/verify/:code                        everyone    → ZLabelVerification; unknown code → 404
 *   GET    /api/labels/badge/:code.svg                     everyone    → image/svg+xml; unknown code → 404
 * Evidence files: the platform's file routes with owner `labels.application` and the application's id.
 */

const ZName = z.string().trim().min(1).max(LABEL_NAME_MAX);
const ZText = z.string().trim().max(LABEL_TEXT_MAX);

export const ZLabelCriterionInput = z.strictObject({
  description: z.string().trim().min(1).max(LABEL_TEXT_MAX),
  evidenceRequired: ZText.default(''),
  kind: z.enum(CRITERION_KINDS),
  /** Scored criteria only (1…100); a mandatory criterion has none. */
  maxScore: zInt().min(1).max(CRITERION_SCORE_MAX).nullable().default(null),
});

export const ZLabelSchemeCreate = z
  .strictObject({
    /** The district that defines it; null: a regional scheme (platform admins). */
    districtId: z.uuid().nullable(),
    name: ZName,
    description: ZText.default(''),
    criteria: z.array(ZLabelCriterionInput).min(1).max(CRITERIA_MAX),
    /** The scored criteria's total must reach it (0: mandatory criteria only decide). */
    thresholdScore: zInt().min(0).default(0),
    validityMonths: zInt().min(1).max(VALIDITY_MONTHS_MAX),
    assessorUserIds: z.array(z.uuid()).min(1).max(20),
  })
  .superRefine((value, context) => {
    value.criteria.forEach((criterion, index) => {
      if (criterion.kind === 'scored' && criterion.maxScore === null) context.addIssue({ code: 'custom', path: ['criteria', index, 'maxScore'], message: 'a scored criterion needs a maximum score' });
      if (criterion.kind === 'mandatory' && criterion.maxScore !== null) context.addIssue({ code: 'custom', path: ['criteria', index, 'maxScore'], message: 'a mandatory criterion has no score' });
    });
    if (new Set(value.assessorUserIds).size !== value.assessorUserIds.length) context.addIssue({ code: 'custom', path: ['assessorUserIds'], message: 'an assessor is named twice' });
  });
export type TLabelSchemeCreate = z.input<typeof ZLabelSchemeCreate>;

export const ZLabelCriterion = z.object({
  id: z.string(),
  position: zInt(),
  description: z.string(),
  evidenceRequired: z.string(),
  kind: z.enum(CRITERION_KINDS),
  maxScore: zInt().nullable(),
});
export type TLabelCriterion = z.infer<typeof ZLabelCriterion>;

export const ZLabelScheme = z.object({
  id: z.string(),
  districtId: z.string().nullable(),
  /** The district's name; null for a regional scheme. */
  districtName: z.string().nullable(),
  name: z.string(),
  description: z.string(),
  thresholdScore: zInt(),
  maxTotalScore: zInt(),
  validityMonths: zInt(),
  criteria: z.array(ZLabelCriterion),
  assessors: z.array(z.object({ userId: z.string(), name: z.string() })),
  /** Labels of this scheme valid today (not revoked, not expired). */
  validLabelCount: zInt(),
  createdAt: z.string(),
  canManage: z.boolean(),
});
export type TLabelScheme = z.infer<typeof ZLabelScheme>;

export const ZLabelSchemeList = z.object({ items: z.array(ZLabelScheme) });
export type TLabelSchemeList = z.infer<typeof ZLabelSchemeList>;

/** Who may be named assessor of a new scheme: the people of the district's current member organizations and the caller. */
export const ZAssessorCandidatesQuery = z.strictObject({ districtId: z.uuid().optional() });
export const ZAssessorCandidates = z.object({ items: z.array(z.object({ userId: z.string(), name: z.string() })) });
export type TAssessorCandidates = z.infer<typeof ZAssessorCandidates>;

export const ZLabelIdParams = z.strictObject({ id: z.uuid() });
export const ZCriterionParams = z.strictObject({ id: z.uuid(), criterionId: z.uuid() });
/** Any text: a code nobody has (whatever its shape) is a 404, never a 422 that tells codes apart. */
export const ZLabelCodeParams = z.strictObject({ code: z.string().max(100) });

export const ZLabelApplicationCreate = z.strictObject({
  schemeId: z.uuid(),
  organizationId: z.uuid(),
  /** A renewal names the label it extends (same organization and scheme, not revoked). */
  renewsAwardId: z.uuid().nullable().default(null),
});
export type TLabelApplicationCreate = z.input<typeof ZLabelApplicationCreate>;

export const ZEvidenceSave = z.strictObject({ text: ZText });
export type TEvidenceSave = z.infer<typeof ZEvidenceSave>;

export const ZDecisionSave = z.strictObject({
  /** Mandatory criteria. */
  met: z.boolean().nullable().default(null),
  /** Scored criteria: 0…the criterion's maximum. */
  score: zInt().min(0).max(CRITERION_SCORE_MAX).nullable().default(null),
  note: ZText.default(''),
});
export type TDecisionSave = z.input<typeof ZDecisionSave>;

export const ZApplicationTransition = z.strictObject({
  action: z.enum(APPLICATION_ACTIONS),
  /** Required to reject. */
  reason: ZText.nullable().default(null),
  version: zInt().min(1),
});
export type TApplicationTransition = z.input<typeof ZApplicationTransition>;

export const ZAwardRevoke = z.strictObject({ reason: z.string().trim().min(1).max(LABEL_TEXT_MAX) });
export type TAwardRevoke = z.infer<typeof ZAwardRevoke>;

export const ZAwardProblem = z.discriminatedUnion('code', [
  z.object({ code: z.literal('not_assessed'), criterionId: z.string() }),
  z.object({ code: z.literal('mandatory_not_met'), criterionId: z.string() }),
  z.object({ code: z.literal('below_threshold'), totalScore: zInt(), thresholdScore: zInt() }),
]);

export const ZLabelAward = z.object({
  id: z.string(),
  /** The public, unguessable code of the verification page and the badge. */
  publicCode: z.string(),
  validFrom: z.string(),
  validUntil: z.string(),
  revokedOn: z.string().nullable(),
  revocationReason: z.string().nullable(),
  state: z.enum(LABEL_STATES),
});
export type TLabelAward = z.infer<typeof ZLabelAward>;

export const ZLabelApplication = z.object({
  id: z.string(),
  schemeId: z.string(),
  schemeName: z.string(),
  organizationId: z.string(),
  organizationName: z.string(),
  status: z.enum(APPLICATION_STATUSES),
  renewsAwardId: z.string().nullable(),
  submittedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionReason: z.string().nullable(),
  version: zInt(),
  thresholdScore: zInt(),
  criteria: z.array(
    ZLabelCriterion.extend({
      evidence: z.string().nullable(),
      decision: z.object({ met: z.boolean().nullable(), score: zInt().nullable(), note: z.string(), assessorName: z.string(), decidedAt: z.string() }).nullable(),
    }),
  ),
  check: z.object({ passed: z.boolean(), totalScore: zInt(), maxTotalScore: zInt(), problems: z.array(ZAwardProblem) }),
  /** The label this application was awarded (or, for a renewal, extended). */
  award: ZLabelAward.nullable(),
  access: z.object({
    canEditEvidence: z.boolean(),
    /** A named assessor without a conflict of interest, on a submitted application. */
    canAssess: z.boolean(),
    /** A named assessor's tie to the applicant that forbids assessing it (shown before they try); null otherwise. */
    conflictOfInterest: z.enum(['membership', 'relationship']).nullable(),
    actions: z.array(z.enum(APPLICATION_ACTIONS)),
  }),
});
export type TLabelApplication = z.infer<typeof ZLabelApplication>;

export const ZLabelApplicationList = z.object({
  items: z.array(ZLabelApplication.pick({ id: true, schemeId: true, schemeName: true, organizationId: true, organizationName: true, status: true, submittedAt: true, decidedAt: true, version: true })),
});
export type TLabelApplicationList = z.infer<typeof ZLabelApplicationList>;

/** The public verification page's content: no sign-in, nothing private (no notes, no evidence, no reason). */
export const ZLabelVerification = z.object({
  code: z.string(),
  state: z.enum(LABEL_STATES),
  organizationName: z.string(),
  schemeName: z.string(),
  /** Who defines the scheme: the district's name; null for a regional scheme. */
  districtName: z.string().nullable(),
  validFrom: z.string(),
  validUntil: z.string(),
  revokedOn: z.string().nullable(),
  criteria: z.array(z.object({ description: z.string(), kind: z.enum(CRITERION_KINDS) })),
});
export type TLabelVerification = z.infer<typeof ZLabelVerification>;

/** The web's pages the server links to (mails, the badge's embed snippet). */
export const LABELS_WEB_PATHS = {
  verification: (code: string) => `/marchio/${encodeURIComponent(code)}`,
  application: (id: string) => `/marchi/domande/${id}`,
} as const;
