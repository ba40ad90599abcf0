import { z } from 'zod';
import { zInt, zQueryInt } from './integers';
import { TEXT_FILE_ENCODINGS } from '../domain/text-files';
import { ORGANIZATION_KIND_CODES, ORGANIZATION_SECTORS } from '../domain/organizations';
import {
  ORGANIZATION_IMPORT_FIELDS,
  ORGANIZATION_RELATIONSHIP_KINDS,
  ORGANIZATION_SIZE_CLASSES,
  ORGANIZATION_STATUSES,
  PERSON_ROLES,
} from '../domain/organization-registry';
import { DISTRICT_MEMBERSHIP_ROLES } from '../domain/organizations';
import { KIND_INFERENCE_REASONS } from '../domain/organization-kind-inference';
import { checkFiscalCode, checkVatNumber, describeFiscalCodeProblem } from '../domain/fiscal-code';
import { DISTRICT_MEMBERSHIP_STATUSES, RELATIONSHIP_STATUSES } from './memberships';
import { ZIstatMunicipalityCode, ZPoint } from './territory';

const kinds = ORGANIZATION_KIND_CODES as [string, ...string[]];
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

/** Normalized fiscal code; a wrong check character is a 422 explaining which character was expected. */
export const ZFiscalCode = z.string().transform((value, context) => {
  const check = checkFiscalCode(value);
  if (!check.isValid) context.addIssue({ code: 'custom', message: describeFiscalCodeProblem(check) ?? 'invalid' });
  return check.normalized;
});
export const ZVatNumber = z.string().transform((value, context) => {
  const check = checkVatNumber(value);
  if (!check.isValid) context.addIssue({ code: 'custom', message: describeFiscalCodeProblem(check) ?? 'invalid' });
  return check.normalized;
});
/** ATECO activity code: 2 digits, then up to two groups of 1-2 digits (e.g. 88.10, 88.10.00). */
export const ZActivityCode = z.string().trim().regex(/^\d{2}(\.\d{1,2}){0,2}$/, 'an ATECO code such as 88.10 or 88.10.00');

export const ZOrganizationFields = z.strictObject({
  legalName: z.string().trim().min(2).max(300),
  shortName: optionalText(100),
  kind: z.enum(kinds),
  fiscalCode: ZFiscalCode.nullable().optional(),
  vatNumber: ZVatNumber.nullable().optional(),
  sizeClass: z.enum(ORGANIZATION_SIZE_CLASSES).nullable().optional(),
  activityCode: ZActivityCode.nullable().optional(),
  address: optionalText(300),
  postalCode: z.string().trim().regex(/^\d{5}$/, 'five digits (CAP)').nullable().optional(),
  municipalityCode: ZIstatMunicipalityCode.nullable().optional(),
  point: ZPoint.nullable().optional(),
  website: z.url({ protocol: /^https?$/ }).max(300).nullable().optional(),
  email: z.email().max(300).nullable().optional(),
  pec: z.email().max(300).nullable().optional(),
  phone: z.string().trim().regex(/^\+?[0-9 ./-]{5,25}$/, 'digits, spaces and + only').nullable().optional(),
  notes: z.string().max(5000).optional(),
  description: z.string().max(5000).optional(),
  tags: z.array(z.string().trim().toLowerCase().min(1).max(40)).max(30).optional(),
  status: z.enum(ORGANIZATION_STATUSES.filter((s) => s !== 'merged') as ['active', 'dissolved']).optional(),
});
export const ZOrganizationCreate = ZOrganizationFields;
export type TOrganizationCreate = z.input<typeof ZOrganizationCreate>;
export const ZOrganizationUpdate = ZOrganizationFields.partial().extend({ version: zInt().min(1) });
export type TOrganizationUpdate = z.input<typeof ZOrganizationUpdate>;

