import { describe, expect, it } from 'vitest';
import { allowedTypeBySignature, ALLOWED_FILE_TYPES, extensionOf, FALLBACK_FILE_NAME, FILE_NAME_MAX_LENGTH, isPlainText, nameForType, sanitizeFileName, textTypeFor } from './files';

const typeOf = (mediaType: string) => ALLOWED_FILE_TYPES.find((type) => type.mediaType === mediaType)!;
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('allowed types', () => {
  it('accepts by signature only the documents on the list', () => {
    expect(allowedTypeBySignature('application/pdf')?.extensions).toEqual(['pdf']);
    expect(allowedTypeBySignature('image/png')?.mediaType).toBe('image/png');
    expect(allowedTypeBySignature('application/vnd.oasis.opendocument.spreadsheet')?.extensions).toEqual(['ods']);
    for (const refused of ['application/x-msdownload', 'application/zip', 'text/html', 'image/svg+xml', 'image/gif', 'application/x-sh']) {
      expect(allowedTypeBySignature(refused), refused).toBeNull();
    }
  });

  it('never lets a signature pass as a text type', () => {
    expect(allowedTypeBySignature('text/plain')).toBeNull();
    expect(allowedTypeBySignature('text/csv')).toBeNull();
  });

  it('chooses the text type by the extension, plain text when the name claims none of them', () => {
    expect(textTypeFor('presenze.csv').mediaType).toBe('text/csv');
    expect(textTypeFor('NOTE.MD').mediaType).toBe('text/markdown');
    expect(textTypeFor('note.markdown').mediaType).toBe('text/markdown');
    expect(textTypeFor('leggimi.txt').mediaType).toBe('text/plain');
    expect(textTypeFor('relazione.pdf').mediaType).toBe('text/plain');
    expect(textTypeFor('senza estensione').mediaType).toBe('text/plain');
  });
});

describe('extensionOf', () => {
  it('is the lower-cased part after the last dot, or null', () => {
    expect(extensionOf('Verbale.PDF')).toBe('pdf');
    expect(extensionOf('archivio.tar.gz')).toBe('gz');
    expect(extensionOf('senza')).toBeNull();
    expect(extensionOf('.nascosto')).toBeNull();
    expect(extensionOf('finisce.')).toBeNull();
    expect(extensionOf('a.b')).toBe('b');
  });
});

describe('nameForType', () => {
  it('keeps a name whose extension fits its type', () => {
    expect(nameForType('foto.JPEG', typeOf('image/jpeg'))).toBe('foto.JPEG');
    expect(nameForType('foto.jpg', typeOf('image/jpeg'))).toBe('foto.jpg');
  });

  it('replaces an extension that claims another type', () => {
    expect(nameForType('scansione.pdf', typeOf('image/png'))).toBe('scansione.png');
    expect(nameForType('programma.exe', typeOf('text/plain'))).toBe('programma.txt');
    expect(nameForType('pagina.HTML', typeOf('text/plain'))).toBe('pagina.txt');
  });

  it('appends the extension to a name that has none or whose ending is no type', () => {
    expect(nameForType('relazione', typeOf('application/pdf'))).toBe('relazione.pdf');
    expect(nameForType('verbale 12.03.2027', typeOf('application/pdf'))).toBe('verbale 12.03.2027.pdf');
    expect(nameForType('foto', typeOf('image/jpeg'))).toBe('foto.jpg');
  });
});

