import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_ACTION_NAMES, AUDIT_ACTIONS, currentAuditAction, isAuditAction, storedNamesOf } from '../../../common/contracts/audit-action-catalog';
import { PLATFORM_AUDIT_AREAS } from '../../../common/contracts/audit-actions';
import { MODULES } from '../../app';
import { createTestApp, createTestUser, signIn, type SignedIn, type TestApp } from '../testing/test-app';
import { recordAudit } from './audit';

const ROOT = join(import.meta.dirname, '..', '..', '..');

function sourceFiles(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && !file.includes('node_modules'))
    .map((file) => join(folder, file));
}

/** `module.verb-noun`: the owner's name, a dot, then at least a verb and a noun in kebab-case. */
const ACTION_NAME = /^[a-z]+\.[a-z]+(-[a-z]+)+$/;

/** `action: …` up to the end of its value (a literal, or a ternary between literals) on its line. */
const ACTION_FIELD = /\baction:\s*([^,}\n;]+)/g;
/** The helpers that take the action as a positional argument (they record it with recordAudit). */
const ACTION_ARGUMENT = /\b(?:changeSurvey|moveOrganizationRows)\(([^)]*?)'([^']+)'/g;
const QUOTED = /'([^'\n]*)'/g;
/** Just before a literal a condition compares with (`status === 'confirmed' ? … : …`): not an action name. */
const COMPARED = /[=!]==\s*$/;

/** `action` fields that are not audit actions: their file and literal values, each with its reason. */
const OTHER_ACTION_FIELDS: Record<string, { values: string[]; reason: string }> = {
  'server/modules/organizations/import-organizations.ts': { values: ['create', 'update'], reason: 'what the import does with a row' },
  'server/access-matrix/access-expectations.ts': { values: ['accept', 'withdraw'], reason: 'a referral or label application transition in a request body' },
  'server/access-matrix/two-tenant-world.ts': { values: ['submit', 'award'], reason: "a label application's transition (common/domain/labels.ts)" },
  'server/modules/labels/fixtures/demo-labels.seed.ts': { values: ['submit', 'award'], reason: "a label application's transition (common/domain/labels.ts)" },
  'server/platform/files/file-access.ts': { values: ['files.write'], reason: "the refused right in a 401/403's details (an owner module's rule, not a policy name)" },
};

/** Every action name the server's source writes: [file, name] (a template literal is reported as such). */
function actionsInSource(): { file: string; name: string }[] {
  const found: { file: string; name: string }[] = [];
  for (const file of sourceFiles('server')) {
    const text = readFileSync(join(ROOT, file), 'utf8');
    for (const match of text.matchAll(ACTION_FIELD)) {
      const value = match[1]!;
      if (value.includes('`')) found.push({ file, name: `template literal ${value.trim()}` });
      for (const literal of value.matchAll(QUOTED)) {
        if (COMPARED.test(value.slice(0, literal.index))) continue;
        if (!OTHER_ACTION_FIELDS[file]?.values.includes(literal[1]!)) found.push({ file, name: literal[1]! });
      }
    }
    for (const match of text.matchAll(ACTION_ARGUMENT)) found.push({ file, name: match[2]! });
  }
  return found;
}

/**
 * Audit action names are declared, one style (common/contracts/audit-actions.ts): recordAudit and recordAccess take
 * only a declared name (typed), and this test reads the source the way server/table-ownership.test.ts does, for what
 * a type cannot see (a name built at run time, a declared action nobody records, a declaration without its labels).
 */
