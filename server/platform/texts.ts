/**
 * Words the server writes for people (mail subjects and bodies, report labels, statuses in a mail) live in each
 * module's `<m>.texts.ts`, in Italian and English: `defineTexts({ it: {...}, en: {...} })` infers the keys and
 * signatures from the Italian and makes the English have every one (server/texts.test.ts checks both at run time).
 */
export const LANGUAGES = ['it', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'it';

type Text = string | ((...values: never[]) => string);
export type TextTable = Record<string, Text>;

export function defineTexts<const Table extends TextTable>(texts: { it: Table; en: NoInfer<{ [Key in keyof Table]: Table[Key] extends string ? string : Table[Key] }> }) {
  return texts as { it: Table; en: Table };
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * The language a request asks for: the `lang` query parameter (download links the browser follows by itself carry
 * the interface's language there), else the first of ours in Accept-Language (the web app sends its own), else Italian.
 */
export function requestedLanguage(query: unknown, acceptLanguage: string | undefined): Language {
  const fromQuery = typeof query === 'object' && query !== null ? (query as Record<string, unknown>).lang : undefined;
  if (isLanguage(fromQuery)) return fromQuery;
  for (const part of (acceptLanguage ?? '').split(',')) {
    const primary = part.split(';')[0]!.trim().slice(0, 2).toLowerCase();
    if (isLanguage(primary)) return primary;
  }
  return DEFAULT_LANGUAGE;
}
