import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MODULES } from './app';
import { PLATFORM_PUBLISHES, PLATFORM_TABLES } from './platform/platform-tables';

/**
 * Every table has one owner (ADR 0026): the module whose migrations create it (its manifest's `ownsTables`), or the
 * platform. Another owner's SQL may name it only when the owner publishes it (`publishes`, typically a view made for
 * readers). In migrations a FOREIGN KEY `references <table>` to another owner's table is allowed: it names the row a
 * fact is about and reads nothing. Everything else counts: from, join, into, update, delete from, truncate, alter/lock
 * table, on (indexes, triggers), and the Drizzle table objects of another module's schema imported into a file.
 *
 * Known violations are listed in ALLOWED_FOREIGN_READS, one line per module → table with its reason. The list must only
 * shrink: an entry the code no longer needs fails the test too, so whoever removes the last read removes the line.
 */
const ALLOWED_FOREIGN_READS: Record<string, string> = {
  'organizations → users': 'landed migration 202612051001 backfills organization_imports.started_by_user_id from users',
  'platform → districts': 'role grants naming a district (auth repository joins district names)',
  'platform → organizations': 'role grants naming an organization (auth repository joins organization names)',
};

type Owner = { name: string; ownsTables: readonly string[]; publishes: readonly string[] };

const OWNERS: Owner[] = [
  { name: 'platform', ownsTables: PLATFORM_TABLES, publishes: PLATFORM_PUBLISHES },
  ...MODULES.map((module) => ({ name: module.name, ownsTables: module.ownsTables, publishes: module.publishes ?? [] })),
];

/** Relation names after a keyword that reads or writes them ("references" is separate: allowed only in migrations). */
const NAMING_KEYWORDS = /\b(from|join|into|update|truncate|table|on|references)\s+(?:only\s+|if\s+(?:not\s+)?exists\s+)?"?([a-z_][a-z0-9_]*)"?/gi;

/** Strips comments so prose ("read from needs") is not taken for SQL: JS line/block comments and SQL `--` comments. */
function withoutComments(text: string, kind: 'ts' | 'sql'): string {
  const noBlocks = text.replace(/\/\*[\s\S]*?\*\//g, ' ');
  if (kind === 'ts') return noBlocks.replace(/(^|[\s;,{}()])\/\/.*$/gm, '$1').replace(/--.*$/gm, '');
  // A foreign key added to another owner's table (`alter table role_grants add constraint … foreign key`) declares a
  // reference, like `references` in a create table: allowed in migrations, so it is not scanned.
  return noBlocks.replace(/--.*$/gm, '').replace(/\balter\s+table\s+[a-z_][a-z0-9_]*\s+add\s+constraint\s+[a-z_][a-z0-9_]*\s+foreign\s+key/gi, ' ');
}

type Finding = { owner: string; table: string; tableOwner: string; via: string };

/** The foreign relations a piece of source (TypeScript or SQL) of `owner` names outside what their owners publish. */
function findForeignNames(owner: string, text: string, kind: 'ts' | 'sql', owners: Owner[] = OWNERS): Finding[] {
  const ownerOf = new Map<string, Owner>();
  for (const candidate of owners) for (const table of candidate.ownsTables) ownerOf.set(table, candidate);
  const findings: Finding[] = [];
  for (const match of withoutComments(text, kind).matchAll(NAMING_KEYWORDS)) {
    const keyword = match[1]!.toLowerCase();
    const table = match[2]!.toLowerCase();
    const tableOwner = ownerOf.get(table);
    if (!tableOwner || tableOwner.name === owner) continue;
    if (keyword === 'references' && kind === 'sql') continue;
    if (tableOwner.publishes.includes(table)) continue;
    findings.push({ owner, table, tableOwner: tableOwner.name, via: keyword });
  }
  return findings;
}

const serverRoot = new URL('./', import.meta.url).pathname;

/** Drizzle `pgTable` objects per owner: export name → table name, from each owner's *.schema.ts. */
function drizzleTables(): Map<string, { table: string; file: string }> {
  const tables = new Map<string, { table: string; file: string }>();
  for (const path of readdirSync(serverRoot, { recursive: true, encoding: 'utf8' })) {
    if (!path.endsWith('.schema.ts')) continue;
    const text = readFileSync(join(serverRoot, path), 'utf8');
    for (const match of text.matchAll(/export const (\w+) = pgTable\(\s*'([a-z0-9_]+)'/g)) tables.set(match[1]!, { table: match[2]!, file: path });
  }
  return tables;
}

/** Which owner a path under server/ belongs to (null: the composition root, the CLI, tests' helpers). */
function ownerOfPath(path: string): string | null {
  const module = /^modules\/([^/]+)\//.exec(path);
  if (module) return module[1]!;
  return path.startsWith('platform/') ? 'platform' : null;
}

type Source = { path: string; owner: string; text: string; kind: 'ts' | 'sql' };

function readSources(): Source[] {
  return readdirSync(serverRoot, { recursive: true, encoding: 'utf8' })
    // Test worlds (fixtures/*-world.ts, *.fixture.ts) set rows up as tests do; demo seeds (*.seed.ts) run in production and count.
    .filter((path) => (path.endsWith('.ts') && !path.endsWith('.test.ts') && !path.includes('testing/') && !/fixtures\/.*(-world|\.fixture)\.ts$/.test(path)) || path.endsWith('.sql'))
    .flatMap((path) => {
      const owner = ownerOfPath(path);
      if (!owner) return [];
      return [{ path, owner, text: readFileSync(join(serverRoot, path), 'utf8'), kind: path.endsWith('.sql') ? ('sql' as const) : ('ts' as const) }];
    });
}

/** Drizzle tables of another owner imported by name into a module's file (through its index.ts or its schema). */
function foreignDrizzleImports(source: Source, tables: Map<string, { table: string; file: string }>): Finding[] {
  const findings: Finding[] = [];
  for (const match of source.text.matchAll(/import\s+(?:type\s+)?\{([^}]*)\}\s+from\s+'([^']+)'/g)) {
    for (const imported of match[1]!.split(',')) {
      const name = imported.trim().replace(/^type\s+/, '').split(/\s+as\s+/)[0]!.trim();
      const drizzle = tables.get(name);
      if (!drizzle) continue;
      const tableOwner = OWNERS.find((owner) => owner.ownsTables.includes(drizzle.table));
      if (!tableOwner || tableOwner.name === source.owner || tableOwner.publishes.includes(drizzle.table)) continue;
      findings.push({ owner: source.owner, table: drizzle.table, tableOwner: tableOwner.name, via: `import ${name}` });
    }
  }
  return findings;
}

