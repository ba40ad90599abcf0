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

/** How long one batch of a rebuild may hold its transaction, and the bounds of its number of municipalities. */
export interface RebuildSupplyOptions {
  /** The batch size is steered towards this duration. Default on the embedded database 250 ms: it has one session (ADR
   * 0019), every request waits behind the batch running, so a batch must stay well under a second. On a
   * PostgreSQL server readers never wait for a writer, and each statement pays a large fixed cost, so small batches only
   * make the rebuild slower (measured at Piemonte scale: twice as long as 100-municipality batches): there the batches
   * start at 100 municipalities and the target is 30 s. */
  targetBatchMs?: number;
  /** Municipalities in the first batch (default 10 embedded, 100 on a server), before any batch was timed. */
  firstBatchSize?: number;
  /** At most this many municipalities per batch (default 500). */
  maxBatchSize?: number;
}

/**
 * `distretto services rebuild-supply` (and the `services.rebuild-supply` job): recomputes the stored supply of every
 * municipality at every stored radius. Needed only after writes that bypass the use cases (a bulk load in SQL, a new
 * territory); audited once it is done.
 *
 * It works in short transactions, one per batch of municipalities of one radius, each replacing every key of its
 * municipalities at once: at Piemonte scale one transaction held the embedded database for two minutes, and every web
 * request waited behind it. The batch size is steered by the time the previous batch took, so a request waits behind
 * at most one batch (`targetBatchMs`). Each key is recomputed from the services committed when its batch runs, the rule
 * of one key never reads another, and service writes between batches move stored keys by their deltas in their own
 * transactions, so the result equals the one-transaction rebuild (service-supply.test.ts compares them); readers
 * meanwhile see some municipalities already rebuilt and the others as they were.
 */
export async function rebuildServiceSupply(
  context: UseCaseContext,
  onProgress?: (done: number, total: number) => void,
  options: RebuildSupplyOptions = {},
): Promise<{ municipalities: number; services: number; radiiKm: number[] }> {
  assertCan(context.actor, ServiceActions['services.supply.rebuild']);
  const embedded = context.db.kind === 'pglite';
  const targetBatchMs = options.targetBatchMs ?? (embedded ? 250 : 30_000);
  const maxBatchSize = options.maxBatchSize ?? 500;
  const municipalities = await selectAllMunicipalityCodes(context.db.orm);
  const services = await countServices(context.db.orm);
  const total = SUPPLY_RADII_KM.length * municipalities.length;
  let done = 0;
  for (const radius of SUPPLY_RADII_KM) {
    // Larger radii cost more per municipality: each radius starts again from a small batch.
    let batchSize = Math.min(options.firstBatchSize ?? (embedded ? 10 : 100), maxBatchSize);
    for (let from = 0; from < municipalities.length; ) {
      const slice = municipalities.slice(from, from + batchSize);
      const started = performance.now();
      await inTransaction(context, (tx) => recomputeSupplyOfMunicipalities(tx, radius, slice));
      const elapsedMs = Math.max(performance.now() - started, 1);
      from += slice.length;
      done += slice.length;
      onProgress?.(done, total);
      // At most four times larger at once, so one slow stretch of dense municipalities cannot overshoot by much.
      batchSize = Math.max(1, Math.min(maxBatchSize, batchSize * 4, Math.floor((batchSize * targetBatchMs) / elapsedMs)));
      // Let requests that arrived meanwhile queue for the connection before the next batch asks for it.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  const summary = { municipalities: municipalities.length, services, radiiKm: [...SUPPLY_RADII_KM] };
  await inTransaction(context, (tx) =>
    recordAudit(tx, context, { action: 'services.rebuild-supply', entityType: 'service_supply', entityId: 'all', after: summary }));
  return summary;
}
