import type { AuditAction } from '../../common/contracts/audit-action-catalog';
import { sql, type SQL } from 'drizzle-orm';
import { recordAudit } from './audit/audit';
import type { DbExecutor } from './db/database';
import type { UseCaseContext } from './use-case';

/** A suppressed ISTAT code whose territory a current municipality holds: rows naming `fromCode` move to `toCode`. */
export interface MunicipalityCodeMove {
  fromCode: string;
  toCode: string;
}

/**
 * What a territory import asks of every module after loading a new list of municipalities: move the rows naming a
 * suppressed code to its successor (`moves`), and report the rows still naming any of `staleCodes` (the suppressed
 * codes the database still holds: moved ones, which must be left with none, and ones with no derivable successor,
 * which are reported, never dropped).
 */
export interface MunicipalityCodeMoves {
  moves: MunicipalityCodeMove[];
  staleCodes: string[];
}

/**
 * A module's part of the move, per `table.column` it owns that refers to municipalities: rows moved (or folded into a
 * row the successor already had), and rows left naming a stale code (per code). Every column is listed, 0 included.
 */
export interface MunicipalityMoveReport {
  moved: Record<string, number>;
  remaining: Record<string, Record<string, number>>;
}

/**
 * A module's hook (ModuleManifest.moveMunicipalityCodes): moves its own rows inside the import's transaction, bumps
 * the versions of the rows it updates and records one audit entry with its counts. Required of every module with a
 * column referring to municipalities (server/municipality-code-moves-hooks.test.ts).
 */
export type MunicipalityCodesHook = (tx: DbExecutor, moves: MunicipalityCodeMoves, context: UseCaseContext) => Promise<MunicipalityMoveReport>;

// The territory module cannot import the modules that refer to it: the composition root registers their hooks here.
const hooks = new Map<string, MunicipalityCodesHook>();

export function registerMunicipalityCodesHook(moduleName: string, hook: MunicipalityCodesHook): void {
  hooks.set(moduleName, hook);
}

/** Runs every registered hook in the caller's transaction, in registration (manifest) order; their reports merged. */
export async function runMunicipalityCodesHooks(tx: DbExecutor, moves: MunicipalityCodeMoves, context: UseCaseContext): Promise<MunicipalityMoveReport> {
  const report: MunicipalityMoveReport = { moved: {}, remaining: {} };
  if (moves.staleCodes.length === 0) return report;
  for (const hook of hooks.values()) {
    const part = await hook(tx, moves, context);
    Object.assign(report.moved, part.moved);
    Object.assign(report.remaining, part.remaining);
  }
  return report;
}

