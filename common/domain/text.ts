/**
 * Folds a name for accent- and case-insensitive matching: `Agliè` → `aglie`, `Forlì-Cesena` → `forli-cesena`.
 * Used on both sides so the stored search key and the typed query always fold the same way.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’`´]/g, "'")
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
