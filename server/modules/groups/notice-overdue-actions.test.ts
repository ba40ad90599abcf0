import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInItaly } from '../../../common/domain/calendar';
import { seedDemoPinerolese } from '../../demo/demo-pinerolese.seed';
import { createTestApp, createTestUser, type TestApp } from '../../platform/testing/test-app';
import type { UseCaseContext } from '../../platform/use-case';
import { districtsModule } from '../districts';
import { organizationsModule } from '../organizations';
import { servicesModule } from '../services';
import { loadTerritoryFixture, territoryModule } from '../territory';
import { createAction, updateGroupAction } from './decisions-actions';
import { groupsModule } from './groups.module';
import { createGroup } from './manage-groups';
import { addMember } from './manage-members';
import { scheduleMeeting } from './meetings';
import { noticeOverdueActions } from './notice-overdue-actions';

/** 08:00 in Rome on that day, when the schedule fires. */
const morningOf = (day: string) => new Date(`${day}T07:00:00Z`);

/** The daily overdue notices, with a controlled clock: first late day, then weekly; once per action however many run. */
describe('overdue action notices', () => {
  let t: TestApp;
  let meetingId: string;
  let ownerId: string;
  let organizationId: string;
  const dueOn = addDays(todayInItaly(new Date()), -1);
  const notices = async (actionId: string) =>
    (await t.db.pool.query("select to_address from mail_outbox where topic_type = 'group_action' and topic_id = $1 order by to_address", [actionId])).rows.map((row) => row.to_address as string);

  beforeAll(async () => {
    t = await createTestApp([territoryModule, organizationsModule, districtsModule, servicesModule, groupsModule]);
    await loadTerritoryFixture(t.db);
    await seedDemoPinerolese(t.system, () => undefined);
    const districtId = (await t.db.pool.query('select id from districts where is_demo')).rows[0].id as string;
    organizationId = (await t.db.pool.query("select id from organizations where legal_name = 'Cooperativa sociale Val Chisone (demo)'")).rows[0].id as string;
    const chair = await createTestUser(t.system, [{ role: 'organization_member', organizationId }]);
    const owner = await createTestUser(t.system, [{ role: 'organization_member', organizationId }]);
    ownerId = owner.id;
    const group = await createGroup(t.system, { districtId, name: 'Tavolo dei ritardi' });
    await addMember(t.system, group.id, { userId: chair.id, organizationId, role: 'chair' }, 'https://distretto.example');
    await addMember(t.system, group.id, { userId: owner.id, organizationId, role: 'member' }, 'https://distretto.example');
    meetingId = (await scheduleMeeting(t.system, group.id, { title: 'Riunione', date: addDays(todayInItaly(new Date()), 5), startTime: '10:00', endTime: '11:00', onlineUrl: 'https://meet.example.org/x', sendInvitations: false }, 'https://distretto.example')).id;
  }, 300_000);
  afterAll(() => t?.close());

  const newAction = (title: string) => createAction(t.system, meetingId, { title, ownerUserId: ownerId, ownerOrganizationId: organizationId, dueOn });

  it('mails the owner and the chair on the first late day, not again within the week, again on the seventh day', async () => {
    const action = await newAction('Mappare i caregiver');
    expect(await noticeOverdueActions(t.system, { now: morningOf(dueOn) })).toEqual({ noticed: 0 });
    expect(await noticeOverdueActions(t.system, { now: morningOf(addDays(dueOn, 1)), linkBase: 'https://welfare.pinerolese.example.it' })).toEqual({ noticed: 1 });
    expect(await notices(action.id)).toHaveLength(2);
    const body = (await t.db.pool.query("select subject, body_text from mail_outbox where topic_type = 'group_action' and topic_id = $1 limit 1", [action.id])).rows[0];
    expect(body.subject).toBe('Azione in ritardo: Mappare i caregiver');
    // The link opens the web's «I miei tavoli» page (GROUPS_WEB_PATHS, shared with web/modules/groups).
    expect(body.body_text).toMatch(/ https:\/\/welfare\.pinerolese\.example\.it\/tavoli$/m);
    for (const days of [1, 2, 7]) expect(await noticeOverdueActions(t.system, { now: morningOf(addDays(dueOn, days)) }), `day ${days}`).toEqual({ noticed: 0 });
    expect(await noticeOverdueActions(t.system, { now: morningOf(addDays(dueOn, 8)) })).toEqual({ noticed: 1 });
    expect(await notices(action.id)).toHaveLength(4);
    // done: never again
    const fresh = (await t.db.pool.query('select version from group_actions where id = $1', [action.id])).rows[0].version as number;
    await updateGroupAction(t.system, action.id, { version: fresh, status: 'done' });
    expect(await noticeOverdueActions(t.system, { now: morningOf(addDays(dueOn, 30)) })).toEqual({ noticed: 0 });
    expect(await notices(action.id)).toHaveLength(4);
    const audited = await t.db.pool.query("select count(*)::int as n from audit_log where action = 'groups.notice-overdue-action' and entity_id = $1", [action.id]);
    expect(audited.rows[0].n).toBe(2);
  });

  it('notices an action once when two processes run the same morning at the same time', async () => {
    const action = await newAction('Stimare i costi');
    const day = addDays(dueOn, 40);
    // Two contexts as two worker processes would have, each on its own connections of the database.
    const processes: UseCaseContext[] = [{ ...t.system, requestId: 'worker-1' }, { ...t.system, requestId: 'worker-2' }];
    const runs = await Promise.all(processes.map((context) => noticeOverdueActions(context, { now: morningOf(day) })));
    expect(runs.reduce((sum, run) => sum + run.noticed, 0)).toBe(1);
    expect(await notices(action.id)).toHaveLength(2);
  });

  it('is refused to anyone but the scheduler and platform administrators', async () => {
    await expect(noticeOverdueActions({ ...t.system, actor: { kind: 'user', userId: ownerId, email: 'x@example.test', grants: [] } })).rejects.toThrow();
    // …refused as forbidden, not failing for another reason (the line above passes on any error).
    await expect(noticeOverdueActions({ ...t.system, actor: { kind: 'user', userId: ownerId, email: 'x@example.test', grants: [] } })).rejects.toMatchObject({ code: 'ACCESS.FORBIDDEN' });
  });
});
