/** Locale-aware formatting shared by the pages; `locale` is the i18next language (`it` or `en`). */

const numberFormats = new Map<string, Intl.NumberFormat>();

export function formatNumber(value: number, locale: string): string {
  let format = numberFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: 0, useGrouping: 'always' });
    numberFormats.set(locale, format);
  }
  return format.format(value);
}

export function formatDateTime(iso: string, locale: string, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(date);
}

export function formatTime(iso: string, locale: string, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone }).format(date);
}

/**
 * A calendar day ('YYYY-MM-DD', or the day of a timestamp written that way) in the interface language: "15 gen 2026",
 * "Jan 15, 2026". Read as a calendar day, so no time zone moves it to the day before.
 */
export function formatDay(day: string, locale: string): string {
  const date = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/**
 * The day of an instant (a timestamp) as it was in Italy, where the districts are: "1 apr 2026" for 23:30 UTC on
 * 31 March, whatever the browser's own time zone.
 */
export function formatInstantDay(iso: string, locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'Europe/Rome' }).format(date);
}

function decimalFormat(locale: string, fractionDigits: number, fixed: boolean): Intl.NumberFormat {
  return new Intl.NumberFormat(locale, {
    minimumFractionDigits: fixed ? fractionDigits : 0,
    maximumFractionDigits: fractionDigits,
    useGrouping: 'always',
  });
}

function roundTo(value: number, fractionDigits: number): number {
  const factor = 10 ** fractionDigits;
  return Math.round(value * factor) / factor;
}

/** A number with up to `maximumFractionDigits` decimals (0,8; 12,25; 3): thresholds, distances, scores. */
export function formatDecimal(value: number, locale: string, maximumFractionDigits = 2): string {
  return decimalFormat(locale, maximumFractionDigits, false).format(value);
}

/**
 * A coverage (free places per person, a ratio) with two decimals — 6 free places for 7 people is "0,86", never "1" —
 * and, when a threshold is given, with as many more decimals as it takes for the shown value to stay on the same side
 * of the threshold as the true one (0,996 under a threshold of 1 is "0,996", not "1,00").
 */
export function formatCoverage(value: number, locale: string, threshold?: number): string {
  let digits = 2;
  if (threshold !== undefined) {
    const below = value < threshold;
    while (digits < 6 && roundTo(value, digits) < threshold !== below) digits += 1;
    if (roundTo(value, digits) < threshold !== below) {
      // Still on the wrong side at 6 decimals: cut instead of rounding, which keeps a value below the threshold below.
      const factor = 10 ** digits;
      return decimalFormat(locale, digits, true).format(Math.floor(value * factor) / factor);
    }
  }
  return decimalFormat(locale, digits, true).format(value);
}

/**
 * A share (0–1) as a percentage with one decimal; a share that is not exactly 0 or 1 never reads "0%" or "100%"
 * (0,9996 is "99,96%", 0,0000001 is "<0,001%").
 */
export function formatShare(value: number, locale: string): string {
  const percent = (digits: number) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: digits }).format(value);
  if (value > 0 && value < 1) {
    for (let digits = 1; digits <= 3; digits += 1) {
      const rounded = roundTo(value * 100, digits);
      if (rounded > 0 && rounded < 100) return percent(digits);
    }
    if (value < 0.5) return `<${new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 3 }).format(0.00001)}`;
    return `>${new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 3 }).format(0.99999)}`;
  }
  return percent(1);
}

/** A file's size in words: "512 B", "12 kB", "1,4 MB" (attachments of meetings and practices). */
export function formatFileSize(bytes: number, locale: string): string {
  if (bytes < 1024) return `${formatNumber(bytes, locale)} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(Math.round(bytes / 1024), locale)} kB`;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(bytes / (1024 * 1024))} MB`;
}
