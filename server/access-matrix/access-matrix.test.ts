import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCESS, KNOWN_OPEN_FINDINGS, isAllowed, pathParameter, type BuiltRequest, type OperationExpectation, type RequestContext, type Symptom } from './access-expectations';
import { forbiddenMarkersFor, listOperations, type ApiOperation } from './openapi-operations';
import { ROLES, TENANTS, tenantOf, type MatrixRole, type Tenant, type TwoTenantWorld, buildTwoTenantWorld } from './two-tenant-world';

/**
 * The access matrix (issue 11, ADR 0024): every operation of the OpenAPI document × the ten roles × resources of both
 * tenants, against the expectation declared in access-expectations.ts. A response must have the declared status class
 * and must not carry a private marker the caller may not read (another tenant's; any, for a caller of no tenant).
 */
describe('access matrix', () => {
  let world: TwoTenantWorld;
  let operations: ApiOperation[];
  let requests = 0;
  const excused = new Set<string>();
  const started = Date.now();

  beforeAll(async () => {
    world = await buildTwoTenantWorld();
    operations = listOperations(world.t.app.swagger());
  }, 300_000);
  afterAll(async () => {
    console.info(`access matrix: ${operations.length} operations, ${requests} requests, ${((Date.now() - started) / 1000).toFixed(1)} s`);
    await world?.t.close();
  });

  it('has a declared expectation for every operation of the OpenAPI document, and no declaration without one', () => {
    const documented = new Set(operations.map((operation) => operation.key));
    const undeclared = [...documented].filter((key) => !ACCESS[key]).map((key) => `declare the expected access for ${key}`);
    const stale = Object.keys(ACCESS).filter((key) => !documented.has(key)).map((key) => `${key} is declared but not in the OpenAPI document`);
    expect([...undeclared, ...stale]).toEqual([]);
  });

  const ordered = Object.entries(ACCESS).sort(([keyA, a], [keyB, b]) => rank(keyA, a) - rank(keyB, b));
  // ACCESS_MATRIX_ONLY=<regular expression> runs only the operations it matches (while declaring a new one).
  const only = process.env.ACCESS_MATRIX_ONLY ? new RegExp(process.env.ACCESS_MATRIX_ONLY) : null;
  for (const [key, expectation] of ordered) {
    (only && !only.test(key) ? it.skip : it)(key, async () => {
      const operation = operations.find((candidate) => candidate.key === key);
      if (!operation) return; // reported by the first test
      const failures: string[] = [];
      for (const resourceTenant of expectation.scope === 'tenant' ? TENANTS : [null]) {
        // Denied callers first: an allowed write (a merge, a new membership) must not open the door for the next one.
        const roles = [...ROLES].sort((a, b) => Number(isAllowed(expectation.allow, a, resourceTenant)) - Number(isAllowed(expectation.allow, b, resourceTenant)));
        for (const role of roles) {
          const problems = await check(world, operation, expectation, role, resourceTenant);
          requests += 1;
          for (const problem of problems) {
            const known = KNOWN_OPEN_FINDINGS.findIndex(
              (entry) => entry.operation === key && entry.symptom === problem.symptom && entry.roles.includes(role) && (!entry.tenant || entry.tenant === resourceTenant),
            );
            if (known >= 0) excused.add(`${known}|${role}|${resourceTenant ?? ''}`);
            else failures.push(`${role} on ${resourceTenant ? `tenant ${resourceTenant}` : 'no tenant'}: ${problem.text}`);
          }
        }
      }
      expect(failures).toEqual([]);
    }, 120_000);
  }

  (only ? it.skip : it)('lists in KNOWN_OPEN_FINDINGS only holes that are still open', () => {
    const closed: string[] = [];
    KNOWN_OPEN_FINDINGS.forEach((entry, index) => {
      const expectation = ACCESS[entry.operation];
      const tenants = expectation?.scope === 'tenant' ? (entry.tenant ? [entry.tenant] : TENANTS) : [''];
      for (const role of entry.roles) {
        if (!tenants.some((resourceTenant) => excused.has(`${index}|${role}|${resourceTenant}`))) closed.push(`remove from KNOWN_OPEN_FINDINGS: ${entry.operation} as ${role} (${entry.finding}) behaves as declared`);
      }
    });
    expect(closed).toEqual([]);
  });
});

/** Reads first, then writes, then what ends sessions or deletes. */
function rank(key: string, expectation: OperationExpectation): number {
  if (expectation.runLast) return 2;
  return key.startsWith('GET ') ? 0 : 1;
}

let requestCounter = 0;

async function check(world: TwoTenantWorld, operation: ApiOperation, expectation: OperationExpectation, role: MatrixRole, resourceTenant: Tenant | null): Promise<{ symptom: Symptom; text: string }[]> {
  const roleTenant = tenantOf(role);
  const ids = world.tenants[resourceTenant ?? 'A'];
  const context: RequestContext = { world, role, tenant: resourceTenant, ids, ownDistrictId: world.tenants[roleTenant ?? resourceTenant ?? 'A'].districtId };
  const built: BuiltRequest = expectation.prepare ? await expectation.prepare(context) : {};
  const params: Record<string, string> = { ...(expectation.params ? await expectation.params(context) : {}), ...built.params };
  for (const name of operation.pathParameters) params[name] ??= await pathParameter(operation.path, name, context);
  const query = built.query ?? (expectation.query ? await expectation.query(context) : undefined);
  const body = built.body ?? (expectation.body ? expectation.body(context) : operation.hasBody ? {} : undefined);
  const session = built.session !== undefined ? built.session : world.sessions[role];
  const url = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name]!));
  const isWrite = operation.method !== 'GET';
  requestCounter += 1;
  const response = await world.t.app.inject({
    method: operation.method,
    // An address per request: the login route's limit per address must not turn the matrix's logins into 429s.
    remoteAddress: `10.24.${requestCounter >> 8}.${requestCounter & 255}`,
    url,
    query,
    payload: body as object | undefined,
    headers: session ? (isWrite ? session.writeHeaders : { cookie: session.cookie }) : {},
  });
  await expectation.after?.(context);
  const status = response.statusCode;
  const text = response.body;
  const allowed = isAllowed(expectation.allow, role, resourceTenant);
  const problems: { symptom: Symptom; text: string }[] = [];
  const excerpt = () => text.slice(0, 300);
  if (status >= 500) problems.push({ symptom: 'status', text: `answered ${status}: ${excerpt()}` });
  else if (allowed && !(status < 300 || (expectation.alsoAllowed ?? [409]).includes(status))) problems.push({ symptom: 'status', text: `expected to be allowed, answered ${status}: ${excerpt()}` });
  else if (!allowed && ![401, 403, 404].includes(status) && !(expectation.scopedList && role !== 'anonymous' && status < 300)) {
    problems.push({ symptom: 'status', text: `expected to be denied (401/403/404), answered ${status}: ${excerpt()}` });
  }
  const leaked = forbiddenMarkersFor(role, world, built.localMarkers ?? []).filter((marker) => text.includes(marker));
  if (leaked.length > 0) problems.push({ symptom: 'markers', text: `the response carries private markers it may not: ${leaked.join(', ')}` });
  const judged = await expectation.judge?.({ role, tenant: resourceTenant, allowed, status, body: text, world, request: { ...built, body } });
  if (judged) problems.push({ symptom: 'judge', text: judged });
  return problems;
}
