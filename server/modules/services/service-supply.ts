import { OFFERED_RADII_KM } from '../../../common/domain/matching';
import { recordAudit } from '../../platform/audit/audit';
import type { DbExecutor } from '../../platform/db/database';
import { assertCan } from '../../platform/access/policy';
import { inTransaction, type UseCaseContext } from '../../platform/use-case';
import {
  addSupplyDeltas,
  countServices,
  recomputeSupplyKeys,
  recomputeSupplyOfMunicipalities,
  selectAllMunicipalityCodes,
  selectDistrictHasAreaServices,
  selectSupplyContributions,
  type SupplyDelta,
} from './service-supply.repository';
import { ServiceActions } from './services.policy';

/**
 * The radii (km) whose supply is stored (ADR 0018): those the matching page offers; any other radius is computed at
 * request time. 0 = only services whose area or a place is in the municipality.
 */
export const SUPPLY_RADII_KM = OFFERED_RADII_KM;
const LARGEST_RADIUS_KM = Math.max(...SUPPLY_RADII_KM);

/** What each service contributes to the stored supply: the keys it counts in, with its free places and date. */
export type SupplySnapshot = Map<string, { countsIn: Map<number, string[]>; capacityFree: number | null; confirmedOn: string }>;

const keyOf = (municipalityCode: string, categoryCode: string) => `${municipalityCode}|${categoryCode}`;

/**
 * What the services contribute now: for each stored radius, the (municipality, category) keys where an active service
 * counts — its area or a place holds the municipality, or (radius > 0) a place lies within the radius of its point.
 * Taken before a write and after it; `applySupplyChange` stores the difference.
 */
export async function captureSupply(db: DbExecutor, serviceIds: string[]): Promise<SupplySnapshot> {
  const { services, reach } = await selectSupplyContributions(db, serviceIds, LARGEST_RADIUS_KM);
  const snapshot: SupplySnapshot = new Map();
  const reachOf = new Map<string, typeof reach>();
  for (const row of reach) {
    const rows = reachOf.get(row.service_id);
    if (rows) rows.push(row);
    else reachOf.set(row.service_id, [row]);
  }
  for (const service of services) {
    const countsIn = new Map<number, string[]>();
    for (const radius of SUPPLY_RADII_KM) {
      const keys: string[] = [];
      if (service.status === 'active') {
        for (const row of reachOf.get(service.id) ?? []) {
          if (!row.direct && !(radius > 0 && row.near_km !== null && row.near_km <= radius)) continue;
          for (const code of service.category_codes) keys.push(keyOf(row.municipality_code, code));
        }
      }
      countsIn.set(radius, keys);
    }
    snapshot.set(service.id, { countsIn, capacityFree: service.capacity_free, confirmedOn: service.confirmed_on });
  }
  return snapshot;
}

type KeyChange = SupplyDelta & { removedOldestConfirmedOn: string | null };

/**
 * Stores what a write changed, inside its transaction: each service's contribution before is taken away and its
 * contribution after added, key by key (a few hundred row updates for a service at 20 km, whatever the density). A key
 * whose oldest confirmation may have been the one taken away is then recomputed from the services.
 */
