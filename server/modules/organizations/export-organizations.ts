import type { TOrganizationFilters } from '../../../common/contracts/organizations';
import { assertCan } from '../../platform/access/policy';
import { csvField } from '../../platform/export/csv';
import type { UseCaseContext } from '../../platform/use-case';
import { OrganizationActions } from './organizations.policy';
import { selectOrganizationsForExport, toSummary } from './organizations.repository';

const COLUMNS = [
  ['ragione_sociale', 'legalName'], ['nome_breve', 'shortName'], ['tipo', 'kind'], ['settore', 'sector'], ['codice_fiscale', 'fiscalCode'],
  ['partita_iva', 'vatNumber'], ['dimensione', 'sizeClass'], ['ateco', 'activityCode'], ['comune_istat', 'municipalityCode'],
  ['comune', 'municipalityName'], ['sito_web', 'website'], ['email', 'email'], ['pec', 'pec'], ['etichette', 'tags'], ['stato', 'status'],
] as const;

function csvCell(value: unknown): string {
  const text = Array.isArray(value) ? value.join('|') : value === null || value === undefined ? '' : String(value);
  // Always quoted: codes with leading zeros and tags read as text in Italian spreadsheets.
  return csvField(text, { alwaysQuote: true });
}

/**
 * The filtered directory as CSV (UTF-8 with BOM, semicolon-separated for Italian spreadsheets): public fields only,
 * whoever asks, so the file can be shared without leaking contacts.
 */
export async function* exportOrganizationsCsv(context: UseCaseContext, filters: TOrganizationFilters): AsyncGenerator<string> {
  assertCan(context.actor, OrganizationActions['organizations.read']);
  yield `\uFEFF${COLUMNS.map(([header]) => header).join(';')}\r\n`;
  for await (const rows of selectOrganizationsForExport(context.db.orm, filters)) {
    yield rows
      .map(toSummary)
      .map((summary) => `${COLUMNS.map(([, key]) => csvCell(summary[key])).join(';')}\r\n`)
      .join('');
  }
}
