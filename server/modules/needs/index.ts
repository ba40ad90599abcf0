export { needsModule } from './needs.module';
export { needs } from './needs.schema';
export { replaceNeedsOfResponse, type NeedRow, type SurveyNeedDraft } from './needs.repository';
export { DEMO_NEEDS, seedDemoNeeds } from './fixtures/demo-needs.seed';
export { createNeed } from './create-need';
export { changeNeedStatus } from './change-need-status';
export { answerNeedByReferral } from './answer-need-by-referral';
/** For co-designed projects (issue 16): the named, audited write that marks a linked need answered, and what a project page shows of a need. */
export { answerNeedByProject } from './answer-need-by-project';
export { selectNeedSummaries, type NeedSummaryForProject } from './needs.repository';
/** For a referral made for a need (matching): whose need it is and its category, without access check (the caller's). */
export { selectNeedOwnerAndCategory as findNeedOwnerAndCategory } from './needs.repository';
export { listNeeds } from './list-needs';
export { countNeeds } from './count-needs';
export { getNeed } from './get-need';
export { NeedActions } from './needs.policy';
export { countDistrictOpenNeeds } from './count-district-open-needs';
/** For the home page: an organization's needs counted by status (the caller limits the ids to the actor's own). */
export { selectNeedStatusCountsOfOrganizations } from './needs.repository';
