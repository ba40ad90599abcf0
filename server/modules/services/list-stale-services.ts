import type { z } from 'zod';
import type { ZStaleService } from '../../../common/contracts/services';
import { freshnessOf, STALE_AFTER_MONTHS } from '../../../common/domain/services';
import { assertCan } from '../../platform/access/policy';
import type { UseCaseContext } from '../../platform/use-case';
import { ServiceActions } from './services.policy';
import { selectStaleServices } from './services.repository';

/** The day before which a confirmation counts as stale: `STALE_AFTER_MONTHS` months before `today`. */
export function staleCutoff(today: Date = new Date()): string {
  const cutoff = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - STALE_AFTER_MONTHS, today.getUTCDate()));
  return cutoff.toISOString().slice(0, 10);
}

/**
 * Services of a district (its members' and those serving it) nobody confirmed for six months, oldest first, so the
 * coordinator can ask the providers to check them; platform admins may omit the district to see all.
 */
export async function listStaleServices(context: UseCaseContext, districtId: string | null): Promise<z.infer<typeof ZStaleService>[]> {
  assertCan(context.actor, ServiceActions['services.listStale'], { districtId });
  const rows = await selectStaleServices(context.db.orm, { districtId, cutoff: staleCutoff(), limit: 500 });
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    provider: { id: row.organization_id, name: row.provider_name },
    confirmation: { confirmedOn: row.confirmed_on, ...freshnessOf(row.confirmed_on) },
  }));
}
