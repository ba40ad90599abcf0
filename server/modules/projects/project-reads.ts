import {
  ZProjectListQuery,
  ZProjectMapQuery,
  type TProject,
  type TProjectFilters,
  type TProjectList,
  type TProjectMap,
  type TProjectSummary,
} from '../../../common/contracts/projects';
import { DEFAULT_PARTNERSHIP_RULE, FUNDING_KINDS } from '../../../common/domain/projects';
import { assertCan } from '../../platform/access/policy';
import { notFound } from '../../platform/errors/app-error';
import { parseInput } from '../../platform/errors/parse-input';
import { toCsv } from '../../platform/export/csv';
import type { UseCaseContext } from '../../platform/use-case';
import { presentProject, todayIso } from './present-project';
import { countProjects, selectDistrictCommittedByKind, selectDistrictMapPoints, selectDistrictTotals, selectProjectSummaries, type ProjectListKey, type ProjectSummaryRow } from './project-list.repository';
import { ProjectActions } from './projects.policy';
import { selectAccessFacts, selectProject } from './projects.repository';

/** One project: the public part for anyone signed in, the private parts for its members (presentProject). */
export async function getProject(context: UseCaseContext, id: string): Promise<TProject> {
  assertCan(context.actor, ProjectActions['projects.read-public']);
  const project = await selectProject(context.db.orm, id);
  if (!project) throw notFound('project', id);
  return presentProject(context.db.orm, context, project, await selectAccessFacts(context.db.orm, id, todayIso()));
}

export function getPartnershipRule(context: UseCaseContext) {
  assertCan(context.actor, ProjectActions['projects.read-public']);
  return { code: DEFAULT_PARTNERSHIP_RULE.code, conditions: DEFAULT_PARTNERSHIP_RULE.conditions.map((condition) => ({ ...condition })) as never };
}

function toSummary(row: ProjectSummaryRow): TProjectSummary {
  return {
    id: row.id,
    title: row.title,
    summary: row.summary,
    status: row.status,
    districts: row.districts ?? [],
    targetGroups: row.target_groups,
    strands: row.strands,
    startOn: row.start_on,
    endOn: row.end_on,
    leadOrganizationName: row.lead_name,
    partnerCount: row.partner_count,
    budgetCents: Number(row.budget_cents),
    committedCents: Number(row.committed_cents),
    fundingKinds: FUNDING_KINDS.filter((kind) => row.funding_kinds.includes(kind)),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

function decodeCursor(cursor: string | undefined): ProjectListKey | null {
  if (!cursor) return null;
  const [updatedAt, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!updatedAt || !id || Number.isNaN(Date.parse(updatedAt)) || !/^[0-9a-f-]{36}$/i.test(id)) return null;
  return { updatedAt, id };
}

/** The public list, newest change first, filtered, in keyset pages. */
export async function listProjects(context: UseCaseContext, raw: unknown): Promise<TProjectList> {
  assertCan(context.actor, ProjectActions['projects.read-public']);
  const query = parseInput(ZProjectListQuery, raw);
  const rows = await selectProjectSummaries(context.db.orm, query, query.limit + 1, decodeCursor(query.cursor));
  const total = await countProjects(context.db.orm, query);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const nextCursor = rows.length > query.limit && last ? Buffer.from(`${new Date(last.updated_at).toISOString()}|${last.id}`).toString('base64url') : null;
  return { items: page.map(toSummary), nextCursor, total };
}

/** For the map: per district, how many projects match and their budget and committed funding by kind (public totals). */
export async function projectMap(context: UseCaseContext, raw: unknown): Promise<TProjectMap> {
  assertCan(context.actor, ProjectActions['projects.read-public']);
  const filters = parseInput(ZProjectMapQuery, raw);
  const totals = await selectDistrictTotals(context.db.orm, filters);
  const byKind = await selectDistrictCommittedByKind(context.db.orm, filters);
  const kindCents = new Map(byKind.map((row) => [`${row.district_id}|${row.kind}`, row.committed_cents]));
  const points = new Map((await selectDistrictMapPoints(context.db.orm, totals.map((row) => row.district_id))).map((row) => [row.district_id, row]));
  return {
    districts: totals.map((row) => ({
      districtId: row.district_id,
      districtName: row.district_name,
      projectCount: row.project_count,
      budgetCents: Number(row.budget_cents),
      committedCents: Number(row.committed_cents),
      byFundingKind: FUNDING_KINDS.flatMap((kind) => {
        const cents = Number(kindCents.get(`${row.district_id}|${kind}`) ?? 0);
        return cents !== 0 ? [{ kind, committedCents: cents }] : [];
      }),
      latitude: points.has(row.district_id) ? Number(points.get(row.district_id)!.latitude) : null,
      longitude: points.has(row.district_id) ? Number(points.get(row.district_id)!.longitude) : null,
    })),
  };
}

const CSV_HEADER = ['id', 'title', 'status', 'districts', 'strands', 'target_groups', 'start_on', 'end_on', 'lead', 'partners', 'budget_eur', 'committed_eur', 'funding_kinds', 'updated_at'];
const euros = (cents: string) => {
  const value = BigInt(cents);
  const magnitude = (value < 0n ? -value : value).toString().padStart(3, '0');
  return `${value < 0n ? '-' : ''}${magnitude.slice(0, -2)}.${magnitude.slice(-2)}`;
};

/** The public list as CSV (every matching project, no private part). */
export async function exportProjects(context: UseCaseContext, raw: unknown): Promise<string> {
  assertCan(context.actor, ProjectActions['projects.read-public']);
  const filters = parseInput(ZProjectMapQuery.extend({ districtId: ZProjectListQuery.shape.districtId }), raw);
  const rows = await selectProjectSummaries(context.db.orm, filters, 100_000, null);
  return toCsv(
    CSV_HEADER,
    rows.map((row) => [
      row.id,
      row.title,
      row.status,
      (row.districts ?? []).map((district) => district.name).join('; '),
      row.strands.join('; '),
      row.target_groups.join('; '),
      row.start_on,
      row.end_on,
      row.lead_name,
      row.partner_count,
      euros(row.budget_cents),
      euros(row.committed_cents),
      FUNDING_KINDS.filter((kind) => row.funding_kinds.includes(kind)).join('; '),
      new Date(row.updated_at).toISOString(),
    ]),
  );
}
