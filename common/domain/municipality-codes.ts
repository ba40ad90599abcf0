/**
 * How a municipality code's resolution reads for people, in an import report line or a page: "022027 Brez merged
 * into 022253 Novella on 1 Jan 2020" / "022027 Brez confluito in 022253 Novella il 1° gennaio 2020". Dates are
 * written for people (never ISO), by hand so the text is the same on every Node build whatever its ICU data.
 */
import type { MunicipalityCodeResolution } from '../contracts/territory';

export type ResolutionLocale = 'it' | 'en';

const MONTHS = {
  it: ['gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
} as const;

/** 2020-01-01 → "1° gennaio 2020" (Italian writes the first of the month as an ordinal) / "1 Jan 2020". */
export function formatVariationDate(isoDate: string, locale: ResolutionLocale): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new Error(`Not a YYYY-MM-DD date: ${isoDate}`);
  const [, year, month, day] = match;
  const dayNumber = Number(day);
  const monthName = MONTHS[locale][Number(month) - 1];
  if (monthName === undefined || dayNumber < 1 || dayNumber > 31) throw new Error(`Not a calendar date: ${isoDate}`);
  return locale === 'it' ? `${dayNumber === 1 ? '1°' : dayNumber} ${monthName} ${year}` : `${dayNumber} ${monthName} ${year}`;
}

function when(isoDate: string | null, locale: ResolutionLocale): string {
  if (isoDate === null) return locale === 'it' ? ' (data non indicata dalle fonti)' : ' (the sources give no date)';
  return locale === 'it' ? ` il ${formatVariationDate(isoDate, locale)}` : ` on ${formatVariationDate(isoDate, locale)}`;
}

export function describeMunicipalityResolution(resolution: MunicipalityCodeResolution, locale: ResolutionLocale): string {
  switch (resolution.kind) {
    case 'current':
      return `${resolution.code} ${resolution.name}`;
    case 'succeeded': {
      const verbs = { merged: { it: 'confluito in', en: 'merged into' }, recoded: { it: 'ricodificato come', en: 'recoded as' } };
      const verb = verbs[resolution.reason][locale];
      return `${resolution.code} ${resolution.name} ${verb} ${resolution.successorCode} ${resolution.successorName}${when(resolution.on, locale)}`;
    }
    case 'ceased':
      return locale === 'it'
        ? `${resolution.code} ${resolution.name} soppresso${when(resolution.ceasedOn, locale)}, comune che ne ha preso il territorio non ricavabile dalle fonti`
        : `${resolution.code} ${resolution.name} ceased${when(resolution.ceasedOn, locale)}, the municipality that took its territory cannot be derived from the sources`;
    case 'unknown':
      return locale === 'it' ? `${resolution.code}: codice ISTAT di comune sconosciuto` : `${resolution.code}: unknown ISTAT municipality code`;
  }
}
