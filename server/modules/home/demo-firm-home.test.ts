import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TGroupDetail, TMeetingDetail, TMyGroups } from '../../../common/contracts/groups';
import { ZHome, type THome, type THomeOrganizationWork } from '../../../common/contracts/home';
import { MODULES, seedDemo } from '../../app';
import { createTestApp, signIn, type TestApp } from '../../platform/testing/test-app';
import { DEMO_GROUP_NAME } from '../groups';
import { DEMO_FIRM_USER, DEMO_PROPOSAL_TITLE } from '../matching';
import { DEMO_SURVEY_TITLE, DEMO_TRANSPORT_SURVEY_TITLE } from '../surveys';
import { loadTerritoryFixture } from '../territory';

/**
 * The demo leaves the demo firm's home with something in each of its lists (issue 14): a survey still to answer, a
 * proposal that names it in both roles, a referral to its nursery; and the demo's e-mails link to the platform's
 * public address, not to localhost.
 */
describe("the demo firm's home after the demo seed", () => {
  let t: TestApp;
  let firm: THomeOrganizationWork;
  let groups: THome['groups'];
  let cookie = '';
  const linkBase = 'https://welfare.pinerolese.example.it';

  beforeAll(async () => {
    t = await createTestApp(MODULES);
    await loadTerritoryFixture(t.db);
    await seedDemo(t.system, () => undefined, { linkBase });
    const member = await signIn(t.app, DEMO_FIRM_USER.email, DEMO_FIRM_USER.password);
    cookie = member.cookie;
    const response = await t.app.inject({ url: '/api/home', headers: { cookie: member.cookie } });
    expect(response.statusCode, response.body).toBe(200);
    const home = ZHome.parse(response.json());
    expect(home.organizations).toHaveLength(1);
    firm = home.organizations[0]!;
    groups = home.groups;
  }, 240_000);
  afterAll(() => t.close());

  it('lists the open transport survey, not answered yet, and not the main survey it already answered', () => {
    expect(firm.organizationName).toBe(DEMO_FIRM_USER.organizationLegalName);
    expect(firm.surveysToAnswer.map((survey) => [survey.title, survey.responseStatus])).toEqual([[DEMO_TRANSPORT_SURVEY_TITLE, 'none']]);
    expect(firm.surveysToAnswer.map((survey) => survey.title)).not.toContain(DEMO_SURVEY_TITLE);
  });

  it('asks the firm to answer the demo proposal as a requester and as the provider of its nursery', () => {
    const rows = firm.proposalsToAnswer.filter((proposal) => proposal.title === DEMO_PROPOSAL_TITLE);
    expect(rows.map((row) => [row.role, row.serviceName]).sort()).toEqual([
      ['provider', 'Asilo nido aziendale aperto al territorio'],
      ['requester', null],
    ]);
  });

  it("asks the firm to accept the consortium's referral to its nursery", () => {
    expect(firm.referralsToAnswer).toHaveLength(1);
    expect(firm.referralsToAnswer[0]).toMatchObject({
      serviceName: 'Asilo nido aziendale aperto al territorio', referringOrganizationName: 'Consorzio dei servizi sociali del Pinerolese (demo)', peopleCount: 1,
    });
  });

  it("writes the platform's public address into the demo survey invitations", async () => {
    const { rows } = await t.db.pool.query<{ body_text: string }>(`select body_text from mail_outbox where topic_type = 'survey_invitation'`);
    expect(rows.length).toBeGreaterThan(6);
    for (const { body_text } of rows) {
      expect(body_text).toContain(`${linkBase}/rispondi/`);
      expect(body_text).not.toContain('localhost');
    }
  });

  it("gives the firm's member the demo working group: one open and one overdue action, the next meeting, minutes with two decisions", async () => {
    expect(groups).toMatchObject({ openActions: 2, overdueActions: 1, nextMeeting: { title: 'Seconda riunione del tavolo', groupName: DEMO_GROUP_NAME, status: 'scheduled' } });
    const mine = (await t.app.inject({ url: '/api/my-groups', headers: { cookie } })).json() as TMyGroups;
    expect(mine.groups.map((group) => [group.name, group.myRole])).toEqual([[DEMO_GROUP_NAME, 'member']]);
    expect(mine.actions.map((action) => action.isOverdue)).toEqual([true, false]);
    expect(mine.actions.every((action) => action.ownerName === 'Referente welfare di Meccanica Chisone (demo)' && action.canUpdate)).toBe(true);
    const group = (await t.app.inject({ url: `/api/groups/${mine.groups[0]!.id}`, headers: { cookie } })).json() as TGroupDetail;
    expect(group.members.map((member) => member.role)).toEqual(['chair', 'secretary', 'member', 'member']);
    expect(new Set(group.members.map((member) => member.organizationId)).size).toBe(4);
    const held = (await t.app.inject({ url: `/api/meetings/${group.lastMinutes!.meeting.id}`, headers: { cookie } })).json() as TMeetingDetail;
    const year = held.startsLocal.slice(0, 4);
    expect(held).toMatchObject({ status: 'held', minutesStatus: 'published', attendance: { recorded: true, quorumReached: true } });
    expect(held.decisions.map((decision) => [decision.reference, decision.isOfficial])).toEqual([[`${year}/1`, true], [`${year}/2`, true]]);
    const invitations = await t.db.pool.query("select count(*)::int as n from mail_outbox where topic_type = 'group_meeting' and body_text like $1", [`%${linkBase}/riunioni/%`]);
    expect(invitations.rows[0].n).toBeGreaterThanOrEqual(4);
  });
});
