/**
 * Italian grammar the translations need around a name put in a sentence, registered as i18next formatters (i18n.ts):
 * `{{service, a}}` writes the preposition "a" before the name, "ad" before a name that starts with "a" (the euphonic
 * d: "Segnala ad Assistenza Anziani", "Segnala a Pinerolo Servizi"). Other languages get the name alone.
 */
export function withPrepositionA(name: string): string {
  const trimmed = name.trim();
  return /^[aAàÀáÁ]/.test(trimmed) ? `ad ${trimmed}` : `a ${trimmed}`;
}

/** Nouns a count usually precedes in the Italian texts: a placeholder followed by one of them needs plural forms. */
export const COUNTED_NOUNS = [
  'anni',
  'bisogni',
  'caratteri',
  'comuni',
  'errori',
  'giorni',
  'gruppi',
  'ore',
  'organizzazioni',
  'persone',
  'righe',
  'risposte',
  'secondi',
  'segnalazioni',
  'servizi',
  'voci',
  'zone',
] as const;

/**
 * The translations that put a number before a counted noun without plural forms ("{{count}} servizi" reads "1 servizi"):
 * each `{{x}} noun` must be `{{count}} noun` in a key with `_one` and `_other` forms. Returns the offending keys.
 */
export function countsWithoutPlural(translations: unknown): string[] {
  const offending: string[] = [];
  const nouns = new RegExp(`\\{\\{\\s*(\\w+)[^}]*\\}\\}\\s+(?:${COUNTED_NOUNS.join('|')})\\b`, 'g');
  const walk = (node: unknown, path: string) => {
    if (typeof node === 'string') {
      for (const match of node.matchAll(nouns)) {
        if (match[1] !== 'count' || !/_(one|other|many|zero)$/.test(path)) offending.push(path);
      }
      return;
    }
    if (typeof node === 'object' && node !== null) {
      for (const [key, value] of Object.entries(node)) walk(value, path ? `${path}.${key}` : key);
    }
  };
  walk(translations, '');
  return [...new Set(offending)];
}
