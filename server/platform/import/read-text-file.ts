import chardet from 'chardet';
import type { TextFileEncoding } from '../../../common/domain/text-files';
import { AppError } from '../errors/app-error';

export interface TextFile {
  text: string;
  encoding: TextFileEncoding;
}

/** chardet's names → the single-byte encodings an Italian office produces (Latin-1 is read as its superset 1252). */
const LEGACY_ENCODINGS: Record<string, TextFileEncoding> = {
  'iso-8859-1': 'windows-1252',
  'windows-1252': 'windows-1252',
  'iso-8859-15': 'iso-8859-15',
  'iso-8859-2': 'iso-8859-2',
  'windows-1250': 'windows-1250',
};

function refuse(message: string): AppError {
  return new AppError('IMPORT.UNREADABLE_TEXT', `file: ${message}`, { fields: [{ path: 'file', message }] });
}

const lineAt = (bytes: Uint8Array, end: number, step = 1, offset = 0) => {
  let line = 1;
  for (let index = offset; index < end; index += step) if (bytes[index] === 0x0a) line += 1;
  return line;
};

/** Where UTF-8 fails: the first invalid byte, and how many valid multi-byte characters the file has. */
function scanUtf8(bytes: Uint8Array): { firstInvalid: number | null; multiByte: number } {
  let multiByte = 0;
  let firstInvalid: number | null = null;
  for (let index = 0; index < bytes.length; ) {
    const byte = bytes[index]!;
    const length = byte < 0x80 ? 1 : byte >= 0xc2 && byte <= 0xdf ? 2 : byte >= 0xe0 && byte <= 0xef ? 3 : byte >= 0xf0 && byte <= 0xf4 ? 4 : 0;
    let isValid = length > 0 && index + length <= bytes.length;
    for (let next = 1; isValid && next < length; next += 1) isValid = (bytes[index + next]! & 0xc0) === 0x80;
    if (!isValid) {
      firstInvalid ??= index;
      index += 1;
      continue;
    }
    if (length > 1) multiByte += 1;
    index += length;
  }
  return { firstInvalid, multiByte };
}

/** UTF-16 without a BOM: plain text in it has a zero byte beside nearly every character. */
function guessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const sample = bytes.subarray(0, Math.min(bytes.length, 4096) & ~1);
  if (sample.length < 4) return null;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let index = 0; index < sample.length; index += 2) {
    if (sample[index] === 0) zeroEven += 1;
    if (sample[index + 1] === 0) zeroOdd += 1;
  }
  const pairs = sample.length / 2;
  if (zeroOdd > pairs * 0.4 && zeroEven < pairs * 0.05) return 'utf-16le';
  if (zeroEven > pairs * 0.4 && zeroOdd < pairs * 0.05) return 'utf-16be';
  return null;
}

/**
 * chardet's best single-byte guess, leaning to Windows-1252: on a short Italian file "Agliè" scores about as well as
 * ISO-8859-2 "Aglič", and the districts' files come from Italian offices. Another encoding wins only by a clear margin.
 */
function legacyEncodingOf(bytes: Uint8Array): TextFileEncoding {
  const candidates = chardet.analyse(bytes).flatMap((match) => {
    const encoding = LEGACY_ENCODINGS[match.name.toLowerCase()];
    return encoding ? [{ encoding, confidence: match.confidence }] : [];
  });
  const best = candidates[0];
  const western = candidates.find((candidate) => candidate.encoding === 'windows-1252');
  if (!best || (western && western.confidence >= best.confidence - WESTERN_MARGIN)) return 'windows-1252';
  return best.encoding;
}
const WESTERN_MARGIN = 25;

function decodeStrict(bytes: Uint8Array, encoding: 'utf-8' | 'utf-16le' | 'utf-16be', skip: number): string {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(skip));
  } catch {
    const line = encoding === 'utf-8' ? lineAt(bytes, skip + (scanUtf8(bytes.subarray(skip)).firstInvalid ?? 0)) : null;
    throw refuse(line ? `line ${line}: not valid ${encoding.toUpperCase()} although the file says it is` : `not valid ${encoding.toUpperCase()} although the file says it is`);
  }
}

/**
 * Every imported text file (CSV of organizations, services, zonings) is read here, so they all agree on its encoding:
 * a BOM (UTF-8, UTF-16 LE/BE) decides; else UTF-16 recognised by its zero bytes; else strict UTF-8; else, when the
 * file has no UTF-8 character at all, a single-byte encoding detected by chardet (Windows-1252 for Excel on Windows).
 * A file that is UTF-8 with a stray byte (two files pasted together) is refused naming the first bad line rather than
 * read whole as Windows-1252 ("AgliÃ¨"). A NUL character (which PostgreSQL text cannot hold) is refused naming its
 * line. The encoding used goes into the import's report.
 */
export function readTextFile(bytes: Uint8Array): TextFile {
  let decoded: TextFile;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) decoded = { text: decodeStrict(bytes, 'utf-8', 3), encoding: 'utf-8' };
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) decoded = { text: decodeStrict(bytes, 'utf-16le', 2), encoding: 'utf-16le' };
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) decoded = { text: decodeStrict(bytes, 'utf-16be', 2), encoding: 'utf-16be' };
  else {
    const utf16 = guessUtf16(bytes);
    if (utf16) decoded = { text: decodeStrict(bytes, utf16, 0), encoding: utf16 };
    else {
      const { firstInvalid, multiByte } = scanUtf8(bytes);
      if (firstInvalid === null) decoded = { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8' };
      else if (multiByte > 0) {
        throw refuse(
          `line ${lineAt(bytes, firstInvalid)}: a byte that is not UTF-8 in a file otherwise written in UTF-8 (mixed encodings); ` +
            'save the whole file again as UTF-8',
        );
      } else {
        const encoding = legacyEncodingOf(bytes);
        decoded = { text: new TextDecoder(encoding).decode(bytes), encoding };
      }
    }
  }
  const nul = decoded.text.indexOf('\u0000');
  if (nul !== -1) {
    const line = decoded.text.slice(0, nul).split('\n').length;
    throw refuse(`line ${line}: contains a NUL character (U+0000), which text cannot hold; remove it and upload the file again`);
  }
  return decoded;
}
