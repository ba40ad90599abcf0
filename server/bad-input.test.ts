import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INT4_MAX } from '../common/domain/limits';
import { MODULES } from './app';
import { createTestApp, createTestUser, signIn, type SignedIn, type TestApp } from './platform/testing/test-app';

/**
 * Issue 11, "Bad input that breaks things", walked over every operation of the OpenAPI document, so a new route is
 * covered the day it is added: a NUL in any string parameter or body field, and an integer beyond what a PostgreSQL
 * `integer` holds, are 422s naming the field — never a 5xx.
 */
interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  maximum?: number;
  const?: unknown;
  enum?: unknown[];
  exclusiveMaximum?: number;
  $ref?: string;
}
interface Parameter { in: 'query' | 'path' | 'header' | 'cookie'; name: string; schema?: JsonSchema }
interface Operation {
  method: string;
  path: string;
  parameters: Parameter[];
  body: JsonSchema | null;
}

const WRITE_METHODS = new Set(['post', 'put', 'patch', 'delete']);

function typesOf(schema: JsonSchema): string[] {
  const own = schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
  return [...own, ...[...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])].flatMap(typesOf)];
}

/** Every leaf of a body schema with its path (arrays through their first item), whichever union branch declares it. */
interface Leaf { path: (string | number)[]; schema: JsonSchema; discriminators: Record<string, unknown> }
function leavesOf(schema: JsonSchema, path: (string | number)[] = [], discriminators: Record<string, unknown> = {}): Leaf[] {
  const branches = [schema, ...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])];
  const leaves: Leaf[] = [];
  for (const branch of branches) {
    // A discriminated union's branch is reached only with its tag (`kind: 'zone'`): send it along at top level.
    const tags = path.length > 0 ? discriminators : Object.fromEntries(Object.entries(branch.properties ?? {})
      .filter(([, property]) => property.const !== undefined || property.enum?.length === 1)
      .map(([key, property]) => [key, property.const ?? property.enum![0]]));
    for (const [key, property] of Object.entries(branch.properties ?? {})) leaves.push(...leavesOf(property, [...path, key], tags));
    if (branch.items) leaves.push(...leavesOf(branch.items, [...path, 0], discriminators));
  }
  if (branches.some((branch) => typesOf(branch).some((type) => type === 'string' || type === 'integer'))) leaves.push({ path, schema, discriminators });
  return leaves;
}

function nested(path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  return typeof head === 'number' ? [nested(rest, value)] : { [head as string]: nested(rest, value) };
}
function bodyWith(leaf: Leaf, value: unknown): unknown {
  return { ...leaf.discriminators, ...(nested(leaf.path, value) as object) };
}

function operationsOf(document: { paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema: JsonSchema }> } }>> }): Operation[] {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      method,
      path,
      parameters: operation.parameters ?? [],
      body: operation.requestBody?.content?.['application/json']?.schema ?? null,
    })));
}

function urlOf(operation: Operation, overrides: Record<string, string> = {}): string {
  return operation.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(overrides[name] ?? (name.toLowerCase().includes('code') ? '001191' : randomUUID())));
}

