/** The encodings an imported text file is read in (server/platform/import/read-text-file.ts), named in its report. */
export const TEXT_FILE_ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252', 'iso-8859-15', 'iso-8859-2', 'windows-1250'] as const;
export type TextFileEncoding = (typeof TEXT_FILE_ENCODINGS)[number];