describe('audit action names', () => {
  it('every action the server records is declared, none is built at run time, and every declared one is recorded', () => {
    const used = actionsInSource();
    expect(used.length).toBeGreaterThan(80);
    expect(used.filter(({ name }) => !isAuditAction(name)).map(({ file, name }) => `${file}: ${name}`), 'declare it in common/contracts/<m>.audit.ts').toEqual([]);
    const usedNames = new Set(used.map(({ name }) => name));
    // The maps from a referral move or a membership answer to its action name hold declared names as plain values.
    const serverText = sourceFiles('server').map((file) => readFileSync(join(ROOT, file), 'utf8')).join('\n');
    const unused = AUDIT_ACTION_NAMES.filter((name) => !usedNames.has(name) && !serverText.includes(`'${name}'`));
    expect(unused, 'declared actions nobody records (remove them, or record them)').toEqual([]);
  });

  it('every name reads module.verb-noun, owned by a module or a platform area, in its owner\'s file', () => {
    const owners = new Set<string>([...MODULES.map((module) => module.name), ...PLATFORM_AUDIT_AREAS]);
    for (const name of AUDIT_ACTION_NAMES) {
      expect(name, 'kebab-case verb-noun after the owner').toMatch(ACTION_NAME);
      expect(owners.has(name.split('.')[0]!), `${name}: no module or platform area of that name`).toBe(true);
    }
    // A module that only reads what others publish (home: ownsTables is empty) writes nothing, so it has no actions.
    for (const module of MODULES.filter((candidate) => candidate.ownsTables.length > 0)) {
      const file = join(ROOT, 'common', 'contracts', `${module.name}.audit.ts`);
      const declared = [...readFileSync(file, 'utf8').matchAll(/^\s+'([a-z][a-z.-]*)': \{/gm)].map((match) => match[1]!);
      expect(declared.length, `${module.name}.audit.ts declares no action`).toBeGreaterThan(0);
      for (const name of declared) expect(name.startsWith(`${module.name}.`), `${module.name}.audit.ts declares ${name}`).toBe(true);
    }
  });

  it('every action has an Italian and an English label, distinct from the others in the same language', () => {
    for (const language of ['it', 'en'] as const) {
      const labels = AUDIT_ACTION_NAMES.map((name) => AUDIT_ACTIONS[name][language]);
      for (const [index, label] of labels.entries()) {
        expect(label.trim().length > 0 && label !== String(AUDIT_ACTION_NAMES[index]), `${AUDIT_ACTION_NAMES[index]} has no ${language} label`).toBe(true);
      }
      expect(labels.filter((label, index) => labels.indexOf(label) !== index), `two actions read alike in ${language}`).toEqual([]);
    }
  });

  it('every former name points at one declared action and is no current name', () => {
    const seen = new Map<string, string>();
    for (const name of AUDIT_ACTION_NAMES) {
      for (const former of (AUDIT_ACTIONS[name] as { formerly?: readonly string[] }).formerly ?? []) {
        expect(isAuditAction(former), `${former} is both a former and a current name`).toBe(false);
        expect(seen.get(former), `${former} is a former name of ${seen.get(former)} and ${name}`).toBeUndefined();
        seen.set(former, name);
        expect(currentAuditAction(former)).toBe(name);
        expect(storedNamesOf(former)).toContain(former);
      }
    }
    expect(storedNamesOf('needs.create-need')).toEqual(['needs.create-need', 'needs.create']);
    expect(storedNamesOf('nobody.declared-this')).toEqual(['nobody.declared-this']);
  });
});

describe('GET /api/audit?action=', () => {
  let t: TestApp;
  let admin: SignedIn;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await signIn(t.app, (await createTestUser(t.system, [{ role: 'platform_admin' }])).email);
    // A row written before the rename keeps its name (the chain is never rewritten), and one written after it.
    await t.db.pool.query("insert into audit_log (actor_label, action, entity_type, entity_id) values ('before the rename', 'needs.create', 'need', 'old')");
    await t.db.transaction((tx) => recordAudit(tx, t.system, { action: 'needs.create-need', entityType: 'need', entityId: 'new' }));
  });
  afterAll(() => t.close());

  async function entityIdsFor(action: string): Promise<string[]> {
    const response = await t.app.inject({ url: '/api/audit', query: { action, entityType: 'need' }, headers: { cookie: admin.cookie } });
    expect(response.statusCode).toBe(200);
    return (response.json().items as { entityId: string }[]).map((item) => item.entityId).sort();
  }

  it('finds the rows written under the action\'s current and former names, asked by either', async () => {
    expect(await entityIdsFor('needs.create-need')).toEqual(['new', 'old']);
    expect(await entityIdsFor('needs.create')).toEqual(['new', 'old']);
  });

  it('finds nothing for another action', async () => {
    expect(await entityIdsFor('needs.change-need-status')).toEqual([]);
  });
});
