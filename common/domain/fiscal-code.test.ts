import { describe, expect, it } from 'vitest';
import { checkFiscalCode, checkVatNumber, describeFiscalCodeProblem } from './fiscal-code';

// Fiscal codes published by the bodies themselves (footers of their websites, open-data registries).
const PUBLIC_BODIES = {
  'Comune di Torino': '00514490010',
  'Comune di Milano': '01199250158',
  'Roma Capitale': '02438750586',
  'Regione Piemonte': '80087670016',
  INPS: '80078750587',
  'Agenzia delle Entrate': '06363391001',
};

describe('checkFiscalCode', () => {
  it.each(Object.entries(PUBLIC_BODIES))('accepts the published code of %s', (_, code) => {
    expect(checkFiscalCode(code)).toEqual({ isValid: true, kind: 'numeric', normalized: code });
  });

  it('refuses a published code with one mistyped digit and says which check digit was expected', () => {
    const mistyped = '00514490020'; // Comune di Torino with the 10th digit typed 2 instead of 1
    const check = checkFiscalCode(mistyped);
    expect(check).toMatchObject({ isValid: false, reason: 'check_digit', expected: '8', found: '0' });
    expect(describeFiscalCodeProblem(check, 'it')).toContain("l'ultima cifra dovrebbe essere 8, non 0");
  });

  it('catches every single-digit typo in an 11-digit code', () => {
    const code = PUBLIC_BODIES['Regione Piemonte'];
    for (let position = 0; position < 11; position += 1) {
      for (let digit = 0; digit <= 9; digit += 1) {
        if (String(digit) === code[position]) continue;
        const typo = code.slice(0, position) + digit + code.slice(position + 1);
        expect(checkFiscalCode(typo).isValid, typo).toBe(false);
      }
    }
  });

  it('accepts a personal code and its omocodia variants, and refuses a wrong check letter', () => {
    expect(checkFiscalCode('rssmra85t10a562s')).toEqual({ isValid: true, kind: 'personal', normalized: 'RSSMRA85T10A562S' });
    // Omocodia: digits replaced from the right by L..V (2 → N, 0 → L), with the check letter recomputed.
    expect(checkFiscalCode('RSSMRA85T10A56NH').isValid).toBe(true);
    expect(checkFiscalCode('RSSMRA85T1LA56NK').isValid).toBe(true);
    expect(checkFiscalCode('RSSMRA85T10A562T')).toMatchObject({ isValid: false, reason: 'check_digit', kind: 'personal', expected: 'S' });
  });

  it('normalizes spaces and dots, and names format problems', () => {
    expect(checkFiscalCode(' 005 144 900 10 ').isValid).toBe(true);
    expect(checkFiscalCode('12345')).toMatchObject({ isValid: false, reason: 'format' });
    expect(checkFiscalCode('')).toMatchObject({ isValid: false, reason: 'empty' });
    expect(describeFiscalCodeProblem(checkFiscalCode('12345'), 'it')).toContain('11 cifre');
  });
});

describe('checkVatNumber', () => {
  it('accepts an IT-prefixed VAT number and refuses a personal code', () => {
    expect(checkVatNumber('IT01199250158').isValid).toBe(true);
    expect(checkVatNumber('RSSMRA85T10A562S')).toMatchObject({ isValid: false, reason: 'format' });
  });
});
