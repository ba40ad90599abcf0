/**
 * Attachments (server/platform/files, ADR 0027): which kinds of file the platform keeps, decided by their content and
 * never by their name, and how a name a browser sent becomes one that is safe to store and to send back. Pure rules, so
 * the web can say before an upload what will be refused, and mutation-tested like the rest of common/domain.
 */

/** The default largest attachment, in bytes (DISTRETTO_FILE_MAX_BYTES changes it). */
export const FILE_MAX_BYTES_DEFAULT = 10 * 1024 * 1024;
/** The longest stored name, in characters, extension included. */
export const FILE_NAME_MAX_LENGTH = 150;
/** What a name becomes when nothing of it survives sanitizing. */
export const FALLBACK_FILE_NAME = 'allegato';

export interface AllowedFileType {
  mediaType: string;
  /** The extensions a name of this type may end with; the first is the one given to a name that has none of them. */
  extensions: readonly string[];
  /** Recognized from its bytes (file-type's signatures) or, for text, by being valid UTF-8 without markup. */
  detectedAs: 'signature' | 'text';
}

/**
 * The allow-list: documents people attach to minutes, practices, pacts and calls. Anything else (executables, archives,
 * HTML, SVG, scripts) is refused, whatever the file is called.
 */
export const ALLOWED_FILE_TYPES: readonly AllowedFileType[] = [
  { mediaType: 'application/pdf', extensions: ['pdf'], detectedAs: 'signature' },
  { mediaType: 'image/png', extensions: ['png'], detectedAs: 'signature' },
  { mediaType: 'image/jpeg', extensions: ['jpg', 'jpeg'], detectedAs: 'signature' },
  { mediaType: 'application/vnd.oasis.opendocument.text', extensions: ['odt'], detectedAs: 'signature' },
  { mediaType: 'application/vnd.oasis.opendocument.spreadsheet', extensions: ['ods'], detectedAs: 'signature' },
  { mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'], detectedAs: 'signature' },
  { mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'], detectedAs: 'signature' },
  { mediaType: 'text/csv', extensions: ['csv'], detectedAs: 'text' },
  { mediaType: 'text/markdown', extensions: ['md', 'markdown'], detectedAs: 'text' },
  // Last of the text types: a text whose name claims none of the others.
  { mediaType: 'text/plain', extensions: ['txt'], detectedAs: 'text' },
];

/** The allowed type detected by its signature, or null when the signature names a type that is not allowed. */
export function allowedTypeBySignature(mediaType: string): AllowedFileType | null {
  return ALLOWED_FILE_TYPES.find((type) => type.detectedAs === 'signature' && type.mediaType === mediaType) ?? null;
}

/** A text file's type, chosen by its name's extension among the text types (plain text when it claims none). */
export function textTypeFor(name: string): AllowedFileType {
  const extension = extensionOf(name);
  const textTypes = ALLOWED_FILE_TYPES.filter((type) => type.detectedAs === 'text');
  return textTypes.find((type) => extension !== null && type.extensions.includes(extension)) ?? textTypes[textTypes.length - 1]!;
}

/**
 * Extensions that claim a type: a name ending in one the content belies has it replaced ("scansione.pdf" holding a PNG
 * is stored as "scansione.png"); any other ending ("verbale 12.03.2027") is kept and the right extension appended.
 */
const CLAIMING_EXTENSIONS = new Set([
  ...ALLOWED_FILE_TYPES.flatMap((type) => type.extensions),
  'doc', 'xls', 'ppt', 'pptx', 'odp', 'rtf', 'gif', 'bmp', 'tif', 'tiff', 'webp', 'heic', 'svg', 'htm', 'html', 'xhtml',
  'xml', 'js', 'mjs', 'exe', 'msi', 'bat', 'cmd', 'com', 'scr', 'ps1', 'sh', 'jar', 'zip', 'rar', '7z', 'gz', 'tar', 'json',
]);

/** The lower-cased extension of a name ("Verbale.PDF" → "pdf"), or null when it has none. */
export function extensionOf(name: string): string | null {
  const dot = name.lastIndexOf('.');
  if (dot <= 0 || dot === name.length - 1) return null;
  return name.slice(dot + 1).toLowerCase();
}

/** The name with an extension of its real type: kept when it already has one, replaced when it claims another type. */
export function nameForType(name: string, type: AllowedFileType): string {
  const extension = extensionOf(name);
  if (extension !== null && type.extensions.includes(extension)) return name;
  const base = extension !== null && CLAIMING_EXTENSIONS.has(extension) ? name.slice(0, name.length - extension.length - 1) : name;
  return `${base}.${type.extensions[0]}`;
}

// C0 and C1 controls, DEL, and the invisible characters that reorder or hide text (bidirectional overrides and
// isolates, zero-width characters, the BOM): "fattura\u202Efdp.exe" must not read as "fatturaexe.pdf".
// eslint-disable-next-line no-control-regex
const INVISIBLE_OR_CONTROL = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;
// Characters a file system or a header gives a meaning to.
const RESERVED = /[<>:"/\\|?*]/g;
// Names Windows keeps for devices, whatever their extension.
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i;

/**
 * A name safe to store and to send in Content-Disposition: only its last path segment (browsers of old sent the whole
 * path, "C:\Documenti\verbale.pdf"), in NFC, without control or invisible characters, without characters file systems
 * reserve, without leading or trailing dots and spaces, not a Windows device name, at most FILE_NAME_MAX_LENGTH
 * characters with its extension kept; FALLBACK_FILE_NAME when nothing is left.
 */
export function sanitizeFileName(raw: string): string {
  const lastSegment = raw.split(/[/\\]/).pop() ?? '';
  let name = lastSegment
    .normalize('NFC')
    .replace(INVISIBLE_OR_CONTROL, '')
    .replace(RESERVED, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  if (WINDOWS_DEVICE.test(name)) name = `_${name}`;
  name = truncateKeepingExtension(name, FILE_NAME_MAX_LENGTH);
  return name === '' ? FALLBACK_FILE_NAME : name;
}

function truncateKeepingExtension(name: string, maxLength: number): string {
  const characters = Array.from(name);
  if (characters.length <= maxLength) return name;
  const extension = extensionOf(name);
  // An "extension" as long as the limit is no extension: cut the name as it is.
  if (extension === null || extension.length > 10) return characters.slice(0, maxLength).join('').trimEnd();
  const suffix = `.${extension}`;
  const base = characters.slice(0, characters.length - suffix.length).slice(0, maxLength - suffix.length).join('').trimEnd();
  return `${base}${name.slice(name.length - suffix.length)}`;
}

// The starts of a document a browser would render as HTML or XML (the WHATWG MIME sniffing standard's list, plus SVG
// and XML): text that begins with one is markup, not a note, and is refused.
const MARKUP_START = /^<(!doctype html|html|head|script|iframe|h1|div|font|table|a|style|title|b|body|br|p|svg|math|object|embed|!--|\?xml)(?=[\s>/]|$)/i;

/**
 * Whether bytes no signature recognized are text the platform keeps: valid UTF-8 (a BOM allowed), no control
 * characters but tab, line feed, form feed and carriage return, and not starting as markup.
 */
export function isPlainText(bytes: Uint8Array): boolean {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return false;
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text)) return false;
  return !MARKUP_START.test(text.trimStart());
}
