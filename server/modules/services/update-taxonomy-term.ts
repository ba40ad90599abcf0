import { ZTaxonomyTermUpdate, type TTaxonomyTermUpdate } from '../../../common/contracts/services';
import { assertCan } from '../../platform/access/policy';
import { recordAudit } from '../../platform/audit/audit';
import { staleVersion } from '../../platform/errors/app-error';
import { parseInput } from '../../platform/errors/parse-input';
import { inTransaction, type UseCaseContext } from '../../platform/use-case';
import { ServiceActions } from './services.policy';
import { taxonomyTermNotFound } from './services.errors';
import { refreshKeywordsOfTerm, selectTaxonomyTerm, updateTaxonomyTermIfVersion, type TaxonomyTermRow } from './service-taxonomy.repository';

/** Renames or re-describes a category (platform admins); services filed under it are found by the new label. */
export async function updateTaxonomyTerm(context: UseCaseContext, id: string, rawInput: TTaxonomyTermUpdate): Promise<TaxonomyTermRow> {
  assertCan(context.actor, ServiceActions['services.taxonomy.manage']);
  const input = parseInput(ZTaxonomyTermUpdate, rawInput);
  return inTransaction(context, async (tx) => {
    const before = await selectTaxonomyTerm(tx, id);
    if (!before) throw taxonomyTermNotFound(id);
    const { version, ...changes } = input;
    const after = await updateTaxonomyTermIfVersion(tx, id, version, changes);
    if (!after) throw staleVersion('taxonomy term', id, version, before.version);
    if (after.labelIt !== before.labelIt) await refreshKeywordsOfTerm(tx, id, before.labelIt, after.labelIt);
    await recordAudit(tx, context, { action: 'services.update-taxonomy-term', entityType: 'taxonomy_term', entityId: id, before, after });
    return after;
  });
}
