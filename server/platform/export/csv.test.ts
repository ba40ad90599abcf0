import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from './csv';

describe('csv', () => {
  it('quotes only what needs quoting and doubles quotes', () => {
    expect(csvField('Pinerolo')).toBe('Pinerolo');
    expect(csvField('Rossi, Bianchi')).toBe('"Rossi, Bianchi"');
    expect(csvField('a;b')).toBe('"a;b"');
    expect(csvField('il "nido"')).toBe('"il ""nido"""');
    expect(csvField('riga\nnuova')).toBe('"riga\nnuova"');
    expect(csvField(null)).toBe('');
    expect(csvField('Aurora', { alwaysQuote: true })).toBe('"Aurora"');
  });

  it('keeps typed formulas from running in a spreadsheet, but not negative numbers', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField(-3)).toBe('-3');
  });

  it('writes a header and CRLF lines', () => {
    expect(toCsv(['a', 'b'], [[1, 'x'], [null, true]])).toBe('a,b\r\n1,x\r\n,true\r\n');
  });
});
