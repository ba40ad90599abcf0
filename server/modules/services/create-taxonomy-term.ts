import { ZTaxonomyTermCreate, type TTaxonomyTermCreate } from '../../../common/contracts/services';
import { assertCan } from '../../platform/access/policy';
import { recordAudit } from '../../platform/audit/audit';
import { fieldError } from '../../platform/errors/app-error';
import { parseInput } from '../../platform/errors/parse-input';
import { inTransaction, type UseCaseContext } from '../../platform/use-case';
import { ServiceActions } from './services.policy';
import { duplicateTermCode } from './services.errors';
import { insertTaxonomyTerm, selectDefaultTaxonomyId, selectTermsByCodes, type TaxonomyTermRow } from './service-taxonomy.repository';

/** Adds a category (platform admins): top level, or under a top-level one — the tree keeps two levels. */
export async function createTaxonomyTerm(context: UseCaseContext, rawInput: TTaxonomyTermCreate): Promise<TaxonomyTermRow> {
  assertCan(context.actor, ServiceActions['services.taxonomy.manage']);
  const input = parseInput(ZTaxonomyTermCreate, rawInput);
  const db = context.db.orm;
  if ((await selectTermsByCodes(db, [input.code])).length > 0) throw duplicateTermCode(input.code);
  let parentId: string | null = null;
  if (input.parentCode) {
    const [parent] = await selectTermsByCodes(db, [input.parentCode]);
    if (!parent) throw fieldError('parentCode', `unknown category ${input.parentCode}`);
    if (parent.parentId) throw fieldError('parentCode', 'the taxonomy has two levels: choose a top-level category');
    parentId = parent.id;
  }
  const taxonomyId = await selectDefaultTaxonomyId(db);
  return inTransaction(context, async (tx) => {
    const term = await insertTaxonomyTerm(tx, {
      taxonomyId,
      code: input.code,
      parentId,
      labelIt: input.labelIt,
      labelEn: input.labelEn,
      descriptionIt: input.descriptionIt,
      position: 1000,
    });
    await recordAudit(tx, context, { action: 'services.create-taxonomy-term', entityType: 'taxonomy_term', entityId: term.id, after: term });
    return term;
  });
}
