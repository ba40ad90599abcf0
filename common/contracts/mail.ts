import { z } from 'zod';
import { zInt, zQueryInt } from './integers';
import { PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX } from '../domain/limits';

export const MAIL_STATUSES = ['queued', 'sent', 'failed'] as const;

export const ZOutboxMessage = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  body: z.string(),
  topicType: z.string(),
  topicId: z.string().nullable(),
  status: z.enum(MAIL_STATUSES),
  attempts: zInt(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export type TOutboxMessage = z.infer<typeof ZOutboxMessage>;

export const ZOutboxQuery = z.strictObject({
  topicType: z.string().max(60).optional(),
  topicId: z.uuid().optional(),
  status: z.enum(MAIL_STATUSES).optional(),
  /** The `createdAt|id` of the last message of the previous page. */
  cursor: z.string().max(200).optional(),
  limit: zQueryInt().min(1).max(PAGE_SIZE_MAX).default(PAGE_SIZE_DEFAULT),
});
export type TOutboxQuery = z.input<typeof ZOutboxQuery>;

export const ZOutboxPage = z.object({
  items: z.array(ZOutboxMessage),
  nextCursor: z.string().nullable(),
  /** Whether SMTP is configured: without it, messages stay here and the coordinator passes links on by hand. */
  deliveryConfigured: z.boolean(),
});

/** SMTP settings as the API shows them: the password never leaves the server, only whether one is set. */
export const ZMailSettings = z.object({
  host: z.string().nullable(),
  port: zInt(),
  secure: z.boolean(),
  user: z.string().nullable(),
  hasPassword: z.boolean(),
  from: z.string().nullable(),
  publicBaseUrl: z.string().nullable(),
  isConfigured: z.boolean(),
  version: zInt(),
});
export type TMailSettings = z.infer<typeof ZMailSettings>;

export const ZMailSettingsUpdate = z.strictObject({
  version: zInt(),
  host: z.string().trim().min(1).max(255).nullable().optional(),
  port: zInt().min(1).max(65535).optional(),
  secure: z.boolean().optional(),
  user: z.string().trim().max(255).nullable().optional(),
  /** Absent: keep the stored password; null: remove it. */
  password: z.string().max(500).nullable().optional(),
  from: z.email().nullable().optional(),
  publicBaseUrl: z.url({ protocol: /^https?$/ }).nullable().optional(),
});
export type TMailSettingsUpdate = z.input<typeof ZMailSettingsUpdate>;

export const ZDeliveryReport = z.object({ sent: zInt(), failed: zInt(), remaining: zInt() });
export type TDeliveryReport = z.infer<typeof ZDeliveryReport>;
