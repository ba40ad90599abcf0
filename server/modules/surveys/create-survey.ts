import { ZSurveyCreate, type TSurvey, type TSurveyCreate } from '../../../common/contracts/surveys';
import { actorUserId } from '../../platform/access/actor';
import { assertCan } from '../../platform/access/policy';
import { recordAudit } from '../../platform/audit/audit';
import { fieldError } from '../../platform/errors/app-error';
import { parseInput } from '../../platform/errors/parse-input';
import { inTransaction, type UseCaseContext } from '../../platform/use-case';
import { COMPANY_WELFARE_TEMPLATE } from './fixtures/company-welfare.template';
import { loadSurveyView } from './survey-view';
import { writeTemplate, type SurveyTemplate } from './survey-template';
import { SurveyActions } from './surveys.policy';
import { districtExists, insertSurvey } from './surveys.repository';

const TEMPLATES: Record<string, SurveyTemplate> = { company_welfare: COMPANY_WELFARE_TEMPLATE };

/**
 * Creates a draft survey of a district (its coordinators) or of a region (platform admins), empty or from a
 * shipped template (the company-welfare needs survey).
 */
export async function createSurvey(context: UseCaseContext, rawInput: TSurveyCreate, template?: SurveyTemplate): Promise<TSurvey> {
  assertCan(context.actor, SurveyActions['surveys.list']);
  const input = parseInput(ZSurveyCreate, rawInput);
  assertCan(context.actor, SurveyActions['surveys.manage'], { districtId: input.districtId });
  if (input.districtId === null && input.regionCode === null) throw fieldError('regionCode', 'a survey without a district needs a region');
  if (input.opensOn && input.closesOn && input.closesOn < input.opensOn) throw fieldError('closesOn', 'must not be before the opening date');
  if (input.districtId && !(await districtExists(context.db.orm, input.districtId))) throw fieldError('districtId', 'no such district', 'not-found');
  const content = template ?? (input.template ? TEMPLATES[input.template] : undefined);
  return inTransaction(context, async (tx) => {
    const row = await insertSurvey(tx, {
      districtId: input.districtId, regionCode: input.regionCode, title: input.title, introduction: input.introduction,
      privacyNotice: input.privacyNotice, opensOn: input.opensOn, closesOn: input.closesOn, isDemo: input.isDemo,
      createdBy: actorUserId(context.actor),
    });
    if (content) await writeTemplate(tx, row.id, content);
    const after = await loadSurveyView(tx, row.id);
    await recordAudit(tx, context, { action: 'surveys.create-survey', entityType: 'survey', entityId: row.id, after });
    return after;
  });
}
