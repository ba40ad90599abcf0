import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error';
import { readTextFile } from './read-text-file';

const CSV = 'nome;comune\nBar Centrale;Agliè\nCaffè Roma;Pinerolo\n';
const latin1 = (text: string) => Uint8Array.from(Buffer.from(text, 'latin1'));
const utf16be = (text: string) => Uint8Array.from(Buffer.from(text, 'utf16le').swap16());
const concat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((part) => [...part]));
const refusal = (bytes: Uint8Array) => {
  try {
    readTextFile(bytes);
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('not refused');
};

/** Issue 11, CSV encodings: one reader for every import, deciding the encoding from the bytes. */
describe('readTextFile', () => {
  it('CSV encodings: UTF-8 with or without BOM, UTF-16 LE and BE with their BOM', () => {
    expect(readTextFile(Uint8Array.from(Buffer.from(CSV, 'utf8')))).toEqual({ text: CSV, encoding: 'utf-8' });
    expect(readTextFile(concat(Uint8Array.of(0xef, 0xbb, 0xbf), Uint8Array.from(Buffer.from(CSV, 'utf8'))))).toEqual({ text: CSV, encoding: 'utf-8' });
    expect(readTextFile(concat(Uint8Array.of(0xff, 0xfe), Uint8Array.from(Buffer.from(CSV, 'utf16le'))))).toEqual({ text: CSV, encoding: 'utf-16le' });
    expect(readTextFile(concat(Uint8Array.of(0xfe, 0xff), utf16be(CSV)))).toEqual({ text: CSV, encoding: 'utf-16be' });
  });

  it('CSV encodings: a UTF-16 file without BOM is recognised, not refused as "no column mapped"', () => {
    expect(readTextFile(Uint8Array.from(Buffer.from(CSV, 'utf16le')))).toEqual({ text: CSV, encoding: 'utf-16le' });
    expect(readTextFile(utf16be(CSV))).toEqual({ text: CSV, encoding: 'utf-16be' });
  });

  it('CSV encodings: a Windows-1252 file (Excel on Windows) is detected and named', () => {
    expect(readTextFile(latin1(CSV))).toEqual({ text: CSV, encoding: 'windows-1252' });
    // the euro sign is 0x80 in Windows-1252
    expect(readTextFile(Uint8Array.from([...latin1('costo\n'), 0x80, ...latin1(' 5\n')])).text).toBe('costo\n€ 5\n');
  });

  it('CSV encodings: one invalid UTF-8 byte in a UTF-8 file refuses it naming the first bad line, instead of reading it whole as Windows-1252', () => {
    const mixed = concat(Uint8Array.from(Buffer.from('nome;comune\nBar Centrale;Agliè\n', 'utf8')), latin1('Caffè Roma;Pinerolo\n'));
    expect(refusal(mixed)).toMatchObject({ code: 'IMPORT.UNREADABLE_TEXT', message: expect.stringContaining('line 3') });
    const withBom = concat(Uint8Array.of(0xef, 0xbb, 0xbf), latin1('nome\nCaffè\n'));
    expect(refusal(withBom).message).toContain('line 2');
  });

  it('NUL characters: a NUL in a file is refused naming its line, before any SQL', () => {
    expect(refusal(Uint8Array.from(Buffer.from('nome;comune\nBar\u0000;Agliè\n', 'utf8')))).toMatchObject({ code: 'IMPORT.UNREADABLE_TEXT', message: expect.stringContaining('line 2') });
  });
});
