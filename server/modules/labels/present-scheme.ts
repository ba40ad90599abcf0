import type { TLabelScheme } from '../../../common/contracts/labels';
import { peopleByIds } from '../../platform/auth/people';
import type { DbExecutor } from '../../platform/db/database';
import type { UseCaseContext } from '../../platform/use-case';
import { countValidLabels, selectAssessorIds, selectCriteria, type SchemeRow } from './labels.repository';
import { todayInItaly } from '../../../common/domain/calendar';
import { managesScheme } from './labels.policy';

/** Schemes as the contract shows them: criteria in order, assessors by name, labels valid today, whether the caller manages each. */
export async function presentSchemes(db: DbExecutor, context: UseCaseContext, schemes: SchemeRow[]): Promise<TLabelScheme[]> {
  const ids = schemes.map((scheme) => scheme.id);
  const criteria = await selectCriteria(db, ids);
  const assessors = await selectAssessorIds(db, ids);
  const people = await peopleByIds(db, assessors.map((assessor) => assessor.userId));
  const validLabels = await countValidLabels(db, ids, todayInItaly());
  return schemes.map((scheme) => {
    const own = criteria.filter((criterion) => criterion.schemeId === scheme.id);
    return {
      id: scheme.id,
      districtId: scheme.districtId,
      districtName: scheme.districtName,
      name: scheme.name,
      description: scheme.description,
      thresholdScore: scheme.thresholdScore,
      maxTotalScore: own.reduce((total, criterion) => total + (criterion.maxScore ?? 0), 0),
      validityMonths: scheme.validityMonths,
      criteria: own.map(({ schemeId: _schemeId, ...criterion }) => criterion),
      assessors: assessors.filter((assessor) => assessor.schemeId === scheme.id).map((assessor) => ({ userId: assessor.userId, name: people.get(assessor.userId)?.name ?? '' })),
      validLabelCount: validLabels.get(scheme.id) ?? 0,
      createdAt: scheme.createdAt,
      canManage: managesScheme(context.actor, scheme),
    };
  });
}
