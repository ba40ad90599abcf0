/** A file's bytes in base64, for imports: the server reads them with its one text-file reader (encoding detected). */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

const ENCODING_NAMES: Record<string, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  'windows-1252': 'Windows-1252',
  'iso-8859-15': 'ISO-8859-15',
  'iso-8859-2': 'ISO-8859-2',
  'windows-1250': 'Windows-1250',
};

/** The name of the encoding an import was read in, as editors show it (the same in every language). */
export const encodingName = (encoding: string): string => ENCODING_NAMES[encoding] ?? encoding.toUpperCase();
