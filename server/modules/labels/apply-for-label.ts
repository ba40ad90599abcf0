import { ZLabelApplicationCreate, type TLabelApplication, type TLabelApplicationCreate } from '../../../common/contracts/labels';
import { actorUserId } from '../../platform/access/actor';
import { assertCan } from '../../platform/access/policy';
import { recordAudit } from '../../platform/audit/audit';
import { notFound } from '../../platform/errors/app-error';
import { parseInput } from '../../platform/errors/parse-input';
import { inTransaction, type UseCaseContext } from '../../platform/use-case';
import { isCurrentDistrictMember } from '../districts';
import { loadApplication } from './application-access';
import { labelError } from './labels.errors';
import { LabelActions } from './labels.policy';
import { insertApplication, selectAward, selectScheme } from './labels.repository';
import { presentApplication } from './present-application';

/**
 * An organization (its administrators) applies for a label: a draft it fills with evidence per criterion, then submits.
 * A district's scheme takes the district's current member organizations; a regional one, any organization. A renewal
 * names the label it extends (same organization and scheme, not revoked). One open application per organization and
 * scheme.
 */
export async function applyForLabel(context: UseCaseContext, rawInput: TLabelApplicationCreate): Promise<TLabelApplication> {
  const input = parseInput(ZLabelApplicationCreate, rawInput);
  assertCan(context.actor, LabelActions['labels.apply'], { organizationId: input.organizationId });
  return inTransaction(context, async (tx) => {
    const scheme = await selectScheme(tx, input.schemeId);
    if (!scheme) throw notFound('label_scheme', input.schemeId);
    if (scheme.districtId !== null && !(await isCurrentDistrictMember(tx, scheme.districtId, input.organizationId))) {
      throw labelError('LABELS.NOT_ELIGIBLE', 'organizationId', "not a current member of the scheme's district");
    }
    if (input.renewsAwardId !== null) {
      const renewed = await selectAward(tx, input.renewsAwardId);
      if (!renewed || renewed.organizationId !== input.organizationId || renewed.schemeId !== scheme.id || renewed.revokedOn !== null) {
        throw labelError('LABELS.RENEWAL_MISMATCH', 'renewsAwardId', "not a label of this organization and scheme that can be renewed (a revoked one cannot)");
      }
    }
    const applicationId = await insertApplication(tx, { schemeId: scheme.id, organizationId: input.organizationId, renewsAwardId: input.renewsAwardId, createdBy: actorUserId(context.actor) });
    if (!applicationId) throw labelError('LABELS.APPLICATION_OPEN', 'schemeId', 'the organization already has an open application for this scheme');
    await recordAudit(tx, context, { action: 'labels.create-application', entityType: 'label_application', entityId: applicationId, before: null, after: input });
    return presentApplication(tx, context, await loadApplication(tx, context, applicationId));
  });
}
