import { z } from 'zod';
import { zInt, zQueryInt } from './integers';
import {
  PRACTICE_LINKED_GROUPS_MAX, PRACTICE_LINKED_ORGANIZATIONS_MAX, PRACTICE_OUTCOMES, PRACTICE_TAG_MAX, PRACTICE_TAGS_MAX, PRACTICE_TEXT_MAX, PRACTICE_TITLE_MAX,
  PRACTICE_VISIBILITIES,
} from '../domain/practices';
import { GROUP_STATUSES } from '../domain/groups';
import { TARGET_GROUPS } from '../domain/services';

const ZDay = z.iso.date();
const ZLongText = z.string().max(PRACTICE_TEXT_MAX);

/** What a person writes about a practice; the lesson rule (common/domain/practices.ts) is checked by the use case. */
export const ZPracticeFields = z.strictObject({
  title: z.string().trim().min(3).max(PRACTICE_TITLE_MAX),
  whatTried: z.string().trim().min(1).max(PRACTICE_TEXT_MAX),
  whatWorked: ZLongText.default(''),
  whatDidNotWork: ZLongText.default(''),
  /** Required when the outcome is partial or a failure: why it did not work. */
  failureCause: ZLongText.default(''),
  /** Required when the outcome is partial or a failure: what would be done differently. */
  lessonLearned: ZLongText.default(''),
  resourcesNeeded: ZLongText.default(''),
  contacts: z.string().max(2_000).default(''),
  /** The territory in words (municipalities, valleys, neighbourhoods). */
  territory: z.string().max(500).default(''),
  targetGroup: z.enum(TARGET_GROUPS).nullable().default(null),
  categoryCode: z.string().min(2).max(80).nullable().default(null),
  outcome: z.enum(PRACTICE_OUTCOMES),
  visibility: z.enum(PRACTICE_VISIBILITIES),
  tags: z.array(z.string().max(PRACTICE_TAG_MAX)).max(PRACTICE_TAGS_MAX).default([]),
  /** Other organizations that took part (the author's organization is the practice's own). */
  linkedOrganizationIds: z.array(z.uuid()).max(PRACTICE_LINKED_ORGANIZATIONS_MAX).default([]),
  /** Working groups of the practice's district where it was discussed or that carried it (any other: 422 on groupIds). */
  groupIds: z.array(z.uuid()).max(PRACTICE_LINKED_GROUPS_MAX).default([]),
  startedOn: ZDay.nullable().default(null),
  endedOn: ZDay.nullable().default(null),
});

export const ZPracticeCreate = ZPracticeFields.extend({
  districtId: z.uuid(),
  /** The author's organization: a current member of the district the actor works for. */
  organizationId: z.uuid(),
  isDemo: z.boolean().default(false),
});
export type TPracticeCreate = z.input<typeof ZPracticeCreate>;

export const ZPracticeUpdate = ZPracticeFields.extend({ version: zInt().min(1) });
export type TPracticeUpdate = z.input<typeof ZPracticeUpdate>;

export const ZPracticeOrganization = z.object({ id: z.string(), name: z.string() });

/** A working group a practice names: a closed one still shows (marked closed); `canOpen` says whether the reader may open its page. */
export const ZPracticeGroup = z.object({ id: z.string(), name: z.string(), status: z.enum(GROUP_STATUSES), canOpen: z.boolean() });
export type TPracticeGroup = z.infer<typeof ZPracticeGroup>;

/** One practice as a reader sees it. */
export const ZPractice = z.object({
  id: z.string(),
  districtId: z.string(),
  districtName: z.string(),
  organization: ZPracticeOrganization,
  authorName: z.string().nullable(),
  title: z.string(),
  whatTried: z.string(),
  whatWorked: z.string(),
  whatDidNotWork: z.string(),
  failureCause: z.string(),
  lessonLearned: z.string(),
  resourcesNeeded: z.string(),
  contacts: z.string(),
  territory: z.string(),
  targetGroup: z.enum(TARGET_GROUPS).nullable(),
  categoryCode: z.string().nullable(),
  categoryLabel: z.string().nullable(),
  outcome: z.enum(PRACTICE_OUTCOMES),
  visibility: z.enum(PRACTICE_VISIBILITIES),
  tags: z.array(z.string()),
  linkedOrganizations: z.array(ZPracticeOrganization),
  linkedGroups: z.array(ZPracticeGroup),
  startedOn: z.string().nullable(),
  endedOn: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  isDemo: z.boolean(),
  version: zInt(),
  /** Whether the reader may edit it (its organization's people, the district's coordinators). */
  canEdit: z.boolean(),
});
export type TPractice = z.infer<typeof ZPractice>;

/** Search and filters of the practices base; every one optional. */
export const ZPracticeSearchQuery = z.strictObject({
  q: z.string().max(200).optional(),
  outcome: z.enum(PRACTICE_OUTCOMES).optional(),
  /** "Failures and lessons": partial and failed practices only. */
  lessons: z.enum(['true', 'false']).optional(),
  categoryCode: z.string().min(2).max(80).optional(),
  districtId: z.uuid().optional(),
  tag: z.string().max(PRACTICE_TAG_MAX).optional(),
  organizationId: z.uuid().optional(),
  /** The practices linked to one working group (the group page's list). */
  groupId: z.uuid().optional(),
  limit: zQueryInt().min(1).max(100).default(20),
  offset: zQueryInt().min(0).max(10_000).default(0),
});
export type TPracticeSearchQuery = z.input<typeof ZPracticeSearchQuery>;
export type TPracticeSearch = z.output<typeof ZPracticeSearchQuery>;

export const ZPracticeHit = z.object({
  id: z.string(),
  title: z.string(),
  outcome: z.enum(PRACTICE_OUTCOMES),
  visibility: z.enum(PRACTICE_VISIBILITIES),
  districtName: z.string(),
  organizationName: z.string(),
  categoryCode: z.string().nullable(),
  categoryLabel: z.string().nullable(),
  tags: z.array(z.string()),
  /** A piece of the text around the words searched, plain text with the matches between « and » (null: no search). */
  snippet: z.string().nullable(),
  updatedAt: z.string(),
});
export type TPracticeHit = z.infer<typeof ZPracticeHit>;

export const ZPracticePage = z.object({ items: z.array(ZPracticeHit), total: zInt() });
export type TPracticePage = z.infer<typeof ZPracticePage>;

/** The organizations the actor may write practices for, per district (what the form offers). */
export const ZPracticeAuthorChoices = z.object({
  items: z.array(z.object({ organizationId: z.string(), organizationName: z.string(), districtId: z.string(), districtName: z.string() })),
});
export type TPracticeAuthorChoices = z.infer<typeof ZPracticeAuthorChoices>;
