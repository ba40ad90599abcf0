import { fileTypeFromBuffer } from 'file-type';
import { allowedTypeBySignature, isPlainText, textTypeFor, type AllowedFileType } from '../../../common/domain/files';

/**
 * The allowed type of a file by its content (file-type's signatures; text when no signature matches and the bytes are
 * valid UTF-8 without markup), or null when the content is of a type the platform does not keep. The name only chooses
 * among text types (CSV, Markdown, plain text); it never makes a file of one type pass for another.
 */
export async function detectAllowedType(content: Uint8Array, name: string): Promise<{ type: AllowedFileType | null; detected: string }> {
  const found = await fileTypeFromBuffer(content);
  if (found) return { type: allowedTypeBySignature(found.mime), detected: found.mime };
  if (isPlainText(content)) {
    const type = textTypeFor(name);
    return { type, detected: type.mediaType };
  }
  return { type: null, detected: 'unknown' };
}
