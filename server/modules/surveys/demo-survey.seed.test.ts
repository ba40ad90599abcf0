import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../platform/testing/test-app';
import { districtsModule } from '../districts';
import { organizationsModule } from '../organizations';
import { loadTerritoryFixture, territoryModule } from '../territory';
import { DEMO_SURVEY_TITLE, DEMO_TRANSPORT_SURVEY_TITLE, seedDemoSurvey } from './fixtures/demo-survey.seed';
import { seedDemoPinerolese } from '../../demo/demo-pinerolese.seed';

describe('demo survey seed', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp([territoryModule, organizationsModule, districtsModule]);
    await loadTerritoryFixture(t.db);
    await seedDemoPinerolese(t.system, () => undefined);
    await seedDemoSurvey(t.system, () => undefined);
  });
  afterAll(() => t.close());

  it('opens the company-welfare survey in the demo district with invitations, e-mails in the outbox and responses', async () => {
    const { rows } = await t.db.pool.query(`
      select s.status, s.is_demo, d.is_demo as district_is_demo,
        (select count(*)::int from survey_invitations i where i.survey_id = s.id) as invitations,
        (select count(*)::int from mail_outbox m where m.topic_type = 'survey_invitation' and m.topic_id in (select i.id from survey_invitations i where i.survey_id = s.id)) as mails,
        (select count(*)::int from survey_responses r where r.survey_id = s.id and r.status = 'submitted') as submitted,
        (select count(*)::int from survey_responses r where r.survey_id = s.id and r.status = 'in_progress') as in_progress
      from surveys s join districts d on d.id = s.district_id where s.title = $1`, [DEMO_SURVEY_TITLE]);
    expect(rows).toEqual([{ status: 'open', is_demo: true, district_is_demo: true, invitations: 6, mails: 6, submitted: 4, in_progress: 1 }]);
  });

  it('opens a short transport survey too, with two organizations invited and no answer yet (the demo firm has one to fill in)', async () => {
    const { rows } = await t.db.pool.query(`
      select s.status, s.is_demo,
        (select count(*)::int from survey_sections x where x.survey_id = s.id) as sections,
        (select array_agg(o.legal_name order by o.legal_name) from survey_invitations i join organizations o on o.id = i.organization_id where i.survey_id = s.id) as invited,
        (select count(*)::int from survey_responses r where r.survey_id = s.id) as responses
      from surveys s where s.title = $1`, [DEMO_TRANSPORT_SURVEY_TITLE]);
    expect(rows).toEqual([{
      status: 'open', is_demo: true, sections: 2, invited: ['Cooperativa sociale Lavoro in Rete (demo)', 'Meccanica Chisone S.r.l. (demo)'], responses: 0,
    }]);
  });

  it('turns the demo responses into demo needs of the district', async () => {
    const { rows } = await t.db.pool.query(`
      select count(*)::int as needs, bool_and(n.is_demo) as all_demo, min(n.relevance)::int as min_relevance, count(distinct n.organization_id)::int as organizations
      from needs n where n.source = 'survey'`);
    expect(rows[0].needs).toBeGreaterThan(10);
    expect(rows[0]).toMatchObject({ all_demo: true, min_relevance: 4, organizations: 4 });
  });
});