/** What everyone may see. Phones, notes and people are private and never appear here. */
export const ZOrganizationSummary = z.object({
  id: z.string(),
  legalName: z.string(),
  shortName: z.string().nullable(),
  kind: z.string(),
  sector: z.enum(ORGANIZATION_SECTORS),
  fiscalCode: z.string().nullable(),
  vatNumber: z.string().nullable(),
  sizeClass: z.enum(ORGANIZATION_SIZE_CLASSES).nullable(),
  activityCode: z.string().nullable(),
  municipalityCode: z.string().nullable(),
  municipalityName: z.string().nullable(),
  point: ZPoint.nullable(),
  website: z.string().nullable(),
  email: z.string().nullable(),
  pec: z.string().nullable(),
  tags: z.array(z.string()),
  status: z.enum(ORGANIZATION_STATUSES),
  isDemo: z.boolean(),
  /** The public list the record was loaded from, e.g. "Agenzia delle Entrate – elenchi 5x1000 2022 (onData)". */
  source: z.string().nullable(),
});
export type TOrganizationSummary = z.infer<typeof ZOrganizationSummary>;

export const ZPersonRole = z.object({
  roleId: z.string(),
  personId: z.string(),
  fullName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  role: z.enum(PERSON_ROLES),
  startedOn: z.string(),
  endedOn: z.string().nullable(),
  /** Whether the person is linked to an account of the organization: a legal representative with one signs pacts. */
  hasAccount: z.boolean(),
});
export type TPersonRole = z.infer<typeof ZPersonRole>;

export const ZOrganizationProfile = ZOrganizationSummary.extend({
  description: z.string(),
  address: z.string().nullable(),
  postalCode: z.string().nullable(),
  mergedIntoId: z.string().nullable(),
  version: zInt(),
  updatedAt: z.string(),
  /**
   * Memberships: accepted ones (current or ended) for everyone; invitations, requests, declined and withdrawn ones only
   * for the organization's members, the district's coordinators and platform admins (ADR 0020).
   */
  districts: z.array(
    z.object({
      membershipId: z.string(), id: z.string(), name: z.string(), role: z.enum(DISTRICT_MEMBERSHIP_ROLES), startedOn: z.string(), endedOn: z.string().nullable(),
      status: z.enum(DISTRICT_MEMBERSHIP_STATUSES),
      canAnswer: z.boolean(),
      canWithdraw: z.boolean(),
      canEnd: z.boolean(),
    }),
  ),
  relationships: z.array(
    z.object({
      id: z.string(),
      direction: z.enum(['outgoing', 'incoming']),
      kind: z.enum(ORGANIZATION_RELATIONSHIP_KINDS),
      organization: z.object({ id: z.string(), name: z.string() }),
      startedOn: z.string(),
      endedOn: z.string().nullable(),
      /** Confirmed ones for everyone; pending and declined only for the two organizations' members and admins. */
      status: z.enum(RELATIONSHIP_STATUSES),
      /** Whether the actor may confirm or decline it (admins of the organization it names). */
      canAnswer: z.boolean(),
    }),
  ),
  history: z.array(z.object({ version: zInt(), change: z.string(), changedAt: z.string(), changedFields: z.array(z.string()), changedBy: z.string().nullable() })),
  canEdit: z.boolean(),
  /** Present only for the organization's members, coordinators of its districts and platform admins. */
  private: z
    .object({
      phone: z.string().nullable(),
      notes: z.string(),
      people: z.array(ZPersonRole),
      /** The organization's active accounts (administrators and members), to link a person to: only for those who may edit. */
      accounts: z.array(z.object({ userId: z.string(), name: z.string() })),
    })
    .nullable(),
});
export type TOrganizationProfile = z.infer<typeof ZOrganizationProfile>;

const csv = (item: z.ZodType<string>) =>
  z.preprocess((value) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value), z.array(item).max(50));

