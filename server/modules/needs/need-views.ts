import type { TNeed } from '../../../common/contracts/needs';
import type { NeedViewRow } from './needs.repository';

export function toNeed(row: NeedViewRow): TNeed {
  return {
    id: row.id,
    districtId: row.district_id,
    organizationId: row.organization_id,
    organizationName: row.organization_name,
    categoryCode: row.category_code,
    categoryLabel: row.category_label,
    targetGroup: row.target_group,
    municipalityCode: row.municipality_code,
    municipalityName: row.municipality_name,
    peopleCount: row.people_count,
    relevance: row.relevance,
    source: row.source,
    surveyId: row.survey_id,
    description: row.description,
    expressedOn: row.expressed_on,
    status: row.status,
    answeredByServiceId: row.answered_by_service_id,
    answeredByServiceName: row.answered_by_service_name,
    isDemo: row.is_demo,
    version: row.version,
  };
}
