/**
 * Italian fiscal codes (codice fiscale) with their check character, shared by the server and the web form so the
 * form can explain a mistake before anything is sent.
 *
 * - 11 digits: companies, public bodies, associations. The same algorithm as VAT numbers (partita IVA): digits in
 *   odd positions are summed, digits in even positions are doubled (minus 9 when above 9), and the 11th digit
 *   makes the total a multiple of 10.
 * - 16 characters: personal codes (sole traders). The 16th letter is computed from the first 15 with the
 *   Agenzia delle Entrate tables; digit positions may hold letters (omocodia: L=0, M=1, … V=9) when two people
 *   would otherwise share a code.
 */
export type FiscalCodeKind = 'numeric' | 'personal';

export type FiscalCodeCheck =
  | { isValid: true; kind: FiscalCodeKind; normalized: string }
  | { isValid: false; reason: 'empty' | 'format'; normalized: string }
  | { isValid: false; reason: 'check_digit'; kind: FiscalCodeKind; normalized: string; expected: string; found: string };

const PERSONAL_PATTERN = /^[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/;
const ODD_VALUES: Record<string, number> = {};
const EVEN_VALUES: Record<string, number> = {};
// Official table for characters in odd positions (1st, 3rd, … counting from 1): digits and letters share values.
const ODD_TABLE = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];
for (let i = 0; i < 26; i += 1) {
  const letter = String.fromCharCode(65 + i);
  ODD_VALUES[letter] = ODD_TABLE[i]!;
  EVEN_VALUES[letter] = i;
  if (i < 10) {
    ODD_VALUES[String(i)] = ODD_TABLE[i]!;
    EVEN_VALUES[String(i)] = i;
  }
}

/** Upper case without spaces, dots or dashes: what people paste from letterheads. */
export function normalizeFiscalCode(raw: string): string {
  return raw.replace(/[\s.\-]/g, '').toUpperCase();
}

/** The check digit an 11-digit code (or VAT number) must end with, computed from its first 10 digits. */
export function numericCheckDigit(firstTen: string): string {
  let sum = 0;
  for (let i = 0; i < 10; i += 1) {
    const digit = Number(firstTen[i]);
    if (i % 2 === 0) sum += digit;
    else sum += digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
  }
  return String((10 - (sum % 10)) % 10);
}

/** The check letter of a 16-character personal code, computed from its first 15 characters. */
export function personalCheckLetter(firstFifteen: string): string {
  let sum = 0;
  for (let i = 0; i < 15; i += 1) {
    const character = firstFifteen[i]!;
    sum += i % 2 === 0 ? ODD_VALUES[character]! : EVEN_VALUES[character]!;
  }
  return String.fromCharCode(65 + (sum % 26));
}

export function checkFiscalCode(raw: string): FiscalCodeCheck {
  const normalized = normalizeFiscalCode(raw);
  if (normalized === '') return { isValid: false, reason: 'empty', normalized };
  if (/^\d{11}$/.test(normalized)) {
    const expected = numericCheckDigit(normalized.slice(0, 10));
    const found = normalized[10]!;
    return expected === found
      ? { isValid: true, kind: 'numeric', normalized }
      : { isValid: false, reason: 'check_digit', kind: 'numeric', normalized, expected, found };
  }
  if (PERSONAL_PATTERN.test(normalized)) {
    const expected = personalCheckLetter(normalized.slice(0, 15));
    const found = normalized[15]!;
    return expected === found
      ? { isValid: true, kind: 'personal', normalized }
      : { isValid: false, reason: 'check_digit', kind: 'personal', normalized, expected, found };
  }
  return { isValid: false, reason: 'format', normalized };
}

/** A VAT number (partita IVA) is always 11 digits with the numeric check digit; an optional "IT" prefix is dropped. */
export function checkVatNumber(raw: string): FiscalCodeCheck {
  const normalized = normalizeFiscalCode(raw).replace(/^IT/, '');
  if (normalized === '') return { isValid: false, reason: 'empty', normalized };
  if (!/^\d{11}$/.test(normalized)) return { isValid: false, reason: 'format', normalized };
  return checkFiscalCode(normalized);
}

/** One sentence a person understands, for forms (Italian) and the API (English). */
export function describeFiscalCodeProblem(check: FiscalCodeCheck, language: 'it' | 'en' = 'en'): string | null {
  if (check.isValid) return null;
  if (check.reason === 'empty') return language === 'it' ? 'Il codice fiscale è vuoto.' : 'The fiscal code is empty.';
  if (check.reason !== 'check_digit') {
    return language === 'it'
      ? 'Il codice fiscale deve avere 11 cifre (enti, imprese, associazioni) oppure 16 caratteri (persone fisiche).'
      : 'A fiscal code has 11 digits (bodies, firms, associations) or 16 characters (persons).';
  }
  const last = check.kind === 'numeric' ? { it: "l'ultima cifra", en: 'the last digit' } : { it: "l'ultimo carattere", en: 'the last character' };
  return language === 'it'
    ? `Il carattere di controllo non torna: con questi caratteri ${last.it} dovrebbe essere ${check.expected}, non ${check.found}. Probabilmente un carattere è stato digitato male.`
    : `The check character does not match: with these characters ${last.en} should be ${check.expected}, not ${check.found}. Probably one character was mistyped.`;
}
