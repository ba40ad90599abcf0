import { z } from 'zod';
import { zInt, zQueryInt } from './integers';
import {
  ARTICLE_CHANGES,
  COMMITMENT_RECURRENCES,
  COMMITMENT_STATUSES,
  PACT_VERSION_STATUSES,
  SIGNATURE_KINDS,
  SIGNATURE_STATUSES,
} from '../domain/pacts';

/**
 * Territorial pacts (issue 17, module `pacts`). "Manager": a platform administrator or a coordinator of the pact's
 * district. "Reader": a manager, a person of a current member organization of the district or of a signatory
 * organization, and anyone (anonymous included) when the pact is public; a reader other than a manager never sees a
 * draft version. A pact the caller may not read answers 404.
 *
 *   GET    /api/pacts?districtId                               reader of the district's pacts         → ZPactList
 *   POST   /api/pacts                                          manager of districtId                  → ZPactDetail (201; version 1 as a draft)
 *   GET    /api/pacts/:pactId                                  reader                                 → ZPactDetail
 *   PATCH  /api/pacts/:pactId                                  manager                                → ZPactDetail
 *   POST   /api/pacts/:pactId/amendments                       manager                                → ZPactDetail (201; a draft copied from the latest version)
 *   GET    /api/pacts/:pactId/diff?from&to                     reader (both versions readable)        → ZPactDiff (article by article)
 *   PATCH  /api/pact-versions/:versionId                       manager, draft only                    → ZPactDetail
 *   POST   /api/pact-versions/:versionId/status                manager                                → ZPactDetail (lifecycle: common/domain/pacts.ts)
 *   POST   /api/pact-versions/:versionId/sign                  a current legal representative of organizationId, password re-entered → ZPactDetail (201)
 *   POST   /api/pact-versions/:versionId/acknowledge           the same, for a signatory of the previous version → ZPactDetail (201)
 *   POST   /api/pact-signatures/:signatureId/decision          manager (a pending adhesion)           → ZPactDetail
 *   POST   /api/pacts/:pactId/commitments                      manager, or a legal representative of the signatory → ZPactCommitment (201)
 *   GET    /api/pact-commitments/:commitmentId                 reader                                 → ZPactCommitment (with its updates)
 *   PATCH  /api/pact-commitments/:commitmentId                 the same                               → ZPactCommitment (status, text, due date, with a note)
 *   GET    /api/pacts/:pactId/dashboard?page&organizationId    reader                                 → ZPactDashboard (late first, 50 signatories a page)
 *   GET    /api/public/pacts/:pactId                           anyone, a public pact only (else 404)  → ZPublicPact (no sign-in; no signers, pending adhesions or notes)
 *   GET    /api/pacts/:pactId/timeline                         reader                                 → ZPactTimeline (signatures, versions, commitments done)
 *
 * Signing needs the password proven within the last minutes (AUTH.REAUTHENTICATION_REQUIRED otherwise: the web asks it
 * through POST /api/auth/reauthenticate and retries). `…On` are calendar dates (YYYY-MM-DD), `…At` instants (ISO UTC).
 */

/**
 * The web's pact pages the server links to (the late-commitment mail); web/modules/pacts/pact-paths.ts builds the same
 * paths from these, so a mail never leads to a page that moved.
 */
export const PACTS_WEB_PATHS = {
  commitments: (pactId: string) => `/patti/${encodeURIComponent(pactId)}/impegni`,
} as const;

const ZLocalDate = z.iso.date();
const ZMarkdown = z.string().max(200_000);

export const ZPactIdParams = z.strictObject({ pactId: z.uuid() });
export const ZPactVersionIdParams = z.strictObject({ versionId: z.uuid() });
export const ZPactSignatureIdParams = z.strictObject({ signatureId: z.uuid() });
export const ZPactCommitmentIdParams = z.strictObject({ commitmentId: z.uuid() });

export const ZPactListQuery = z.strictObject({ districtId: z.uuid() });
export type TPactListQuery = z.input<typeof ZPactListQuery>;

export const ZPactCreate = z.strictObject({
  districtId: z.uuid(),
  title: z.string().trim().min(3).max(300),
  purpose: z.string().trim().max(5000).default(''),
  isPublic: z.boolean().default(false),
  /** Whether an organization joining a pact already in force waits for the district's approval. */
  adhesionNeedsApproval: z.boolean().default(true),
  body: ZMarkdown.refine((text) => text.trim().length > 0, 'the text is required'),
  startsOn: ZLocalDate,
  endsOn: ZLocalDate.nullable().default(null),
});
export type TPactCreate = z.input<typeof ZPactCreate>;

export const ZPactUpdate = z.strictObject({
  version: zInt(),
  title: z.string().trim().min(3).max(300).optional(),
  purpose: z.string().trim().max(5000).optional(),
  isPublic: z.boolean().optional(),
  adhesionNeedsApproval: z.boolean().optional(),
});
export type TPactUpdate = z.input<typeof ZPactUpdate>;

