import { z } from 'zod';
import { zInt } from './integers';

/**
 * What a district is doing, counted for its page's links (issue 14): each count by the rule of the page it leads to,
 * and null when that page is not the reader's to read (the link is then not shown).
 */
export const ZDistrictActivity = z.object({
  districtId: z.string(),
  /** Surveys of the district (its coordinators, platform admins). */
  surveys: zInt().nullable(),
  /** Open needs in its register (its coordinators, platform admins, members of its organizations). */
  openNeeds: zInt().nullable(),
  /** Groups of demand below the coverage threshold at the coverage page's default parameters. */
  gaps: zInt().nullable(),
  /** Shared-service proposals the reader may read. */
  proposals: zInt().nullable(),
  /** Referrals the reader may read. */
  referrals: zInt().nullable(),
});
export type TDistrictActivity = z.infer<typeof ZDistrictActivity>;
