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

const LOCALE_OF: Record<Language, string> = { it: 'it-IT', en: 'en-GB' };
const dayFormats = new Map<Language, Intl.DateTimeFormat>();
const countFormats = new Map<Language, Intl.NumberFormat>();

/**
 * A day as people read it in a message ("31 marzo 2027", "31 March 2027"), never ISO. A calendar day
 * ("2027-03-31") is that day; an instant (a timestamp, a Date) is the day it was in Italy.
 */
export function formatDay(day: string | Date, language: Language): string {
  let format = dayFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALE_OF[language], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Rome' });
    dayFormats.set(language, format);
  }
  // A bare calendar day read as midnight UTC is still that day in Rome (UTC+1/+2); noon keeps it so whatever the zone.
  const instant = typeof day === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(day) ? new Date(`${day}T12:00:00Z`) : new Date(day);
  return format.format(instant);
}

/** A count as people read it: "1.234" in Italian, "1,234" in English. */
export function formatCount(count: number, language: Language): string {
  let format = countFormats.get(language);
  if (!format) {
    format = new Intl.NumberFormat(LOCALE_OF[language], { maximumFractionDigits: 0, useGrouping: 'always' });
    countFormats.set(language, format);
  }
  return format.format(count);
}