export const ZOrganizationFilters = z.strictObject({
  q: z.string().trim().max(200).optional(),
  kind: csv(z.enum(kinds)).optional(),
  sector: csv(z.enum(ORGANIZATION_SECTORS)).optional(),
  sizeClass: csv(z.enum(ORGANIZATION_SIZE_CLASSES)).optional(),
  municipalityCode: ZIstatMunicipalityCode.optional(),
  districtId: z.uuid().optional(),
  tag: z.string().trim().toLowerCase().max(40).optional(),
  includeInactive: z.enum(['true', 'false']).optional(),
});
export type TOrganizationFilters = z.infer<typeof ZOrganizationFilters>;
export const ZOrganizationListQuery = ZOrganizationFilters.extend({
  cursor: z.string().max(500).optional(),
  limit: zQueryInt().min(1).max(200).default(50),
});
export type TOrganizationListQuery = z.infer<typeof ZOrganizationListQuery>;
/** `total` counts matches up to DIRECTORY_COUNT_CAP; past it `isTotalCapped` is true ("more than 1,000"). */
export const ZOrganizationPage = z.object({ items: z.array(ZOrganizationSummary), nextCursor: z.string().nullable(), total: zInt(), isTotalCapped: z.boolean() });
export const DIRECTORY_COUNT_CAP = 1000;
export type TOrganizationPage = z.infer<typeof ZOrganizationPage>;
export const ZOrganizationPoints = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      sector: z.enum(ORGANIZATION_SECTORS),
      /** Legal kind code (organizations' kinds list): the map's card names it. */
      kind: z.string(),
      /** Where the organization is registered: the map draws that province's municipal boundaries under the points. */
      municipalityCode: z.string().nullable(),
      lat: z.number(),
      lng: z.number(),
    }),
  ),
  truncated: z.boolean(),
});
export type TOrganizationPoints = z.infer<typeof ZOrganizationPoints>;

export const ZPersonRoleCreate = z.strictObject({
  personId: z.uuid().optional(),
  fullName: z.string().trim().min(2).max(200).optional(),
  email: z.email().nullable().optional(),
  phone: z.string().trim().regex(/^\+?[0-9 ./-]{5,25}$/).nullable().optional(),
  userId: z.uuid().nullable().optional(),
  role: z.enum(PERSON_ROLES),
  startedOn: z.iso.date().optional(),
  endedOn: z.iso.date().nullable().optional(),
});
export type TPersonRoleCreate = z.input<typeof ZPersonRoleCreate>;

/** Membership of the organization in a district, with its role and dates. */
export const ZDistrictMembershipCreate = z.strictObject({
  districtId: z.uuid(),
  role: z.enum(DISTRICT_MEMBERSHIP_ROLES),
  startedOn: z.iso.date().optional(),
});
export type TDistrictMembershipCreate = z.input<typeof ZDistrictMembershipCreate>;
export const ZDistrictMembershipEnd = z.strictObject({ endedOn: z.iso.date() });

/**
 * A coordinator registers an organization that is not in the registry yet and invites it to their district, at once.
 * `adminEmail` names the person who will administer it (and answer the invitation): their account gets the
 * organization's admin role, or is created and mailed a link to choose its password.
 */
export const ZOrganizationRegisterAndInvite = z.strictObject({
  organization: ZOrganizationCreate,
  districtId: z.uuid(),
  role: z.enum(DISTRICT_MEMBERSHIP_ROLES),
  adminEmail: z.email().max(320),
});
export type TOrganizationRegisterAndInvite = z.input<typeof ZOrganizationRegisterAndInvite>;

export const ZRelationshipCreate = z.strictObject({
  toOrganizationId: z.uuid(),
  kind: z.enum(ORGANIZATION_RELATIONSHIP_KINDS),
  startedOn: z.iso.date().optional(),
  endedOn: z.iso.date().nullable().optional(),
});
export type TRelationshipCreate = z.input<typeof ZRelationshipCreate>;

