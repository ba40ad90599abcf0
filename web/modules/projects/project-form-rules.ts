import type { ProjectStrand } from '../../../common/domain/projects';
import type { TargetGroup } from '../../../common/domain/services';

export interface ProjectFieldValues {
  title: string;
  summary: string;
  strands: ProjectStrand[];
  targetGroups: TargetGroup[];
  startOn: string;
  endOn: string;
}

/** What is wrong with the values, field by field (the server checks again and names the field). */
export function projectFieldProblems(values: ProjectFieldValues): Partial<Record<keyof ProjectFieldValues, 'required' | 'tooShort' | 'datesOutOfOrder'>> {
  const problems: Partial<Record<keyof ProjectFieldValues, 'required' | 'tooShort' | 'datesOutOfOrder'>> = {};
  if (values.title.trim() === '') problems.title = 'required';
  else if (values.title.trim().length < 3) problems.title = 'tooShort';
  if (values.strands.length === 0) problems.strands = 'required';
  if (values.startOn && values.endOn && values.endOn < values.startOn) problems.endOn = 'datesOutOfOrder';
  return problems;
}

export interface ReportFieldValues {
  periodStart: string;
  periodEnd: string;
  text: string;
}

/** What is wrong with a progress report before it is sent (the server checks again and names the field). */
export function reportFieldProblems(values: ReportFieldValues): Partial<Record<keyof ReportFieldValues, 'required' | 'datesOutOfOrder'>> {
  const problems: Partial<Record<keyof ReportFieldValues, 'required' | 'datesOutOfOrder'>> = {};
  if (!values.periodStart) problems.periodStart = 'required';
  if (!values.periodEnd) problems.periodEnd = 'required';
  else if (values.periodStart && values.periodEnd < values.periodStart) problems.periodEnd = 'datesOutOfOrder';
  if (values.text.trim() === '') problems.text = 'required';
  return problems;
}

/**
 * Whom a part of the project (a report, a budget line, beneficiaries) may be written for: the lead and the
 * coordinators for the whole project (null) or any partner; a partner only for its own organizations. Empty: no form.
 */
export function partAuthorChoices(project: { access: { canEdit: boolean; ownOrganizationIds: string[] }; partners: { organizationId: string; organizationName: string }[] }): { organizationId: string | null; organizationName: string | null }[] {
  const partners = project.partners
    .filter((partner, index, all) => all.findIndex((other) => other.organizationId === partner.organizationId) === index)
    .filter((partner) => project.access.canEdit || project.access.ownOrganizationIds.includes(partner.organizationId))
    .map((partner) => ({ organizationId: partner.organizationId, organizationName: partner.organizationName }));
  return project.access.canEdit ? [{ organizationId: null, organizationName: null }, ...partners] : partners;
}

/** The needs a search found that the project may still link: those of its districts, not linked yet, not closed. */
export function linkableNeeds<Need extends { id: string; districtId: string | null; status: string }>(needs: Need[], project: { districts: { id: string }[]; needLinks: { needId: string }[] }): Need[] {
  const linked = new Set(project.needLinks.map((link) => link.needId));
  const districts = new Set(project.districts.map((district) => district.id));
  return needs.filter((need) => !linked.has(need.id) && need.districtId !== null && districts.has(need.districtId) && need.status !== 'closed');
}

/** A scale-up names where: at least one municipality or district (the server's ZScaleUpInput says the same). */
export function scaleUpProblem(scaleUp: { municipalityCodes: string[]; districtIds: string[] }): 'required' | null {
  return scaleUp.municipalityCodes.length + scaleUp.districtIds.length === 0 ? 'required' : null;
}