export async function applySupplyChange(db: DbExecutor, before: SupplySnapshot, after: SupplySnapshot): Promise<void> {
  for (const radius of SUPPLY_RADII_KM) {
    const changes = new Map<string, KeyChange>();
    const change = (key: string): KeyChange => {
      let entry = changes.get(key);
      if (!entry) {
        const [municipalityCode, categoryCode] = key.split('|') as [string, string];
        entry = { municipalityCode, categoryCode, serviceCount: 0, unknownCapacityCount: 0, freeCapacity: 0, addedOldestConfirmedOn: null, removedOldestConfirmedOn: null };
        changes.set(key, entry);
      }
      return entry;
    };
    const earliest = (a: string | null, b: string) => (a === null || b < a ? b : a);
    for (const [sign, snapshot] of [[-1, before], [1, after]] as const) {
      for (const service of snapshot.values()) {
        for (const key of service.countsIn.get(radius) ?? []) {
          const entry = change(key);
          entry.serviceCount += sign;
          if (service.capacityFree === null) entry.unknownCapacityCount += sign;
          else entry.freeCapacity += sign * service.capacityFree;
          if (sign > 0) entry.addedOldestConfirmedOn = earliest(entry.addedOldestConfirmedOn, service.confirmedOn);
          else entry.removedOldestConfirmedOn = earliest(entry.removedOldestConfirmedOn, service.confirmedOn);
        }
      }
    }
    // A service that stays where it was with the same numbers changes nothing there.
    const deltas = [...changes.values()].filter((c) =>
      c.serviceCount !== 0 || c.unknownCapacityCount !== 0 || c.freeCapacity !== 0 || c.addedOldestConfirmedOn !== c.removedOldestConfirmedOn);
    const stored = await addSupplyDeltas(db, radius, deltas);
    const removed = new Map(deltas.map((d) => [keyOf(d.municipalityCode, d.categoryCode), d.removedOldestConfirmedOn]));
    const toRecompute = stored.filter((row) => {
      const removedOldest = removed.get(keyOf(row.municipality_code, row.category_code));
      // The stored oldest equals a date taken away: that service may have been the oldest (another may share the date).
      return row.service_count > 0 && removedOldest != null && (row.oldest_confirmed_on === null || row.oldest_confirmed_on >= removedOldest);
    });
    await recomputeSupplyKeys(db, radius, toRecompute.map((row) => ({ municipalityCode: row.municipality_code, categoryCode: row.category_code })));
  }
}

/** A district's municipalities changed: where its area services count changes in those that joined or left. */
export async function applyDistrictAreaChange(db: DbExecutor, districtId: string, municipalitiesBefore: string[], municipalitiesAfter: string[]): Promise<void> {
  if (!(await selectDistrictHasAreaServices(db, districtId))) return;
  const before = new Set(municipalitiesBefore);
  const after = new Set(municipalitiesAfter);
  const changed = [...new Set([...before, ...after])].filter((code) => before.has(code) !== after.has(code)).sort();
  for (const radius of SUPPLY_RADII_KM) await recomputeSupplyOfMunicipalities(db, radius, changed);
}

/** Municipalities per statement of a rebuild: small enough to report progress and bound memory at regional scale. */
const REBUILD_BATCH = 100;

/**
 * `distretto services rebuild-supply`: recomputes the stored supply of every municipality at every stored radius, in
 * one transaction (readers keep the previous numbers until it commits). Needed only after writes that bypass the use
 * cases (a bulk load in SQL, a new territory); audited.
 */
export async function rebuildServiceSupply(
  context: UseCaseContext,
  onProgress?: (done: number, total: number) => void,
): Promise<{ municipalities: number; services: number; radiiKm: number[] }> {
  assertCan(context.actor, ServiceActions['services.supply.rebuild']);
  return inTransaction(context, async (tx) => {
    const municipalities = await selectAllMunicipalityCodes(tx);
    const services = await countServices(tx);
    // With few services one statement per radius is quickest; at regional scale batches bound each statement.
    const batch = services < 20_000 ? municipalities.length : REBUILD_BATCH;
    const total = SUPPLY_RADII_KM.length * municipalities.length;
    let done = 0;
    for (const radius of SUPPLY_RADII_KM) {
      for (let from = 0; from < municipalities.length; from += batch) {
        const slice = municipalities.slice(from, from + batch);
        await recomputeSupplyOfMunicipalities(tx, radius, slice);
        done += slice.length;
        onProgress?.(done, total);
      }
    }
    const summary = { municipalities: municipalities.length, services, radiiKm: [...SUPPLY_RADII_KM] };
    await recordAudit(tx, context, { action: 'services.rebuild_supply', entityType: 'service_supply', entityId: 'all', after: summary });
    return summary;
  });
}