/** How one column referring to municipalities moves (the owning module describes its own tables). */
export interface MunicipalityCodeColumn {
  table: string;
  column: string;
  /**
   * The other columns of a unique key with the code (e.g. district_id): two rows that would meet at the successor
   * are folded into one when they agree on `agreeOn` (e.g. the same zone), and otherwise both stay on their old codes,
   * a conflict reported as remaining rows.
   */
  uniqueWith?: string[];
  agreeOn?: string[];
  /** Bumps the row's `version` (optimistic locking) when it moves. */
  versioned?: boolean;
  /** A column to return for moved rows (e.g. 'id'), handed to `afterMove` (e.g. to store a version snapshot). */
  returning?: string;
  afterMove?: (tx: DbExecutor, ids: string[]) => Promise<void>;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;
const identifier = (name: string): SQL => {
  if (!IDENTIFIER.test(name)) throw new Error(`Not an SQL identifier: ${name}`);
  return sql.raw(name);
};
const rowOf = (alias: string, columns: string[]): SQL =>
  columns.length === 0 ? sql`null::text` : sql`row(${sql.join(columns.map((column) => sql`${identifier(alias)}.${identifier(column)}`), sql`, `)})`;

async function countByCode(tx: DbExecutor, spec: MunicipalityCodeColumn, codes: string[]): Promise<Record<string, number>> {
  const result = await tx.execute<{ code: string; n: number }>(sql`
    select ${identifier(spec.column)} as code, count(*)::int as n from ${identifier(spec.table)}
    where ${identifier(spec.column)} = any(${sql.param(codes)}::text[]) group by 1`);
  return Object.fromEntries(result.rows.map((row) => [row.code, row.n]));
}

/** Moves one column's rows, set-based; returns how many rows moved or were folded. */
async function moveColumn(tx: DbExecutor, spec: MunicipalityCodeColumn, moves: MunicipalityCodeMove[]): Promise<number> {
  const table = identifier(spec.table);
  const column = identifier(spec.column);
  const movesJson = JSON.stringify(moves);
  const moving = sql`(select "fromCode" as from_code, "toCode" as to_code from json_to_recordset(${movesJson}::json) as r("fromCode" text, "toCode" text))`;
  const uniqueWith = spec.uniqueWith ?? [];
  let folded = 0;
  let conflicted: string[] = [];
  if (uniqueWith.length > 0) {
    const key = (alias: string) => rowOf(alias, uniqueWith);
    const agree = (alias: string) => rowOf(alias, spec.agreeOn ?? []);
    const candidates = sql`(select t.ctid as rid, m.from_code, m.to_code, ${key('t')} as key, ${agree('t')} as agree
      from ${table} t join ${moving} m on t.${column} = m.from_code)`;
    const conflicts = await tx.execute<{ rid: string }>(sql`
      with c as ${candidates}
      select c.rid::text as rid from c
      where exists (select 1 from ${table} o where o.${column} = c.to_code and ${key('o')} = c.key and ${agree('o')} is distinct from c.agree)
         or exists (select 1 from c d where d.rid <> c.rid and d.to_code = c.to_code and d.key = c.key and d.agree is distinct from c.agree)`);
    conflicted = conflicts.rows.map((row) => row.rid);
    const deleted = await tx.execute<{ n: number }>(sql`
      with c as ${candidates}
      delete from ${table} t using c
      where t.ctid = c.rid and not (c.rid::text = any(${sql.param(conflicted)}::text[]))
        and (exists (select 1 from ${table} o where o.${column} = c.to_code and ${key('o')} = c.key)
          or exists (select 1 from c d where d.to_code = c.to_code and d.key = c.key and d.from_code < c.from_code
                     and not (d.rid::text = any(${sql.param(conflicted)}::text[]))))
      returning 1 as n`);
    folded = deleted.rows.length;
  }
  const version = spec.versioned ? sql`, version = t.version + 1` : sql``;
  const returning = spec.returning ? sql`returning t.${identifier(spec.returning)}::text as id` : sql`returning 1 as id`;
  const updated = await tx.execute<{ id: string }>(sql`
    update ${table} t set ${column} = m.to_code ${version}
    from ${moving} m
    where t.${column} = m.from_code and not (t.ctid::text = any(${sql.param(conflicted)}::text[]))
    ${returning}`);
  if (spec.afterMove && updated.rows.length > 0) await spec.afterMove(tx, updated.rows.map((row) => row.id));
  return folded + updated.rows.length;
}

/**
 * The shape every module hook shares: counts before, each column's move, counts after, one audit entry (`action`)
 * with both, when the module had any row naming a stale code. Rows left on a stale code (no successor, or a conflict)
 * are reported; the territory keeps the municipalities they name.
 */
export async function moveMunicipalityCodeRows(
  tx: DbExecutor,
  moves: MunicipalityCodeMoves,
  context: UseCaseContext,
  action: AuditAction,
  columns: MunicipalityCodeColumn[],
): Promise<MunicipalityMoveReport> {
  const report: MunicipalityMoveReport = { moved: {}, remaining: {} };
  const before: Record<string, Record<string, number>> = {};
  for (const spec of columns) {
    const name = `${spec.table}.${spec.column}`;
    before[name] = await countByCode(tx, spec, moves.staleCodes);
    report.moved[name] = 0;
    report.remaining[name] = {};
  }
  if (Object.values(before).every((counts) => Object.keys(counts).length === 0)) return report;
  for (const spec of columns) {
    const name = `${spec.table}.${spec.column}`;
    if (Object.keys(before[name]!).length > 0 && moves.moves.length > 0) report.moved[name] = await moveColumn(tx, spec, moves.moves);
    report.remaining[name] = await countByCode(tx, spec, moves.staleCodes);
  }
  await recordAudit(tx, context, {
    action,
    entityType: 'municipality_codes',
    entityId: moves.moves.length > 0 ? `${moves.moves.length} moves` : 'none',
    before,
    after: { moved: report.moved, remaining: report.remaining, moves: moves.moves },
  });
  return report;
}
