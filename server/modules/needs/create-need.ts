import { ZNeedCreate, type TNeed, type TNeedCreate } from '../../../common/contracts/needs';
import { todayInItaly } from '../../../common/domain/calendar';
import { recordAudit } from '../../platform/audit/audit';
import { assertCan } from '../../platform/access/policy';
import { fieldError, notFound } from '../../platform/errors/app-error';
import { parseInput } from '../../platform/errors/parse-input';
import { inTransaction, type UseCaseContext } from '../../platform/use-case';
import { toNeed } from './need-views';
import { NeedActions } from './needs.policy';
import { districtExists, insertNeeds, isDistrictMunicipality, selectCurrentMembers, selectNeedView, taxonomyTermExists } from './needs.repository';

/**
 * Enters a need by hand (source `manual`): a coordinator for any member organization of the district or for an
 * anonymous resident, a member organization for itself. The place must be one of the district's municipalities.
 */
export async function createNeed(context: UseCaseContext, raw: TNeedCreate): Promise<TNeed> {
  const input = parseInput(ZNeedCreate, raw);
  const organizationIsMember =
    input.organizationId !== null && (await selectCurrentMembers(context.db.orm, input.districtId, [input.organizationId])).length > 0;
  assertCan(context.actor, NeedActions['needs.create'], { districtId: input.districtId, organizationId: input.organizationId, organizationIsMember });
  if (!(await districtExists(context.db.orm, input.districtId))) throw notFound('district', input.districtId);
  if (input.organizationId !== null && !organizationIsMember) throw fieldError('organizationId', 'not a current member of the district', 'not-current-member');
  if (!(await taxonomyTermExists(context.db.orm, input.categoryCode))) throw fieldError('categoryCode', 'not a category of the services taxonomy');
  if (!(await isDistrictMunicipality(context.db.orm, input.districtId, input.municipalityCode))) {
    throw fieldError('municipalityCode', 'not a municipality of the district');
  }
  return inTransaction(context, async (tx) => {
    const [created] = await insertNeeds(tx, [
      {
        districtId: input.districtId,
        organizationId: input.organizationId,
        categoryCode: input.categoryCode,
        targetGroup: input.targetGroup,
        municipalityCode: input.municipalityCode,
        peopleCount: input.peopleCount,
        relevance: input.relevance,
        source: 'manual',
        description: input.description,
        expressedOn: input.expressedOn ?? todayInItaly(),
        isDemo: input.isDemo,
      },
    ]);
    await recordAudit(tx, context, { action: 'needs.create-need', entityType: 'need', entityId: created!.id, after: created });
    return toNeed((await selectNeedView(tx, created!.id))!);
  });
}