export const ZPactVersionUpdate = z.strictObject({
  version: zInt(),
  body: ZMarkdown.refine((text) => text.trim().length > 0, 'the text is required').optional(),
  startsOn: ZLocalDate.optional(),
  endsOn: ZLocalDate.nullable().optional(),
});
export type TPactVersionUpdate = z.input<typeof ZPactVersionUpdate>;

export const ZPactVersionStatusChange = z.strictObject({ version: zInt(), to: z.enum(PACT_VERSION_STATUSES) });
export type TPactVersionStatusChange = z.input<typeof ZPactVersionStatusChange>;

export const ZPactSign = z.strictObject({ organizationId: z.uuid() });
export type TPactSign = z.input<typeof ZPactSign>;

export const ZAdhesionDecision = z.strictObject({ version: zInt(), decision: z.enum(['approve', 'reject']), note: z.string().trim().max(2000).default('') });
export type TAdhesionDecision = z.input<typeof ZAdhesionDecision>;

export const ZPactDiffQuery = z.strictObject({ from: z.uuid(), to: z.uuid() });
export type TPactDiffQuery = z.input<typeof ZPactDiffQuery>;

export const ZPactSignature = z.object({
  id: z.string(),
  versionId: z.string(),
  versionNumber: zInt(),
  organizationId: z.string(),
  organizationName: z.string(),
  kind: z.enum(SIGNATURE_KINDS),
  status: z.enum(SIGNATURE_STATUSES),
  signerName: z.string(),
  signedAt: z.string(),
  /** SHA-256 (hex) of the exact text signed. */
  textSha256: z.string(),
  /** False when the version's text no longer has that hash: the text changed after this signature. */
  textUnchanged: z.boolean(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string(),
  version: zInt(),
});
export type TPactSignature = z.infer<typeof ZPactSignature>;

export const ZPactVersion = z.object({
  id: z.string(),
  number: zInt(),
  status: z.enum(PACT_VERSION_STATUSES),
  body: z.string(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  /** SHA-256 (hex) of the current text. */
  textSha256: z.string(),
  statusChangedAt: z.string(),
  /** The statuses a manager may move it to now (empty for a reader). */
  nextStatuses: z.array(z.enum(PACT_VERSION_STATUSES)),
  signatures: z.array(ZPactSignature),
  /**
   * For an amendment (number > 1): each organization with a valid signature or acknowledgement of the previous
   * version, and whether it has acknowledged (or signed) this one.
   */
  acknowledgements: z.array(z.object({ organizationId: z.string(), organizationName: z.string(), hasAcknowledged: z.boolean() })),
  version: zInt(),
});
export type TPactVersion = z.infer<typeof ZPactVersion>;

export const ZPactDetail = z.object({
  id: z.string(),
  districtId: z.string(),
  districtName: z.string(),
  title: z.string(),
  purpose: z.string(),
  isPublic: z.boolean(),
  adhesionNeedsApproval: z.boolean(),
  isDemo: z.boolean(),
  /** Newest first; drafts only for managers. */
  versions: z.array(ZPactVersion),
  /** The number of the version in force, if any. */
  inForceNumber: zInt().nullable(),
  /** A signature whose text changed after it was given, on any version: the pact says so. */
  hasChangedSignedText: z.boolean(),
  canManage: z.boolean(),
  /**
   * The organizations the caller is a current legal representative of, by name: whom they may sign or acknowledge
   * for (the server checks again when they do). Empty for anyone else.
   */
  representedOrganizations: z.array(z.object({ organizationId: z.string(), organizationName: z.string() })),
  version: zInt(),
});
export type TPactDetail = z.infer<typeof ZPactDetail>;

export const ZPactSummary = z.object({
  id: z.string(),
  title: z.string(),
  isPublic: z.boolean(),
  latestStatus: z.enum(PACT_VERSION_STATUSES),
  inForceNumber: zInt().nullable(),
  /** The first version's start (YYYY-MM-DD): when the pact began. */
  startsOn: z.string(),
  signatoryCount: zInt(),
  isDemo: z.boolean(),
});
export const ZPactList = z.object({ items: z.array(ZPactSummary), canCreate: z.boolean() });
export type TPactList = z.infer<typeof ZPactList>;

export const ZPactDiff = z.object({
  from: z.object({ id: z.string(), number: zInt() }),
  to: z.object({ id: z.string(), number: zInt() }),
  articles: z.array(
    z.object({
      number: z.string().nullable(),
      title: z.string(),
      change: z.enum(ARTICLE_CHANGES),
      parts: z.array(z.object({ kind: z.enum(['added', 'removed', 'same']), text: z.string() })),
    }),
  ),
});
export type TPactDiff = z.infer<typeof ZPactDiff>;

// ── Commitments ──────────────────────────────────────────────────────────────

/**
 * Evidence of a commitment (reports, minutes, photos) is attached to the commitment through the platform's files
 * (POST/GET /api/files/pacts.commitment/:commitmentId): the pact's readers list and download them, whoever may update
 * the commitment attaches and removes them.
 */
export const PACT_COMMITMENT_FILE_OWNER = 'pacts.commitment';

export const ZCommitmentCreate = z.strictObject({
  organizationId: z.uuid(),
  text: z.string().trim().min(3).max(2000),
  dueOn: ZLocalDate.nullable().default(null),
  recurrence: z.enum(COMMITMENT_RECURRENCES).default('none'),
});
export type TCommitmentCreate = z.input<typeof ZCommitmentCreate>;

export const ZCommitmentUpdate = z.strictObject({
  version: zInt(),
  status: z.enum(COMMITMENT_STATUSES).optional(),
  text: z.string().trim().min(3).max(2000).optional(),
  dueOn: ZLocalDate.nullable().optional(),
  /** What happened: kept with the update in the commitment's history. */
  note: z.string().trim().max(5000).default(''),
});
export type TCommitmentUpdate = z.input<typeof ZCommitmentUpdate>;

export const ZPactCommitment = z.object({
  id: z.string(),
  pactId: z.string(),
  organizationId: z.string(),
  organizationName: z.string(),
  text: z.string(),
  dueOn: z.string().nullable(),
  recurrence: z.enum(COMMITMENT_RECURRENCES),
  status: z.enum(COMMITMENT_STATUSES),
  updates: z.array(z.object({ status: z.enum(COMMITMENT_STATUSES), note: z.string(), writtenAt: z.string() })),
  version: zInt(),
});
export type TPactCommitment = z.infer<typeof ZPactCommitment>;

/** Signatories per page of the dashboard, and how many commitments it lists (late first). */
export const DASHBOARD_PAGE_SIZE = 50;
export const DASHBOARD_COMMITMENTS = 50;

export const ZPactDashboardQuery = z.strictObject({
  /** The page of signatories, 1-based (DASHBOARD_PAGE_SIZE each). */
  page: zQueryInt().min(1).max(100_000).default(1),
  /** Only this signatory's commitments in `commitments` (and `commitmentTotal`); the signatories and totals stay the pact's. */
  organizationId: z.uuid().optional(),
});
export type TPactDashboardQuery = z.input<typeof ZPactDashboardQuery>;

const ZStatusCounts = z.object({ planned: zInt(), on_track: zInt(), late: zInt(), done: zInt(), dropped: zInt() });

export const ZPactDashboard = z.object({
  /** Counts by status over the whole pact. */
  totals: ZStatusCounts,
  /** One page of signatory organizations, those with late commitments first (most late first), then by name; counts by status. */
  signatories: z.array(z.object({ organizationId: z.string(), organizationName: z.string(), counts: ZStatusCounts })),
  page: zInt(),
  pageSize: zInt(),
  signatoryTotal: zInt(),
  /** The first DASHBOARD_COMMITMENTS commitments (of `organizationId` if asked), late first, then by due date; `commitmentTotal` counts them all. */
  commitments: z.array(ZPactCommitment.omit({ updates: true })),
  commitmentTotal: zInt(),
});
export type TPactDashboard = z.infer<typeof ZPactDashboard>;

export const ZLateCommitmentsRun = z.object({ markedLate: zInt(), noticed: zInt() });
export type TLateCommitmentsRun = z.infer<typeof ZLateCommitmentsRun>;

export const ZPactTimeline = z.object({
  /** Oldest first: signatures and acknowledgements, versions (their current status since `at`), commitments done. */
  events: z.array(
    z.object({
      at: z.string(),
      kind: z.enum(['signature', 'acknowledgement', 'version', 'commitment_done']),
      versionNumber: zInt().nullable(),
      /** For a version: its status since `at`. */
      versionStatus: z.enum(PACT_VERSION_STATUSES).nullable(),
      organizationId: z.string().nullable(),
      organizationName: z.string().nullable(),
      /** For a commitment done: its text. */
      text: z.string().nullable(),
      /** Organizations with a valid signature so far (the network's size at that moment). */
      signatoryCount: zInt(),
    }),
  ),
});
export type TPactTimeline = z.infer<typeof ZPactTimeline>;

/**
 * A public pact as anyone reads it without signing in (the public page): the text of the version in force (else the
 * latest open for signature; never a draft), the organizations with a valid signature and when they first signed,
 * and the commitments without their notes. No signer names, no pending or rejected adhesions, no decision notes.
 */
export const ZPublicPact = z.object({
  id: z.string(),
  title: z.string(),
  purpose: z.string(),
  districtName: z.string(),
  version: z
    .object({ number: zInt(), status: z.enum(PACT_VERSION_STATUSES), body: z.string(), startsOn: z.string(), endsOn: z.string().nullable(), statusChangedAt: z.string() })
    .nullable(),
  /** In the order they joined. */
  signatories: z.array(z.object({ organizationId: z.string(), organizationName: z.string(), signedAt: z.string() })),
  totals: ZStatusCounts,
  /** The first DASHBOARD_COMMITMENTS commitments, late first; `commitmentTotal` counts them all. */
  commitments: z.array(z.object({ id: z.string(), organizationName: z.string(), text: z.string(), dueOn: z.string().nullable(), recurrence: z.enum(COMMITMENT_RECURRENCES), status: z.enum(COMMITMENT_STATUSES) })),
  commitmentTotal: zInt(),
});
export type TPublicPact = z.infer<typeof ZPublicPact>;
