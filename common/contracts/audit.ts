import { z } from 'zod';
import { zInt } from './integers';
import { ZPageQuery, pageOf } from './pagination';

/** write: a change; read: sensitive data served to someone; refused: an attempt the app refused (403/404). */
export const AUDIT_KINDS = ['write', 'read', 'refused'] as const;
export const ZAuditKind = z.enum(AUDIT_KINDS);
export type TAuditKind = z.infer<typeof ZAuditKind>;

export const ZAuditEntry = z.object({
  id: z.string(),
  /** Position in the hash chain (1, 2, …): a gap means a deleted entry. */
  seq: z.string(),
  kind: ZAuditKind,
  occurredAt: z.string(),
  actorUserId: z.string().nullable(),
  actorLabel: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  requestId: z.string().nullable(),
  sourceIp: z.string().nullable(),
  userAgent: z.string().nullable(),
});
export type TAuditEntry = z.infer<typeof ZAuditEntry>;

export const ZAuditQuery = ZPageQuery.extend({
  kind: ZAuditKind.optional(),
  entityType: z.string().max(100).optional(),
  entityId: z.string().max(100).optional(),
  action: z.string().max(100).optional(),
  actorUserId: z.string().max(100).optional(),
  /** Part of the actor's label (the e-mail), any case. */
  actor: z.string().max(200).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
export type TAuditQuery = z.infer<typeof ZAuditQuery>;
export const ZAuditPage = pageOf(ZAuditEntry);

/** Why a link of the chain is broken, at `seq`. */
export const AUDIT_BREAKS = ['missing', 'altered', 'relinked', 'tail-missing'] as const;

/** The result of checking the hash chain from its first entry to the recorded head. */
export const ZAuditVerification = z.object({
  ok: z.boolean(),
  checkedEntries: zInt(),
  /** The last link as recorded by the database: note it down (or publish it) to detect a rewritten chain later. */
  headSeq: z.string(),
  headHash: z.string(),
  brokenAt: z.object({ seq: z.string(), reason: z.enum(AUDIT_BREAKS) }).nullable(),
});
export type TAuditVerification = z.infer<typeof ZAuditVerification>;
