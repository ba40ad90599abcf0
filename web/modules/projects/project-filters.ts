import type { TProjectFilters } from '../../../common/contracts/projects';
import { FUNDING_KINDS, PROJECT_STATUSES, PROJECT_STRANDS, type FundingKind, type ProjectStatus, type ProjectStrand } from '../../../common/domain/projects';
import { TARGET_GROUPS, type TargetGroup } from '../../../common/domain/services';
import { LIST_PARAMS } from './project-paths';

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined => (value && (values as readonly string[]).includes(value) ? (value as T) : undefined);

const isUuid = (value: string | null): value is string => value !== null && /^[0-9a-f-]{36}$/i.test(value);

/** The filters the address names (Italian parameters), only values the contract knows. */
export function filtersOf(params: URLSearchParams): TProjectFilters {
  const districtId = params.get(LIST_PARAMS.districtId);
  const organizationId = params.get(LIST_PARAMS.organizationId);
  return {
    ...(isUuid(organizationId) ? { organizationId } : {}),
    districtId: isUuid(districtId) ? districtId : undefined,
    status: oneOf<ProjectStatus>(PROJECT_STATUSES, params.get(LIST_PARAMS.status)),
    strand: oneOf<ProjectStrand>(PROJECT_STRANDS, params.get(LIST_PARAMS.strand)),
    targetGroup: oneOf<TargetGroup>(TARGET_GROUPS, params.get(LIST_PARAMS.targetGroup)),
    fundingKind: oneOf<FundingKind>(FUNDING_KINDS, params.get(LIST_PARAMS.fundingKind)),
  };
}
