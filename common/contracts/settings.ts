import { z } from 'zod';
import { zInt } from './integers';

/** Platform settings every visitor's browser needs (the map's optional basemap). */
export const ZSettings = z.object({
  /** A raster tile URL template with {z}/{x}/{y}; null draws municipalities on a plain background (works offline). */
  basemapUrl: z.string().nullable(),
  basemapAttribution: z.string().nullable(),
  version: zInt(),
});
export type TSettings = z.infer<typeof ZSettings>;

export const ZSettingsUpdate = z.strictObject({
  basemapUrl: z
    .string()
    .trim()
    .max(500)
    .refine((url) => /^https?:\/\/.+\{z\}.*\{x\}.*\{y\}/.test(url), 'must be an http(s) tile URL with {z}, {x} and {y}')
    .nullable()
    .optional(),
  basemapAttribution: z.string().trim().max(300).nullable().optional(),
  version: zInt().min(1),
});
export type TSettingsUpdate = z.infer<typeof ZSettingsUpdate>;

export const ZHealth = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgresql']),
  version: z.string(),
});
