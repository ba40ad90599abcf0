import { sql } from 'drizzle-orm';
import type { DbExecutor } from '../../platform/db/database';

// What the home page shows of surveys (published through index.ts): the caller has already limited the ids to the
// actor's own organizations and coordinated districts, so these reads check nothing themselves. "Accepting answers"
// is common/domain/surveys.ts isAcceptingAnswers in SQL: open, opened on or before today, not closed before today.

const acceptingAnswers = (today: string) =>
  sql`s.status = 'open' and (s.opens_on is null or s.opens_on <= ${today}::date) and (s.closes_on is null or s.closes_on >= ${today}::date)`;

export type SurveyToAnswer = {
  invitation_id: string; survey_id: string; organization_id: string; title: string; closes_on: string | null; response_status: 'none' | 'in_progress';
};

/** Invitations of these organizations to surveys accepting answers, whose response is not submitted yet. */
export async function selectSurveysToAnswer(db: DbExecutor, organizationIds: string[], today: string): Promise<SurveyToAnswer[]> {
  if (organizationIds.length === 0) return [];
  const result = await db.execute<SurveyToAnswer>(sql`
    select i.id as invitation_id, s.id as survey_id, i.organization_id, s.title, to_char(s.closes_on, 'YYYY-MM-DD') as closes_on,
      case when r.id is null then 'none' else 'in_progress' end as response_status
    from survey_invitations i
    join surveys s on s.id = i.survey_id
    left join survey_responses r on r.invitation_id = i.id
    where i.organization_id = any(${sql.param(organizationIds)}::uuid[]) and ${acceptingAnswers(today)}
      and (r.id is null or r.status <> 'submitted')
    order by s.closes_on nulls last, s.title
    limit 100`);
  return result.rows;
}

export type DistrictSurveyActivity = { district_id: string; open_surveys: number; recent_responses: number };

/** Per district: its surveys accepting answers, and the responses submitted to them in the last `days` days. */
export async function selectDistrictSurveyActivity(db: DbExecutor, districtIds: string[], today: string, days: number): Promise<Map<string, DistrictSurveyActivity>> {
  const activity = new Map<string, DistrictSurveyActivity>();
  if (districtIds.length === 0) return activity;
  const result = await db.execute<DistrictSurveyActivity>(sql`
    select d.id as district_id,
      (select count(*)::int from surveys s where s.district_id = d.id and ${acceptingAnswers(today)}) as open_surveys,
      (select count(*)::int from survey_responses r join surveys s on s.id = r.survey_id
        where s.district_id = d.id and ${acceptingAnswers(today)} and r.status = 'submitted'
          and r.submitted_at >= now() - make_interval(days => ${days}::int)) as recent_responses
    from unnest(${sql.param(districtIds)}::uuid[]) as d(id)`);
  for (const row of result.rows) activity.set(row.district_id, row);
  return activity;
}
