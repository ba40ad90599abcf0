import fc from 'fast-check';
import type { JsonSchema } from './openapi-operations';

/**
 * fast-check arbitraries from the JSON schemas of the OpenAPI document (ADR 0024): mostly values the contract accepts,
 * often the edge values that broke the API before (NUL, 2^31, 1e308, long and unusual text), sometimes anything.
 */

/** Strings that broke or may break a boundary: NUL, control and bidi characters, SQL and markup, huge and tiny. */
export const EDGE_STRINGS = [
  '', ' ', '\u0000', 'a\u0000b', '%00', '\u0007\u001b[2J', '\u202eexe.txt', '😀👩‍👩‍👧', 'Ａｇｌｉè', 'e\u0301', '\ud800',
  "'; drop table organizations; --", '<script>alert(1)</script>', '=cmd|"/c calc"!A1', '../../etc/passwd', '{}', 'null',
  '2147483648', '-2147483649', '1e308', 'NaN', '-0', 'x'.repeat(5_000), 'è'.repeat(70_000),
];

/** Edge strings a URL path can carry (a lone surrogate cannot be percent-encoded). */
export const PATH_EDGE_STRINGS = EDGE_STRINGS.filter((text) => {
  try {
    encodeURIComponent(text);
    return true;
  } catch {
    return false;
  }
});

/** Numbers past what an integer column or a double sum holds. */
export const EDGE_NUMBERS = [0, -1, 1, 2_147_483_647, 2_147_483_648, -2_147_483_649, 9_007_199_254_740_991, 1e308, -1e308, 1.5, 5e-324];

export interface ArbitraryHints {
  /** Real ids of the world, so that some requests reach the rows behind the checks. */
  ids: string[];
}

const dateArbitrary = fc.oneof(
  fc.date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10)),
  fc.constantFrom('2026-02-30', '0000-01-01', '99999-12-31', '2026-13-01'),
);

function validString(schema: JsonSchema, hints: ArbitraryHints): fc.Arbitrary<string> {
  if (schema.enum) return fc.constantFrom(...(schema.enum as string[]));
  switch (schema.format) {
    case 'uuid': return fc.oneof(fc.constantFrom(...hints.ids), fc.uuid());
    case 'date': return dateArbitrary;
    case 'date-time': return fc.date({ noInvalidDate: true }).map((date) => date.toISOString());
    case 'email': return fc.constantFrom('a@esempio.it', 'x.y+z@esempio.invalid', `${'a'.repeat(64)}@${'b'.repeat(180)}.it`);
    case 'uri': return fc.constantFrom('https://esempio.it', 'http://localhost:1/x', 'javascript:alert(1)', 'https://esempio.it/' + 'a'.repeat(400));
  }
  if (schema.pattern) {
    try {
      return fc.stringMatching(new RegExp(schema.pattern));
    } catch {
      // a pattern JavaScript cannot compile: any text
    }
  }
  return fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 40, 40), unit: 'grapheme' });
}

function validNumber(schema: JsonSchema, isInteger: boolean): fc.Arbitrary<number> {
  const min = schema.minimum ?? schema.exclusiveMinimum ?? -1_000;
  const max = schema.maximum ?? schema.exclusiveMaximum ?? 1_000_000;
  if (isInteger) return fc.integer({ min: Math.max(Math.ceil(min), Number.MIN_SAFE_INTEGER), max: Math.min(Math.floor(max), Number.MAX_SAFE_INTEGER) });
  return fc.double({ min: Math.max(min, -1e300), max: Math.min(max, 1e300), noNaN: true, noDefaultInfinity: true });
}

/** Anything JSON can carry, for the odd request that ignores the contract altogether. */
const anyJson = fc.oneof(fc.constant(null), fc.boolean(), fc.constantFrom(...EDGE_NUMBERS), fc.constantFrom(...EDGE_STRINGS), fc.constant([]), fc.constant({}));

const typeOf = (schema: JsonSchema) => (Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type);

/** A value the contract accepts (as far as the schema says: formats, enums, patterns, bounds, required keys). */
export function validArbitrary(schema: JsonSchema | undefined, hints: ArbitraryHints, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 6) return fc.constant(null);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((alternative) => validArbitrary(alternative, hints, depth + 1)));
  const type = typeOf(schema);
  switch (type) {
    case 'string': return validString(schema, hints);
    case 'integer':
    case 'number': return validNumber(schema, type === 'integer');
    case 'boolean': return fc.boolean();
    case 'array': return fc.array(validArbitrary(schema.items, hints, depth + 1), { minLength: schema.minItems ?? 0, maxLength: Math.max(Math.min(schema.maxItems ?? 3, 3), schema.minItems ?? 0) });
    case 'object': {
      const model = Object.fromEntries(Object.entries(schema.properties ?? {}).map(([key, property]) => [key, validArbitrary(property, hints, depth + 1)]));
      return fc.record(model, { requiredKeys: (schema.required ?? []).filter((key) => key in model) });
    }
    default: return fc.constant(null);
  }
}

