import { foldForSearch } from '../../../common/domain/text';
import { recordAudit } from '../../platform/audit/audit';
import { inTransaction, type UseCaseContext } from '../../platform/use-case';
import { bulkInsertOrganizations, selectMunicipalitiesWithoutBody, type MunicipalityWithoutBody, type OrganizationRecord } from './organizations.repository';

/** Queued (in the territory load's transaction) when the municipalities change; run by the job worker. */
export const SYNC_MUNICIPAL_BODIES_JOB = 'organizations.sync-municipal-bodies';
export const MUNICIPAL_BODIES_SOURCE = 'ISTAT – elenco dei comuni con i codici fiscali (SITUAS)';
/** Short batches: on the embedded database a web request waits at most for one of them. */
export const MUNICIPAL_BODIES_BATCH = 250;

function municipalBodyRecord(m: MunicipalityWithoutBody): OrganizationRecord {
  const legalName = `Comune di ${m.name}`;
  return {
    legal_name: legalName, short_name: null, kind: 'municipality', sector: 'public', fiscal_code: m.fiscal_code, vat_number: null,
    size_class: null, activity_code: null, address: null, postal_code: null, municipality_code: m.istat_code, website: null, email: null,
    pec: null, phone: null, notes: '', description: '', tags: [], status: 'active', name_folded: foldForSearch(legalName),
    search_document: foldForSearch(legalName), source: MUNICIPAL_BODIES_SOURCE,
  };
}

/**
 * Every municipality is also an actor: one public body (kind municipality) per municipality, keyed by its real fiscal
 * code from the territory, so a district's municipalities can be members without anyone typing them in. Idempotent:
 * a municipality whose fiscal code an organization already holds (created here, typed in, or imported from the
 * 5x1000 list) is left as it is, so the same body is never created twice. Short audited batches.
 */
export async function syncMunicipalBodies(context: UseCaseContext, batchSize = MUNICIPAL_BODIES_BATCH): Promise<{ created: number }> {
  let created = 0;
  let afterCode = '';
  for (;;) {
    const batch = await inTransaction(context, async (tx) => {
      const municipalities = await selectMunicipalitiesWithoutBody(tx, afterCode, batchSize);
      if (municipalities.length === 0) return municipalities;
      const ids = await bulkInsertOrganizations(tx, municipalities.map(municipalBodyRecord), { changedBy: 'jobs', change: 'municipal public body from the territory' });
      await recordAudit(tx, context, {
        action: 'organizations.sync-municipal-bodies', entityType: 'organization', entityId: afterCode || 'first',
        after: { createdIds: ids, municipalityCodes: municipalities.map((m) => m.istat_code) },
      });
      return municipalities;
    });
    if (batch.length === 0) return { created };
    created += batch.length;
    afterCode = batch.at(-1)!.istat_code;
  }
}