export const ZDuplicateFlag = z.object({
  id: z.string(),
  similarity: z.number(),
  status: z.enum(['open', 'merged', 'dismissed']),
  organization: ZOrganizationSummary,
  candidate: ZOrganizationSummary,
});
export const ZDuplicateFlagList = z.object({ items: z.array(ZDuplicateFlag) });
export const ZMergeRequest = z.strictObject({ sourceOrganizationId: z.uuid(), targetOrganizationId: z.uuid() });
export const ZMergeResult = z.object({ target: ZOrganizationProfile, movedReferences: z.record(z.string(), zInt()) });

export const ZImportField = z.enum(ORGANIZATION_IMPORT_FIELDS);
/** Import column mapping: file header → registry field (or null to ignore the column). */
export const ZImportMapping = z.record(z.string(), ZImportField.nullable());
export type TImportMapping = z.infer<typeof ZImportMapping>;

/** Inference reason → confirmed kind; a reason left out keeps its proposed kind. */
export const ZKindChoices = z.partialRecord(z.enum(KIND_INFERENCE_REASONS), z.enum(kinds));
export type TKindChoices = z.infer<typeof ZKindChoices>;

/** One group of the review step: rows whose kind was proposed for the same reason. */
export const ZInferredKindGroup = z.object({
  reason: z.enum(KIND_INFERENCE_REASONS),
  proposedKind: z.enum(kinds),
  /** The kind the rows get: the confirmed one, else the proposed one. */
  kind: z.enum(kinds),
  count: zInt(),
  /** A few names of the group, for the person to judge the proposal. */
  examples: z.array(z.string()),
});
export type TInferredKindGroup = z.infer<typeof ZInferredKindGroup>;

export const ZImportUpload = z.strictObject({
  fileName: z.string().trim().min(1).max(200),
  /** The file's bytes in base64, so Windows-1252 files arrive intact and are decoded on the server. */
  contentBase64: z.string().min(1),
  mapping: ZImportMapping.optional(),
  /** Files without a kind column: the kind confirmed for each group of proposed kinds (the review step). */
  kindChoices: ZKindChoices.optional(),
  /** The public source recorded on every organization of the file. */
  source: z.string().trim().min(2).max(200).optional(),
});
export type TImportUpload = z.infer<typeof ZImportUpload>;

export const ZImportPreview = z.object({
  /** How the file was read (server/platform/import/read-text-file.ts). */
  encoding: z.enum(TEXT_FILE_ENCODINGS),
  delimiter: z.enum([',', ';']),
  headers: z.array(z.string()),
  headerSignature: z.string(),
  mapping: ZImportMapping,
  isMappingRemembered: z.boolean(),
  sampleRows: z.array(z.array(z.string())),
  totalRows: zInt(),
  /** The source proposed for a file whose shape is a known public list (the 5x1000 lists), else null. */
  suggestedSource: z.string().nullable(),
});
export type TImportPreview = z.infer<typeof ZImportPreview>;

export const ZRejectedRow = z.object({ line: zInt(), reason: z.string() });
export const ZImportReport = z.object({
  importId: z.string().nullable(),
  isDryRun: z.boolean(),
  status: z.enum(['running', 'completed', 'failed']),
  totalRows: zInt(),
  processedRows: zInt(),
  created: zInt(),
  updated: zInt(),
  flagged: zInt(),
  rejected: z.array(ZRejectedRow),
  error: z.string().nullable(),
  /** Rows whose kind was proposed from the name and lists (the file has no kind column) and confirmed. */
  kindInferred: zInt(),
  /** The groups of proposed kinds (a dry run lists them for the review step). */
  inferredKinds: z.array(ZInferredKindGroup),
  /** Rows imported with a remark, e.g. a suppressed municipality code mapped to its successor. */
  notes: z.array(z.object({ line: zInt(), note: z.string() })),
});
export type TImportReport = z.infer<typeof ZImportReport>;