describe('bad input at the HTTP boundary (every operation of the OpenAPI document)', () => {
  let t: TestApp;
  let admin: SignedIn;
  let operations: Operation[];
  beforeAll(async () => {
    t = await createTestApp(MODULES);
    admin = await signIn(t.app, (await createTestUser(t.system, [{ role: 'platform_admin' }])).email);
    operations = operationsOf(t.app.swagger() as never);
  }, 120_000);
  afterAll(() => t.close());

  const send = (operation: Operation, url: string, payload?: unknown) => t.app.inject({
    method: operation.method.toUpperCase() as 'GET',
    url,
    headers: WRITE_METHODS.has(operation.method) ? admin.writeHeaders : { cookie: admin.cookie },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

  it('NUL characters: a NUL in any path parameter, query parameter or JSON text field is a 422 naming the field, never a 5xx', async () => {
    const failures: string[] = [];
    let requests = 0;
    for (const operation of operations) {
      const defaultBody = operation.body ? {} : undefined;
      for (const parameter of operation.parameters) {
        if (parameter.in !== 'query' && parameter.in !== 'path') continue;
        if (parameter.schema && !typesOf(parameter.schema).includes('string')) continue;
        const url = parameter.in === 'path'
          ? urlOf(operation, { [parameter.name]: 'a\u0000b' })
          : `${urlOf(operation)}?${parameter.name}=a%00b`;
        const response = await send(operation, url, defaultBody);
        requests += 1;
        const expected = `${parameter.in === 'path' ? 'params' : 'query'}.${parameter.name}`;
        const named = response.statusCode === 422 && JSON.stringify(response.json().details?.fields ?? []).includes(`"${expected}"`);
        if (!named) failures.push(`${operation.method.toUpperCase()} ${url} → ${response.statusCode} ${response.body.slice(0, 160)}`);
      }
      if (!operation.body) continue;
      for (const leaf of leavesOf(operation.body)) {
        if (!typesOf(leaf.schema).includes('string') || leaf.path.length === 0) continue;
        const response = await send(operation, urlOf(operation), bodyWith(leaf, 'a\u0000b'));
        requests += 1;
        const expected = ['body', ...leaf.path].join('.');
        const named = response.statusCode === 422 && JSON.stringify(response.json().details?.fields ?? []).includes(`"${expected}"`);
        if (!named) failures.push(`${operation.method.toUpperCase()} ${operation.path} body ${expected} → ${response.statusCode} ${response.body.slice(0, 160)}`);
      }
    }
    expect(requests).toBeGreaterThan(100);
    expect(failures).toEqual([]);
  }, 300_000);

  it('NUL characters: the anonymous municipality search and answer link named by the issue answer 422', async () => {
    const search = await t.app.inject({ url: '/api/territory/municipalities?q=%00' });
    expect(search.statusCode).toBe(422);
    expect(search.json()).toMatchObject({ code: 'COMMON.VALIDATION', details: { fields: [{ path: 'query.q' }] } });
    const answer = await t.app.inject({ method: 'PUT', url: `/api/surveys/answer/${'x'.repeat(43)}`, payload: { answers: [{ questionId: randomUUID(), value: 'a\u0000' }] } });
    expect(answer.statusCode).toBe(422);
    expect(answer.json().details.fields[0].path).toBe('body.answers.0.value');
  });

  it('"version": 2147483648: every integer a write accepts declares a maximum a PostgreSQL integer holds', () => {
    const unbounded: string[] = [];
    for (const operation of operations.filter((o) => WRITE_METHODS.has(o.method) && o.body)) {
      for (const leaf of leavesOf(operation.body!)) {
        if (!typesOf(leaf.schema).includes('integer')) continue;
        const maxima = [leaf.schema, ...(leaf.schema.anyOf ?? []), ...(leaf.schema.oneOf ?? [])].map((s) => s.maximum ?? s.exclusiveMaximum).filter((m) => m !== undefined);
        if (maxima.length === 0 || Math.max(...maxima) > INT4_MAX) unbounded.push(`${operation.method.toUpperCase()} ${operation.path} body.${leaf.path.join('.')}`);
      }
    }
    expect(unbounded).toEqual([]);
  });

  it('"version": 2147483648: every write answers an integer beyond the column with 422 naming the field', async () => {
    const failures: string[] = [];
    let requests = 0;
    for (const operation of operations.filter((o) => WRITE_METHODS.has(o.method) && o.body)) {
      for (const leaf of leavesOf(operation.body!)) {
        if (!typesOf(leaf.schema).includes('integer') || leaf.path.length === 0) continue;
        const response = await send(operation, urlOf(operation), bodyWith(leaf, INT4_MAX + 1));
        requests += 1;
        const expected = ['body', ...leaf.path].join('.');
        if (response.statusCode !== 422 || !JSON.stringify(response.json().details?.fields ?? []).includes(`"${expected}"`)) {
          failures.push(`${operation.method.toUpperCase()} ${operation.path} ${expected} → ${response.statusCode} ${response.body.slice(0, 160)}`);
        }
      }
    }
    expect(requests).toBeGreaterThan(15);
    expect(failures).toEqual([]);
  }, 300_000);
});