/** An edge value in place of a value of `schema`: in an object, one field goes wrong and the others stay valid. */
export function mutatedArbitrary(schema: JsonSchema | undefined, hints: ArbitraryHints, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 6) return anyJson;
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((alternative) => mutatedArbitrary(alternative, hints, depth + 1)));
  const type = typeOf(schema);
  switch (type) {
    case 'string':
      // NUL often: it broke about 26 endpoints (issue 11), inside a valid value as much as alone.
      return fc.oneof(
        { arbitrary: fc.constantFrom(...EDGE_STRINGS), weight: 2 },
        { arbitrary: validString(schema, hints).map((text) => `${text}\u0000`), weight: 2 },
        { arbitrary: fc.constantFrom('\u0000', 'a\u0000b'), weight: 1 },
        { arbitrary: anyJson, weight: 1 },
      );
    case 'integer':
    case 'number':
      // 2^31 (an integer column's limit) and 1e308 (a sum's) most often: they answered 500 before (issue 11).
      return fc.oneof({ arbitrary: fc.constantFrom(2_147_483_648, 1e308), weight: 3 }, { arbitrary: fc.constantFrom(...EDGE_NUMBERS), weight: 3 }, { arbitrary: anyJson, weight: 1 });
    case 'boolean':
      return fc.constantFrom('true', 0, null);
    case 'array': {
      const valid = validArbitrary(schema.items, hints, depth + 1);
      return fc.oneof(
        fc.tuple(fc.array(valid, { maxLength: 2 }), mutatedArbitrary(schema.items, hints, depth + 1)).map(([items, wrong]) => [...items, wrong]),
        fc.array(valid, { minLength: 200, maxLength: 400 }),
        fc.constant([null]),
      );
    }
    case 'object': {
      const properties = Object.entries(schema.properties ?? {});
      const valid = validArbitrary(schema, hints, depth);
      if (properties.length === 0) return fc.oneof(fc.dictionary(fc.constantFrom(...hints.ids, ...EDGE_STRINGS.slice(0, 12)), anyJson, { maxKeys: 4 }), anyJson);
      return fc.oneof(
        { arbitrary: fc.tuple(valid, fc.constantFrom(...properties)).chain(([value, [key, property]]) => mutatedArbitrary(property, hints, depth + 1).map((wrong) => ({ ...(value as object), [key]: wrong }))), weight: 8 },
        { arbitrary: valid.map((value) => ({ ...(value as object), unexpected: '\u0000' })), weight: 1 },
        { arbitrary: anyJson, weight: 1 },
      );
    }
    default:
      return anyJson;
  }
}

/** An arbitrary for a value of `schema`: valid at times, one edge value in an otherwise valid value most often. */
export function arbitraryFor(schema: JsonSchema | undefined, hints: ArbitraryHints): fc.Arbitrary<unknown> {
  return fc.oneof({ arbitrary: validArbitrary(schema, hints), weight: 3 }, { arbitrary: mutatedArbitrary(schema, hints), weight: 7 });
}

/** A query or path value as text: numbers and booleans as they would be typed in a URL. */
export function asParameterText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** Whether a generated request carries NUL anywhere (the finding of issue 11 "A NUL character ... answers 500"). */
export function containsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000') || value.includes('%00');
  if (Array.isArray(value)) return value.some(containsNul);
  if (value && typeof value === 'object') return Object.entries(value).some(([key, item]) => containsNul(key) || containsNul(item));
  return false;
}

/** Whether a generated request carries a number no PostgreSQL integer holds (the "version": 2147483648 finding). */
export function containsIntegerOverflow(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value) && Math.abs(value) >= 2_147_483_648;
  if (typeof value === 'string') return /^-?\d{10,}$/.test(value) || /e\+?\d{2,}$/i.test(value);
  if (Array.isArray(value)) return value.some(containsIntegerOverflow);
  if (value && typeof value === 'object') return Object.values(value).some(containsIntegerOverflow);
  return false;
}
