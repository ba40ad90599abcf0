import { expect } from 'vitest';

/**
 * What a person should never read in a mail or a label (issue 12): a snake_case code (`info_requested`), a dotted
 * code (`anziani.domiciliare`, `MATCHING.PROPOSAL_NOT_OPEN`), an ISO date or timestamp (`2027-03-31`), or one of `codes`
 * (an enum's values such as `accepted`) where a value stands: in quotes or after a colon, case-sensitively ("Accepted"
 * is a label; "the referral sent on" is English, not the status `sent`). Links and e-mail addresses are left out
 * first: their dots, underscores and dashes are no one's code.
 */
export function rawCodesIn(text: string, codes: readonly string[] = []): string[] {
  const prose = text.replace(/https?:\/\/\S+/g, ' ').replace(/[^\s"'(<]+@[^\s"')>]+/g, ' ');
  const patterns = [
    /\b[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+\b/g,
    // Dotted codes have words of two letters or more on each side: "S.r.l." and "e.g." are not codes.
    /(?<![\p{L}\p{N}_.])[a-z][a-z0-9_-]+(?:\.[a-z0-9_-]{2,})+(?![\p{L}\p{N}_])/gu,
    // Upper-case codes (MATCHING.NOT_FOUND) have words of three letters or more: a name such as AMA.LE is not a code.
    /(?<![\p{L}\p{N}_.])[A-Z][A-Z0-9_]{2,}(?:\.[A-Z0-9_]{3,})+(?![\p{L}\p{N}_])/gu,
    /\b\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}(?::?\d{2})?)?)?\b/g,
  ];
  // An upper-case code names a thing with a whole word (MATCHING.NOT_FOUND, AUTH.THROTTLED: an underscore or five
  // letters, as every declared error code does); abbreviations in a registered name ("ASS.NAZ.", "COOP.SOC.") are not.
  const isAbbreviation = (token: string) => /^[A-Z0-9.]+$/.test(token) && token.split('.').every((word) => word.length < 5);
  const found = patterns.flatMap((pattern) => prose.match(pattern) ?? []).filter((token) => !isAbbreviation(token));
  for (const code of codes) {
    const escaped = code.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    if (new RegExp(`(?:["'«“‘]\\s*${escaped}\\s*["'»”’]|:\\s*${escaped}(?![\\p{L}\\p{N}_]))`, 'u').test(prose)) found.push(code);
  }
  return found;
}

/** Fails, naming them, when `text` holds raw codes (see rawCodesIn). */
export function expectNoRawCodes(text: string, codes: readonly string[] = []): void {
  expect(rawCodesIn(text, codes), `raw codes in: ${text}`).toEqual([]);
}

/**
 * English words that leak onto Italian pages as raw values (an enum's value, a yes/no flag, a module's id): matched as
 * whole lowercase words only, so "Accettata", "OpenStreetMap" and an English name with a capital are left alone. "no"
 * is Italian too, so it is not in the list.
 */
export const ENGLISH_LEAKS_ON_ITALIAN_PAGES = [
  'yes', 'true', 'false', 'null', 'undefined', 'accepted', 'declined', 'created', 'updated', 'deleted', 'pending',
  'draft', 'submitted', 'closed', 'open', 'sent', 'active', 'inactive', 'requester', 'provider', 'member', 'admin',
  'matching', 'needs', 'services', 'surveys', 'organizations', 'districts', 'territory', 'zonings', 'memberships',
  'survey-reports',
] as const;

/**
 * What a person must not read on a page in `language` (issue 14): the raw codes of rawCodesIn, a list of language codes
 * ("Lingue: it, en"), and on an Italian page one of ENGLISH_LEAKS_ON_ITALIAN_PAGES as a whole lowercase word.
 */
export function visibleCodeLeaks(text: string, language: 'it' | 'en'): string[] {
  const found = rawCodesIn(text);
  const languageList = /\b(?:Lingue|Lingua|Languages?)\s*:\s*[a-z]{2}(?:\s*,\s*[a-z]{2})*(?![\p{L}\p{N}])/gu;
  found.push(...(text.match(languageList) ?? []));
  if (language === 'it') {
    // "open source" is Italian too.
    const prose = text.replace(/https?:\/\/\S+/g, ' ').replace(/[^\s"'(<]+@[^\s"')>]+/g, ' ').replace(/\bopen source\b/g, ' ');
    for (const word of ENGLISH_LEAKS_ON_ITALIAN_PAGES) {
      if (new RegExp(`(?<![\\p{L}\\p{N}_.@/-])${word}(?![\\p{L}\\p{N}_@/-])`, 'u').test(prose)) found.push(word);
    }
  }
  return found;
}
