import { describe, expect, it } from 'vitest';
import it_ from './it.json';
import en from './en.json';

function leaves(node: unknown, prefix = ''): [string, string][] {
  if (typeof node === 'string') return [[prefix, node]];
  return Object.entries(node as Record<string, unknown>).flatMap(([key, value]) => leaves(value, prefix ? `${prefix}.${key}` : key));
}
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('survey-reports translations', () => {
  it('English has the Italian keys, none empty, with the same placeholders', () => {
    const italian = new Map(leaves(it_));
    const english = new Map(leaves(en));
    expect([...english.keys()].sort()).toEqual([...italian.keys()].sort());
    for (const [key, text] of italian) {
      expect(text.length, key).toBeGreaterThan(0);
      expect(placeholders(english.get(key)!), key).toEqual(placeholders(text));
    }
  });
});
