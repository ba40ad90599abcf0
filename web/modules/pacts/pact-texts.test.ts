import { describe, expect, it } from 'vitest';
import { ARTICLE_CHANGES, PACT_VERSION_STATUSES, SIGNATURE_KINDS, SIGNATURE_STATUSES } from '../../../common/domain/pacts';
import it_ from './i18n/it.json';
import en from './i18n/en.json';

type Texts = { [key: string]: string | Texts };
const keysOf = (texts: Texts, prefix = ''): string[] =>
  Object.entries(texts).flatMap(([key, value]) => (typeof value === 'string' ? [`${prefix}${key}`] : keysOf(value, `${prefix}${key}.`)));

describe('pact texts', () => {
  it('has the same keys in Italian and English', () => {
    expect(keysOf(en as Texts).sort()).toEqual(keysOf(it_ as Texts).sort());
  });

  it('names every status, signature and article change in words, never as its code', () => {
    const groups: [keyof typeof it_, readonly string[]][] = [
      ['statuses', PACT_VERSION_STATUSES],
      ['moveTo', PACT_VERSION_STATUSES],
      ['moveConfirm', PACT_VERSION_STATUSES],
      ['signatureStatuses', SIGNATURE_STATUSES],
      ['signatureKinds', SIGNATURE_KINDS],
      ['articleChanges', ARTICLE_CHANGES],
    ];
    for (const texts of [it_, en] as Texts[]) {
      for (const [group, codes] of groups) {
        const words = texts[group] as Record<string, string>;
        for (const code of codes) {
          expect(words[code], `${group}.${code}`).toEqual(expect.any(String));
          expect(words[code]).not.toContain('_');
        }
      }
    }
  });
});
