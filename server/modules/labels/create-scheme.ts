import { ZLabelSchemeCreate, type TLabelScheme, type TLabelSchemeCreate } from '../../../common/contracts/labels';
import { actorUserId } from '../../platform/access/actor';
import { assertCan } from '../../platform/access/policy';
import { recordAudit } from '../../platform/audit/audit';
import { peopleByIds } from '../../platform/auth/people';
import { notFound } from '../../platform/errors/app-error';
import { parseInput } from '../../platform/errors/parse-input';
import { inTransaction, type UseCaseContext } from '../../platform/use-case';
import { findDistrictRow } from '../districts';
import { labelError } from './labels.errors';
import { LabelActions } from './labels.policy';
import { insertScheme, selectScheme } from './labels.repository';
import { presentSchemes } from './present-scheme';

/**
 * Defines a label scheme: a district's (its coordinators) or the region's (platform admins, districtId null), with its
 * criteria, threshold, validity and assessors. A threshold the scored criteria cannot reach, or an assessor who is no
 * active account, is refused naming the field.
 */
export async function createScheme(context: UseCaseContext, rawInput: TLabelSchemeCreate): Promise<TLabelScheme> {
  const input = parseInput(ZLabelSchemeCreate, rawInput);
  assertCan(context.actor, LabelActions['labels.create-scheme'], { districtId: input.districtId });
  const maxTotalScore = input.criteria.reduce((total, criterion) => total + (criterion.maxScore ?? 0), 0);
  if (input.thresholdScore > maxTotalScore) {
    throw labelError('LABELS.THRESHOLD_UNREACHABLE', 'thresholdScore', `the scored criteria add up to ${maxTotalScore}, less than the threshold`, { maxTotalScore });
  }
  return inTransaction(context, async (tx) => {
    if (input.districtId !== null && !(await findDistrictRow(tx, input.districtId))) throw notFound('district', input.districtId);
    const people = await peopleByIds(tx, input.assessorUserIds);
    input.assessorUserIds.forEach((userId, index) => {
      if (!people.get(userId)?.isActive) throw labelError('LABELS.UNKNOWN_ASSESSOR', `assessorUserIds.${index}`, 'no active account has this id');
    });
    const schemeId = await insertScheme(
      tx,
      { districtId: input.districtId, name: input.name, description: input.description, thresholdScore: input.thresholdScore, validityMonths: input.validityMonths, createdBy: actorUserId(context.actor) },
      input.criteria,
      input.assessorUserIds,
    );
    await recordAudit(tx, context, { action: 'labels.create-scheme', entityType: 'label_scheme', entityId: schemeId, before: null, after: input });
    return (await presentSchemes(tx, context, [(await selectScheme(tx, schemeId))!]))[0]!;
  });
}
