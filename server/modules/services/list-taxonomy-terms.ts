import type { TTaxonomyTerm } from '../../../common/contracts/services';
import { assertCan } from '../../platform/access/policy';
import type { UseCaseContext } from '../../platform/use-case';
import { ServiceActions } from './services.policy';
import { selectTaxonomyTerms } from './service-taxonomy.repository';

/** The category tree (parents first, then their children), with how many services use each term. */
export async function listTaxonomyTerms(context: UseCaseContext): Promise<TTaxonomyTerm[]> {
  assertCan(context.actor, ServiceActions['services.read']);
  const rows = await selectTaxonomyTerms(context.db.orm);
  return rows.map((row) => ({
    id: row.id,
    code: row.code,
    parentId: row.parentId,
    labelIt: row.labelIt,
    labelEn: row.labelEn,
    descriptionIt: row.descriptionIt,
    position: row.position,
    version: row.version,
    serviceCount: row.serviceCount,
  }));
}
