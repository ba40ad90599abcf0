export type CsvValue = string | number | boolean | null;

/**
 * One RFC 4180 field: quoted when it holds a quote, a comma, a semicolon or a line break (so the same field works in
 * comma- and semicolon-separated files), quotes doubled. Text starting like a spreadsheet formula (= + - @, tab, CR)
 * gets a leading apostrophe so a spreadsheet never runs what somebody typed (CSV injection); numbers stay numbers.
 */
export function csvField(value: CsvValue, options: { alwaysQuote?: boolean } = {}): string {
  let text = value === null ? '' : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return options.alwaysQuote || /[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A comma-separated file with a header row; lines end with CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return [header, ...rows].map((row) => row.map((value) => csvField(value)).join(',')).join('\r\n') + '\r\n';
}