describe('every table has one owner, and others read only what it publishes', () => {
  const sources = readSources();
  const migrationTables = sources
    .filter((source) => source.kind === 'sql')
    .flatMap((source) =>
      [...source.text.matchAll(/\bcreate\s+(?:or\s+replace\s+)?(?:materialized\s+)?(?:table|view)\s+(?:if\s+not\s+exists\s+)?([a-z_][a-z0-9_]*)/gi)].map(
        (match) => ({ table: match[1]!.toLowerCase(), owner: source.owner, path: source.path }),
      ),
    );

  it('reads the migrations and the SQL of every owner', () => {
    expect(migrationTables.length).toBeGreaterThan(40);
    expect(new Set(sources.map((source) => source.owner)).size).toBe(OWNERS.length);
  });

  it('gives every table and view of the migrations exactly one owner: the one whose migrations create it', () => {
    const problems: string[] = [];
    for (const { table, owner, path } of migrationTables) {
      const claimants = OWNERS.filter((candidate) => candidate.ownsTables.includes(table)).map((candidate) => candidate.name);
      if (claimants.length !== 1 || claimants[0] !== owner) problems.push(`${table} (created in ${path}) is claimed by [${claimants.join(', ')}]`);
    }
    const created = new Set(migrationTables.map((entry) => entry.table));
    for (const owner of OWNERS) {
      for (const table of owner.ownsTables) if (!created.has(table) && table !== 'schema_migrations') problems.push(`${owner.name} claims ${table}, which no migration creates`);
      for (const table of owner.publishes) if (!owner.ownsTables.includes(table)) problems.push(`${owner.name} publishes ${table}, which it does not own`);
    }
    expect(problems).toEqual([]);
  });

  it('finds no foreign table outside what its owner publishes, except the listed ones', () => {
    const tables = drizzleTables();
    const found = new Map<string, string[]>();
    for (const source of sources) {
      for (const finding of [...findForeignNames(source.owner, source.text, source.kind), ...(source.kind === 'ts' ? foreignDrizzleImports(source, tables) : [])]) {
        const key = `${finding.owner} → ${finding.table}`;
        found.set(key, [...(found.get(key) ?? []), `${source.path} (${finding.via})`]);
      }
    }
    const unlisted = [...found].filter(([key]) => !(key in ALLOWED_FOREIGN_READS)).map(([key, where]) => `${key}: ${[...new Set(where)].join(', ')}`);
    const stale = Object.keys(ALLOWED_FOREIGN_READS).filter((key) => !found.has(key));
    expect(unlisted).toEqual([]);
    expect(stale, 'allow-list entries no longer needed: remove them').toEqual([]);
  });

  it('fails on a planted query of another module’s table, and passes on its published view and a foreign key', () => {
    const planted = findForeignNames('matching', 'const rows = sql`select n.id from needs n join services s on s.id = n.service_id`;', 'ts');
    expect(planted.map((finding) => `${finding.owner} → ${finding.table} (${finding.via})`)).toEqual(['matching → needs (from)', 'matching → services (join)']);
    expect(findForeignNames('matching', "insert into referral_events (referral_id) values ('x')", 'ts')).toEqual([]);
    expect(findForeignNames('needs', 'select organization_id from current_district_memberships where district_id = $1', 'ts')).toEqual([]);
    expect(findForeignNames('needs', 'create table x (organization_id uuid not null references organizations (id))', 'sql')).toEqual([]);
    expect(findForeignNames('districts', 'alter table role_grants add constraint g_fk foreign key (district_id) references districts (id)', 'sql')).toEqual([]);
    expect(findForeignNames('needs', 'create index x_idx on organizations (legal_name)', 'sql').map((finding) => finding.table)).toEqual(['organizations']);
    expect(findForeignNames('needs', '// read from services in a comment\nconst x = 1;', 'ts')).toEqual([]);
  });
});