describe('sanitizeFileName', () => {
  it('keeps an ordinary name as it is', () => {
    expect(sanitizeFileName('Verbale del 3 marzo, tavolo anziani (bozza).pdf')).toBe('Verbale del 3 marzo, tavolo anziani (bozza).pdf');
    expect(sanitizeFileName('Attività già svolte.odt')).toBe('Attività già svolte.odt');
  });

  it('keeps only the last segment of a path, with either separator', () => {
    expect(sanitizeFileName('C:\\Documenti\\verbale.pdf')).toBe('verbale.pdf');
    expect(sanitizeFileName('../../etc/passwd')).toBe('passwd');
    expect(sanitizeFileName('cartella/')).toBe(FALLBACK_FILE_NAME);
  });

  it('removes control and invisible characters that could hide the real extension', () => {
    expect(sanitizeFileName('fattura\u202Efdp.exe')).toBe('fatturafdp.exe');
    expect(sanitizeFileName('a\u0000b\u0007c\u001f\u007f\u0085d.pdf')).toBe('abcd.pdf');
    expect(sanitizeFileName('\uFEFFnome\u200B.pdf')).toBe('nome.pdf');
    expect(sanitizeFileName('x\u2066y\u2069.pdf')).toBe('xy.pdf');
  });

  it('replaces the characters file systems and headers reserve', () => {
    expect(sanitizeFileName('a<b>c:d"e|f?g*h.pdf')).toBe('a_b_c_d_e_f_g_h.pdf');
  });

  it('collapses white space and trims dots and spaces at both ends', () => {
    expect(sanitizeFileName('  nome \t con\n spazi .pdf. ')).toBe('nome con spazi .pdf');
    expect(sanitizeFileName('..nascosto')).toBe('nascosto');
    expect(sanitizeFileName(' . . ')).toBe(FALLBACK_FILE_NAME);
  });

  it('turns a Windows device name into an ordinary one', () => {
    expect(sanitizeFileName('CON')).toBe('_CON');
    expect(sanitizeFileName('nul.txt')).toBe('_nul.txt');
    expect(sanitizeFileName('com1.pdf')).toBe('_com1.pdf');
    expect(sanitizeFileName('console.pdf')).toBe('console.pdf');
  });

  it('composes accents into one character (NFC)', () => {
    expect(sanitizeFileName('citta\u0300.pdf')).toBe('città.pdf');
  });

  it('bounds the length, keeping the extension', () => {
    const long = sanitizeFileName(`${'a'.repeat(400)}.pdf`);
    expect(long).toBe(`${'a'.repeat(FILE_NAME_MAX_LENGTH - 4)}.pdf`);
    expect(Array.from(sanitizeFileName(`${'è'.repeat(400)}.docx`))).toHaveLength(FILE_NAME_MAX_LENGTH);
    expect(sanitizeFileName(`${'è'.repeat(400)}.docx`).endsWith('è.docx')).toBe(true);
    expect(sanitizeFileName('a'.repeat(FILE_NAME_MAX_LENGTH))).toBe('a'.repeat(FILE_NAME_MAX_LENGTH));
    expect(sanitizeFileName(`b.${'c'.repeat(300)}`)).toBe(`b.${'c'.repeat(FILE_NAME_MAX_LENGTH - 2)}`);
    expect(sanitizeFileName(`${'parola '.repeat(30)}.pdf`)).toBe(`${'parola '.repeat(30).slice(0, FILE_NAME_MAX_LENGTH - 4).trimEnd()}.pdf`);
    expect(sanitizeFileName(`${'x'.repeat(FILE_NAME_MAX_LENGTH)}.pdf`)).toHaveLength(FILE_NAME_MAX_LENGTH);
  });
});

describe('isPlainText', () => {
  it('accepts UTF-8 text with tabs, line ends and a BOM', () => {
    expect(isPlainText(utf8('nome;ente\r\nAnna;Comune\n'))).toBe(true);
    expect(isPlainText(utf8('\uFEFF# Titolo\n\n- perché\tsì\f'))).toBe(true);
    expect(isPlainText(utf8('a < b, e <abbr> non è un inizio di pagina'))).toBe(true);
    expect(isPlainText(utf8('<nota> scritta a mano'))).toBe(true);
    expect(isPlainText(new Uint8Array())).toBe(true);
  });

  it('refuses bytes that are not UTF-8', () => {
    expect(isPlainText(Uint8Array.from([0x63, 0x69, 0x74, 0x74, 0xe0]))).toBe(false);
    expect(isPlainText(Uint8Array.from([0xff, 0xfe, 0x41, 0x00]))).toBe(false);
  });

  it('refuses control characters (binary content)', () => {
    expect(isPlainText(utf8('testo\u0000binario'))).toBe(false);
    expect(isPlainText(utf8('a\u0001'))).toBe(false);
    expect(isPlainText(utf8('a\u0008'))).toBe(false);
    expect(isPlainText(utf8('a\u000b'))).toBe(false);
    expect(isPlainText(utf8('a\u000e'))).toBe(false);
    expect(isPlainText(utf8('a\u001f'))).toBe(false);
    expect(isPlainText(utf8('a\u007f'))).toBe(false);
  });

  it('refuses text a browser would render as a page or an image with scripts', () => {
    for (const markup of [
      '<!DOCTYPE html><p>x</p>', '<html>', '  \n<HTML lang="it">', '<script>alert(1)</script>', '<iframe src=x>', '<svg onload=alert(1)>',
      '<?xml version="1.0"?><svg/>', '<!-- commento -->', '<body onload="x()">', '<a href="javascript:x">', '<p>', '<div\tclass="x">', '<b/>', '<h1>', '<table>',
      '<style>', '<title>', '<head>', '<br>', '<font>', '<object>', '<embed>', '<math>', '<html',
    ]) {
      expect(isPlainText(utf8(markup)), markup).toBe(false);
    }
    expect(isPlainText(utf8('\uFEFF<html>'))).toBe(false);
  });
});
