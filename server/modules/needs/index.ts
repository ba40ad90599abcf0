export { needs } from './needs.schema';
export { replaceNeedsOfResponse, type NeedRow, type SurveyNeedDraft } from './needs.repository';
