import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TAction, TAttendance, TDecision, TGroupDetail, TGroupMember, TGroupPage, TMeetingDetail, TMinutes, TMinutesDiff, TMyGroups } from '../../../common/contracts/groups';
import { addDays, todayInItaly } from '../../../common/domain/calendar';
import { DEMO_COORDINATOR, seedDemoPinerolese } from '../../demo/demo-pinerolese.seed';
import { EXE_HEADER, multipartBody, PDF_MINIMAL } from '../../platform/files/files-test-fixtures';
import { createTestApp, createTestUser, signIn, type SignedIn, type TestApp } from '../../platform/testing/test-app';
import { districtsModule } from '../districts';
import { homeModule } from '../home';
import { organizationsModule } from '../organizations';
import { servicesModule } from '../services';
import { loadTerritoryFixture, territoryModule } from '../territory';
import { groupsModule } from './groups.module';

const MAX_BYTES = 4096;

function parseCalendar(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  return calendar.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    return {
      uid: event.uid,
      sequence: event.sequence,
      summary: event.summary,
      start: event.startDate.toJSDate().toISOString(),
      tzid: event.startDate.zone?.tzid,
      localStart: event.startDate.toString(),
      status: vevent.getFirstPropertyValue('status'),
    };
  });
}

/**
 * Working groups over HTTP, on the embedded database and on PostgreSQL (DATABASE_URL): membership and roles, meetings
 * with invitations and iCalendar, attendance and quorum, minutes immutability and versions, decision numbering,
 * actions, documents through the file store, and what an outsider never reads.
 */
describe('working groups', () => {
  let t: TestApp;
  let districtId: string;
  const org: Record<'consortium' | 'coop' | 'firm' | 'elders' | 'foundation', string> = { consortium: '', coop: '', firm: '', elders: '', foundation: '' };
  let coordinator: SignedIn;
  let chair: SignedIn;
  let secretary: SignedIn;
  let member: SignedIn;
  let outsider: SignedIn;
  let foundationAdmin: SignedIn;
  const ids = { chair: '', secretary: '', member: '', outsider: '', foundationAdmin: '', substitute: '' };

  const call = async <T>(who: SignedIn | null, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown, query?: Record<string, string>) => {
    const headers = who ? (method === 'GET' ? { cookie: who.cookie } : who.writeHeaders) : {};
    const response = await t.app.inject({ method, url, query, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
    return { status: response.statusCode, body: (response.headers['content-type']?.toString().includes('json') ? response.json() : response.body) as T, raw: response };
  };
  const count = async (table: string, where = 'true', params: unknown[] = []) => (await t.db.pool.query(`select count(*)::int as n from ${table} where ${where}`, params)).rows[0].n as number;
  /** Time passes: the meeting now started two hours ago (scheduling itself refuses the past). */
  const moveIntoPast = (meetingId: string) =>
    t.db.pool.query("update group_meetings set starts_at = now() - interval '2 hours', ends_at = now() - interval '1 hour' where id = $1", [meetingId]);
  const futureDay = addDays(todayInItaly(new Date()), 10);
  const meetingInput = (extra: Record<string, unknown> = {}) => ({
    title: 'Riunione di avvio',
    date: futureDay,
    startTime: '17:30',
    endTime: '19:00',
    municipalityCode: '001191',
    address: 'Via dei Mille 1',
    agenda: [{ title: 'Presentazioni' }, { title: 'Calendario dei lavori' }],
    ...extra,
  });

  beforeAll(async () => {
    t = await createTestApp([territoryModule, organizationsModule, districtsModule, servicesModule, groupsModule, homeModule], { files: { maxBytes: MAX_BYTES } });
    await loadTerritoryFixture(t.db);
    await seedDemoPinerolese(t.system, () => undefined);
    const rows = await t.db.pool.query(`select id, legal_name from organizations where is_demo`);
    const byName = (name: string) => rows.rows.find((row) => row.legal_name === name)!.id as string;
    org.consortium = byName('Consorzio dei servizi sociali del Pinerolese (demo)');
    org.coop = byName('Cooperativa sociale Val Chisone (demo)');
    org.firm = byName('Meccanica Chisone S.r.l. (demo)');
    org.elders = byName('Associazione Anziani Attivi (demo)');
    org.foundation = byName('Fondazione Comunità Pinerolese (demo)');
    districtId = (await t.db.pool.query('select id from districts where is_demo')).rows[0].id;
    const make = async (key: keyof typeof ids, role: 'organization_admin' | 'organization_member', organizationId: string) => {
      const user = await createTestUser(t.system, [{ role, organizationId }]);
      ids[key] = user.id;
      return signIn(t.app, user.email);
    };
    coordinator = await signIn(t.app, DEMO_COORDINATOR.email, DEMO_COORDINATOR.password);
    chair = await make('chair', 'organization_member', org.coop);
    secretary = await make('secretary', 'organization_member', org.firm);
    member = await make('member', 'organization_admin', org.elders);
    outsider = await make('outsider', 'organization_member', org.foundation);
    foundationAdmin = await make('foundationAdmin', 'organization_admin', org.foundation);
    await make('substitute', 'organization_member', org.coop);
  }, 300_000);
  afterAll(() => t?.close());

  let group: TGroupDetail;
  const members: Record<string, TGroupMember> = {};

  it('lets the coordinator create a group; nobody else of the district, and nobody anonymous', async () => {
    const input = { districtId, name: 'Tavolo anziani', theme: 'Domiciliarità e sollievo', mandate: '## Mandato\n\nProporre servizi.', quorumPercent: 50 };
    expect((await call(outsider, 'POST', '/api/groups', input)).status).toBe(403);
    expect((await call(null, 'POST', '/api/groups', input)).status).toBe(401);
    expect((await call(coordinator, 'POST', '/api/groups', { ...input, categoryCodes: ['no-such-category'] })).body).toMatchObject({ details: { fields: [{ path: 'categoryCodes' }] } });
    expect(await count('working_groups')).toBe(0);
    const created = await call<TGroupDetail>(coordinator, 'POST', '/api/groups', input);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'forming', accessMode: 'invitation', quorumPercent: 50, members: [], can: { manageMembers: true, changeStatus: true }, nextStatuses: ['active', 'closed'] });
    group = created.body;
    const activated = await call<TGroupDetail>(coordinator, 'POST', `/api/groups/${group.id}/status`, { version: group.version, status: 'active' });
    expect(activated.body.status).toBe('active');
    const back = await call(coordinator, 'POST', `/api/groups/${group.id}/status`, { version: activated.body.version, status: 'forming' });
    expect(back.status).toBe(409);
    expect(back.body).toMatchObject({ code: 'GROUPS.INVALID_STATUS_CHANGE', details: { fields: [{ path: 'status' }] } });
    group = activated.body;
  });

  it('adds representatives with their roles and mails each; a person added twice is a 409 naming userId and changes nothing', async () => {
    const add = (userId: string, organizationId: string, role: string) => call<TGroupMember>(coordinator, 'POST', `/api/groups/${group.id}/members`, { userId, organizationId, role });
    members.chair = (await add(ids.chair, org.coop, 'chair')).body;
    members.secretary = (await add(ids.secretary, org.firm, 'secretary')).body;
    const added = await add(ids.member, org.elders, 'member');
    expect(added.status).toBe(201);
    members.member = added.body;
    expect(members.chair).toMatchObject({ role: 'chair', organizationName: 'Cooperativa sociale Val Chisone (demo)', isCurrent: true, personName: expect.stringContaining('Test user') });
    expect(await count('mail_outbox', "topic_type = 'group_member' and topic_id = $1", [group.id])).toBe(3);

    const twice = await add(ids.chair, org.coop, 'member');
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({ code: 'GROUPS.ALREADY_MEMBER', details: { fields: [{ path: 'userId', reason: 'already-used' }] } });
    // a person of an organization they hold no role in, and a non-member organization, are refused by field
    expect((await add(ids.outsider, org.coop, 'member')).body).toMatchObject({ details: { fields: [{ path: 'userId' }] } });
    expect(await count('working_group_members', 'group_id = $1', [group.id])).toBe(3);
    expect(await count('mail_outbox', "topic_type = 'group_member' and topic_id = $1", [group.id])).toBe(3);

    // the chair manages members afterwards; a plain member does not
    const substitute = await call<TGroupMember>(chair, 'PATCH', `/api/groups/${group.id}/members/${members.chair!.id}`, { version: members.chair!.version, substituteUserId: ids.substitute });
    expect(substitute.body).toMatchObject({ substituteUserId: ids.substitute, substituteName: expect.stringContaining('Test user') });
    members.chair = substitute.body;
    expect((await call(member, 'PATCH', `/api/groups/${group.id}/members/${members.member!.id}`, { version: members.member!.version, role: 'chair' })).status).toBe(403);
  });

  let meeting: TMeetingDetail;

  it('refuses bad meeting input naming the field, and stores nothing', async () => {
    const url = `/api/groups/${group.id}/meetings`;
    const cases: [Record<string, unknown>, string][] = [
      [{ endTime: '17:00' }, 'endTime'],
      [{ endDate: addDays(futureDay, -1), endTime: '19:00' }, 'endDate'],
      [{ date: addDays(todayInItaly(new Date()), -1) }, 'date'],
      [{ municipalityCode: null, onlineUrl: 'javascript:alert(1)' }, 'onlineUrl'],
      [{ municipalityCode: null }, 'municipalityCode'],
    ];
    for (const [change, field] of cases) {
      const refused = await call<{ details: { fields: { path: string }[] } }>(secretary, 'POST', url, meetingInput(change));
      expect(refused.status, field).toBeGreaterThanOrEqual(400);
      expect(refused.status, field).toBeLessThan(500);
      expect(refused.body.details.fields.map((issue) => issue.path.replace(/^body\./, '')), field).toContain(field);
    }
    expect((await call(member, 'POST', url, meetingInput())).status).toBe(403);
    expect(await count('group_meetings')).toBe(0);
    expect(await count('mail_outbox', "topic_type = 'group_meeting'")).toBe(0);
  });

  it('schedules a meeting and mails every current member the invitation, with the day of the week', async () => {
    const created = await call<TMeetingDetail>(secretary, 'POST', `/api/groups/${group.id}/meetings`, meetingInput());
    expect(created.status).toBe(201);
    meeting = created.body;
    expect(meeting).toMatchObject({ status: 'scheduled', startsLocal: `${futureDay}T17:30`, municipalityName: 'Pinerolo', sequence: 0, agenda: [{ position: 1, title: 'Presentazioni' }, { position: 2 }] });
    const mails = await t.db.pool.query("select to_address, subject, body_text from mail_outbox where topic_type = 'group_meeting' and topic_id = $1", [meeting.id]);
    // three members and the chair's substitute
    expect(mails.rows).toHaveLength(4);
    const weekday = new Intl.DateTimeFormat('it-IT', { weekday: 'long', timeZone: 'Europe/Rome' }).format(new Date(meeting.startsAt));
    expect(mails.rows[0].subject).toContain(weekday);
    expect(mails.rows[0].body_text).toContain('dalle 17:30 alle 19:00');
    expect(mails.rows[0].body_text).toContain(`/api/meetings/${meeting.id}/calendar.ics`);
  });

  it('serves the meeting as iCalendar in Europe/Rome with a stable UID; a change bumps SEQUENCE, a cancellation says CANCELLED', async () => {
    const first = await call<string>(member, 'GET', `/api/meetings/${meeting.id}/calendar.ics`);
    expect(first.raw.headers['content-type']).toContain('text/calendar');
    const [event] = parseCalendar(first.body);
    expect(event).toMatchObject({ uid: `meeting-${meeting.id}@distretto`, sequence: 0, tzid: 'Europe/Rome', start: meeting.startsAt, status: 'CONFIRMED' });
    expect(event!.localStart).toBe(`${futureDay}T17:30:00`);

    const moved = await call<TMeetingDetail>(secretary, 'PATCH', `/api/meetings/${meeting.id}`, { ...meetingInput({ startTime: '18:00', endTime: '19:30' }), version: meeting.version });
    expect(moved.status).toBe(200);
    const [after] = parseCalendar((await call<string>(member, 'GET', `/api/meetings/${meeting.id}/calendar.ics`)).body);
    expect(after).toMatchObject({ uid: event!.uid, sequence: 1, localStart: `${futureDay}T18:00:00` });
    expect(await count('mail_outbox', "topic_type = 'group_meeting' and topic_id = $1 and subject like 'Riunione modificata%'", [meeting.id])).toBe(4);
    meeting = moved.body;

    const spare = (await call<TMeetingDetail>(secretary, 'POST', `/api/groups/${group.id}/meetings`, meetingInput({ title: 'Riunione in più', sendInvitations: false }))).body;
    const cancelled = await call<TMeetingDetail>(chair, 'POST', `/api/meetings/${spare.id}/status`, { version: spare.version, status: 'cancelled' });
    expect(cancelled.body.status).toBe('cancelled');
    const [gone] = parseCalendar((await call<string>(chair, 'GET', `/api/meetings/${spare.id}/calendar.ics`)).body);
    expect(gone).toMatchObject({ status: 'CANCELLED', sequence: 1 });
    // nobody was invited to it, so nobody is told it is cancelled
    expect(await count('mail_outbox', 'topic_id = $1', [spare.id])).toBe(0);
  });

  it('serves the group feed to a calendar app by a personal secret address, until it is revoked', async () => {
    const token = await call<{ path: string }>(member, 'POST', `/api/groups/${group.id}/feed-token`);
    expect(token.status).toBe(201);
    const feed = await call<string>(null, 'GET', token.body.path);
    expect(feed.status).toBe(200);
    const events = parseCalendar(feed.body);
    expect(events.map((event) => event.uid).sort()).toHaveLength(2);
    expect(events.find((event) => event.uid === `meeting-${meeting.id}@distretto`)).toMatchObject({ sequence: 1 });
    // a new address revokes the old one; deleting it closes the feed
    const renewed = await call<{ path: string }>(member, 'POST', `/api/groups/${group.id}/feed-token`);
    expect((await call(null, 'GET', token.body.path)).status).toBe(404);
    expect((await call(null, 'GET', renewed.body.path)).status).toBe(200);
    expect((await call(member, 'DELETE', `/api/groups/${group.id}/feed-token`)).status).toBe(204);
    expect((await call(null, 'GET', renewed.body.path)).status).toBe(404);
  });

  it('records attendance with substitutes and computes the organizations represented and the quorum', async () => {
    // before the meeting starts, attendance and decisions are refused
    expect((await call(secretary, 'PUT', `/api/meetings/${meeting.id}/attendance`, { entries: [{ memberId: members.chair!.id, status: 'present' }] })).status).toBe(422);
    await moveIntoPast(meeting.id);
    const attendance = await call<TAttendance>(secretary, 'PUT', `/api/meetings/${meeting.id}/attendance`, {
      entries: [
        { memberId: members.chair!.id, status: 'substituted', substitutedByUserId: ids.substitute },
        { memberId: members.secretary!.id, status: 'present' },
        { memberId: members.member!.id, status: 'absent' },
      ],
    });
    expect(attendance.status).toBe(200);
    expect(attendance.body).toMatchObject({ organizationsRepresented: 2, memberOrganizations: 3, presentPercent: 66, quorumPercent: 50, quorumReached: true, recorded: true });
    expect(attendance.body.entries.find((entry) => entry.memberId === members.chair!.id)).toMatchObject({ status: 'substituted', substitutedByName: expect.stringContaining('Test user') });
    const missing = await call(secretary, 'PUT', `/api/meetings/${meeting.id}/attendance`, { entries: [{ memberId: members.member!.id, status: 'substituted' }] });
    expect(missing.body).toMatchObject({ details: { fields: [{ path: 'entries.0.substitutedByUserId' }] } });
    expect((await call<TMeetingDetail>(member, 'GET', `/api/meetings/${meeting.id}`)).body.attendance.entries.find((entry) => entry.memberId === members.member!.id)?.status).toBe('absent');
  });

  let decisions: TDecision[] = [];

  it('takes decisions only with the minutes of a held meeting, numbered per group and year', async () => {
    const decide = (title: string) => call<TDecision>(secretary, 'POST', `/api/meetings/${meeting.id}/decisions`, { title });
    const early = await decide('Decisione prematura');
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'GROUPS.MEETING_NOT_MINUTED', details: { fields: [{ path: 'meetingId' }] } });
    const held = await call<TMeetingDetail>(chair, 'POST', `/api/meetings/${meeting.id}/status`, { version: (await call<TMeetingDetail>(chair, 'GET', `/api/meetings/${meeting.id}`)).body.version, status: 'held' });
    expect(held.body.status).toBe('held');
    expect((await decide('Ancora senza verbale')).status).toBe(409);
    expect(await count('group_decisions')).toBe(0);

    const draft = await call<TMinutes>(secretary, 'PUT', `/api/meetings/${meeting.id}/minutes`, { version: 0, body: '## Verbale\n\nPresenti due organizzazioni su tre.' });
    expect(draft.body).toMatchObject({ status: 'draft', canPublish: true, canCorrect: false, version: 1 });
    decisions = [(await decide('Avviare la mappatura dei caregiver')).body, (await decide('Progettare il sollievo nel fine settimana')).body];
    const year = Number(meeting.startsLocal.slice(0, 4));
    expect(decisions.map((decision) => decision.reference)).toEqual([`${year}/1`, `${year}/2`]);
    expect(decisions.every((decision) => decision.isOfficial === false)).toBe(true);
  });

  it('accepts meeting documents through the file store, refusing a refused type or a file too large', async () => {
    const upload = (as: SignedIn, name: string, content: Buffer) => {
      const body = multipartBody(name, content);
      return t.app.inject({ method: 'POST', url: `/api/files/groups.meeting/${meeting.id}`, payload: body.payload, headers: { ...body.headers, ...as.writeHeaders } });
    };
    expect((await upload(secretary, 'ordine del giorno.pdf', PDF_MINIMAL)).statusCode).toBe(201);
    const exe = await upload(secretary, 'programma.pdf', EXE_HEADER);
    expect(exe.statusCode).toBe(415);
    expect(exe.json()).toMatchObject({ code: 'FILES.TYPE_REFUSED', details: { fields: [{ path: 'file' }] } });
    expect((await upload(secretary, 'grande.txt', Buffer.alloc(MAX_BYTES + 1, 'a'))).statusCode).toBe(413);
    expect((await upload(member, 'mio.pdf', PDF_MINIMAL)).statusCode).toBe(403);
    expect(await count('stored_files', "owner = 'groups.meeting' and record_id = $1", [meeting.id])).toBe(1);
    const listed = await call<{ items: unknown[] }>(member, 'GET', `/api/files/groups.meeting/${meeting.id}`);
    expect(listed.body.items).toHaveLength(1);
  });

  it('publishes minutes that never change afterwards: a correction is a new version with its reason, and the diff shows it', async () => {
    const current = (await call<TMinutes>(secretary, 'GET', `/api/meetings/${meeting.id}/minutes`)).body;
    expect((await call(member, 'POST', `/api/meetings/${meeting.id}/minutes/publish`, { version: current.version })).status).toBe(403);
    const published = await call<TMinutes>(secretary, 'POST', `/api/meetings/${meeting.id}/minutes/publish`, { version: current.version });
    expect(published.body).toMatchObject({ status: 'published', canEdit: false, canPublish: false, canCorrect: true });
    expect((await call<TMinutes>(member, 'GET', `/api/meetings/${meeting.id}/minutes`)).body).toMatchObject({ canCorrect: false });
    expect(published.body.decisions.every((decision) => decision.isOfficial)).toBe(true);

    const edit = await call(secretary, 'PUT', `/api/meetings/${meeting.id}/minutes`, { version: published.body.version, body: 'Riscritto' });
    expect(edit.status).toBe(409);
    expect(edit.body).toMatchObject({ code: 'GROUPS.MINUTES_PUBLISHED', details: { fields: [{ path: 'body' }] } });
    const stored = await t.db.pool.query('select number, body from group_minutes_versions where meeting_id = $1', [meeting.id]);
    expect(stored.rows).toEqual([{ number: 1, body: '## Verbale\n\nPresenti due organizzazioni su tre.' }]);
    // documents are closed with the minutes
    const body = multipartBody('tardivo.pdf', PDF_MINIMAL);
    expect((await t.app.inject({ method: 'POST', url: `/api/files/groups.meeting/${meeting.id}`, payload: body.payload, headers: { ...body.headers, ...secretary.writeHeaders } })).statusCode).toBe(403);

    const corrected = await call<TMinutes>(chair, 'POST', `/api/meetings/${meeting.id}/minutes/corrections`, {
      body: '## Verbale\n\nPresenti due organizzazioni su tre, una per sostituto.',
      reason: 'Mancava il sostituto',
    });
    expect(corrected.body.versions.map((version) => [version.number, version.status, version.reason])).toEqual([[2, 'published', 'Mancava il sostituto'], [1, 'published', null]]);
    const diff = await call<TMinutesDiff>(member, 'GET', `/api/meetings/${meeting.id}/minutes/diff`, undefined, { from: '1', to: '2' });
    expect(diff.body.reason).toBe('Mancava il sostituto');
    expect(diff.body.parts.filter((part) => part.kind === 'removed').map((part) => part.text.trim())).toEqual(['Presenti due organizzazioni su tre.']);
    expect(diff.body.parts.filter((part) => part.kind === 'added').map((part) => part.text.trim())).toEqual(['Presenti due organizzazioni su tre, una per sostituto.']);
    const group2 = (await call<TGroupDetail>(member, 'GET', `/api/groups/${group.id}`)).body;
    expect(group2.lastMinutes).toMatchObject({ meeting: { id: meeting.id }, version: { number: 2 } });
  });

  let overdue: TAction;

  it('assigns actions; the owner moves their status, not the rest; lateness puts them first', async () => {
    const today = todayInItaly(new Date());
    const assign = (title: string, dueOn: string, decisionId: string | null = null) =>
      call<TAction>(secretary, 'POST', `/api/meetings/${meeting.id}/actions`, { title, ownerUserId: ids.member, ownerOrganizationId: org.elders, dueOn, decisionId });
    const later = await assign('Preparare il calendario', addDays(today, 20));
    expect(later.status).toBe(201);
    overdue = (await assign('Mappare i caregiver', addDays(today, -3), decisions[0]!.id)).body;
    expect(overdue).toMatchObject({ isOverdue: true, decisionReference: decisions[0]!.reference, ownerName: expect.stringContaining('Test user') });
    expect((await call(secretary, 'POST', `/api/meetings/${meeting.id}/actions`, { title: 'Altrui', ownerUserId: ids.member, ownerOrganizationId: org.coop, dueOn: today })).body).toMatchObject({
      details: { fields: [{ path: 'ownerUserId' }] },
    });

    const mine = await call<TMyGroups>(member, 'GET', '/api/my-groups');
    expect(mine.body.groups.map((g) => [g.name, g.myRole])).toEqual([['Tavolo anziani', 'member']]);
    expect(mine.body.actions.map((action) => [action.title, action.isOverdue])).toEqual([['Mappare i caregiver', true], ['Preparare il calendario', false]]);
    const home = await call<{ groups: unknown }>(member, 'GET', '/api/home');
    expect(home.body.groups).toMatchObject({ openActions: 2, overdueActions: 1 });

    const progress = await call<TAction>(member, 'PATCH', `/api/actions/${overdue.id}`, { version: overdue.version, status: 'in_progress' });
    expect(progress.body).toMatchObject({ status: 'in_progress', isOverdue: true, canUpdate: true });
    overdue = progress.body;
    expect((await call(member, 'PATCH', `/api/actions/${overdue.id}`, { version: overdue.version, dueOn: addDays(today, 30) })).status).toBe(403);
    expect((await call(outsider, 'PATCH', `/api/actions/${overdue.id}`, { version: overdue.version, status: 'done' })).status).toBe(404);
    expect((await t.db.pool.query('select status, due_on::text as due from group_actions where id = $1', [overdue.id])).rows[0]).toEqual({ status: 'in_progress', due: addDays(today, -3) });
    const chairView = (await call<TGroupDetail>(chair, 'GET', `/api/groups/${group.id}`)).body;
    expect(chairView.openActions[0]).toMatchObject({ id: overdue.id, isOverdue: true });
  });

  it('lets a non-member of a by-invitation group read nothing private of it through any endpoint', async () => {
    const list = await call<TGroupPage>(outsider, 'GET', '/api/groups', undefined, { districtId });
    expect(list.body.items.map((item) => [item.name, item.canView, item.nextMeetingStartsAt])).toEqual([['Tavolo anziani', false, null]]);
    const privateUrls = [
      `/api/groups/${group.id}`,
      `/api/groups/${group.id}/meetings`,
      `/api/groups/${group.id}/actions`,
      `/api/groups/${group.id}/candidates`,
      `/api/meetings/${meeting.id}`,
      `/api/meetings/${meeting.id}/minutes`,
      `/api/meetings/${meeting.id}/calendar.ics`,
    ];
    for (const url of privateUrls) {
      const response = await call<{ code: string }>(outsider, 'GET', url);
      expect(response.status, url).toBe(404);
      expect(JSON.stringify(response.body), url).not.toContain('Verbale');
    }
    expect((await call(outsider, 'GET', `/api/meetings/${meeting.id}/minutes/diff`, undefined, { from: '1', to: '2' })).status).toBe(404);
    expect((await call(outsider, 'GET', `/api/files/groups.meeting/${meeting.id}`)).status).toBeGreaterThanOrEqual(403);
    // …and precisely 404, as for an unknown meeting (a failure would be a 500, which the line above lets pass).
    expect((await call(outsider, 'GET', `/api/files/groups.meeting/${meeting.id}`)).status).toBe(404);
    expect((await call(outsider, 'POST', `/api/groups/${group.id}/feed-token`)).status).toBe(404);
    expect((await call(outsider, 'POST', `/api/groups/${group.id}/join`, { organizationId: org.foundation, userId: ids.outsider })).status).toBe(404);
    expect((await call(null, 'GET', `/api/groups/${group.id}`)).status).toBe(401);
  });

  it('opens an open group to the district: an organization administrator joins, its other people read published minutes only', async () => {
    const open = (await call<TGroupDetail>(coordinator, 'POST', '/api/groups', { districtId, name: 'Tavolo aperto', accessMode: 'open' })).body;
    await call(coordinator, 'POST', `/api/groups/${open.id}/members`, { userId: ids.secretary, organizationId: org.firm, role: 'secretary' });
    const seen = await call<TGroupDetail>(outsider, 'GET', `/api/groups/${open.id}`);
    expect(seen.body).toMatchObject({ canView: true, can: { join: true, manageMembers: false } });
    expect((await call(outsider, 'POST', `/api/groups/${open.id}/join`, { organizationId: org.foundation, userId: ids.outsider })).status).toBe(403);
    const joined = await call<TGroupMember>(foundationAdmin, 'POST', `/api/groups/${open.id}/join`, { organizationId: org.foundation, userId: ids.outsider });
    expect(joined.body).toMatchObject({ role: 'member', userId: ids.outsider, organizationId: org.foundation });
    expect((await call(foundationAdmin, 'POST', `/api/groups/${open.id}/join`, { organizationId: org.foundation, userId: ids.outsider })).body).toMatchObject({ code: 'GROUPS.ALREADY_MEMBER' });

    const m = (await call<TMeetingDetail>(secretary, 'POST', `/api/groups/${open.id}/meetings`, meetingInput({ sendInvitations: false }))).body;
    await moveIntoPast(m.id);
    const fresh = (await call<TMeetingDetail>(secretary, 'GET', `/api/meetings/${m.id}`)).body;
    await call(secretary, 'POST', `/api/meetings/${m.id}/status`, { version: fresh.version, status: 'held' });
    await call(secretary, 'PUT', `/api/meetings/${m.id}/minutes`, { version: 0, body: 'Bozza riservata' });
    await call(secretary, 'POST', `/api/meetings/${m.id}/decisions`, { title: 'Decisione in bozza' });
    // the foundation's admin is not a member (the outsider represents it): reads the page, not the draft nor its decisions
    const minutes = await call<TMinutes>(foundationAdmin, 'GET', `/api/meetings/${m.id}/minutes`);
    expect(minutes.body).toMatchObject({ status: null, versions: [], decisions: [], canEdit: false });
    const page = await call<TMeetingDetail>(foundationAdmin, 'GET', `/api/meetings/${m.id}`);
    expect(page.body.decisions).toEqual([]);
    expect(JSON.stringify(page.body)).not.toContain('Bozza riservata');
    expect((await call<TMinutes>(outsider, 'GET', `/api/meetings/${m.id}/minutes`)).body.versions).toHaveLength(1);
  });

  it('numbers concurrent decisions of one group without repeats or gaps; a refused request takes no number', async () => {
    const g = (await call<TGroupDetail>(coordinator, 'POST', '/api/groups', { districtId, name: 'Tavolo numeri' })).body;
    const heldMeeting = async () => {
      const created = (await call<TMeetingDetail>(coordinator, 'POST', `/api/groups/${g.id}/meetings`, meetingInput({ sendInvitations: false }))).body;
      await moveIntoPast(created.id);
      const fresh = (await call<TMeetingDetail>(coordinator, 'GET', `/api/meetings/${created.id}`)).body;
      await call(coordinator, 'POST', `/api/meetings/${created.id}/status`, { version: fresh.version, status: 'held' });
      await call(coordinator, 'PUT', `/api/meetings/${created.id}/minutes`, { version: 0, body: 'Verbale' });
      return created;
    };
    const [a, b] = [await heldMeeting(), await heldMeeting()];
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, index) => call<TDecision>(coordinator, 'POST', `/api/meetings/${(index % 2 ? a : b).id}/decisions`, { title: `Decisione ${index + 1}` })),
    );
    expect(results.map((result) => result.status)).toEqual([201, 201, 201, 201, 201, 201]);
    expect(results.map((result) => result.body.number).sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6]);
    const invalid = await call(coordinator, 'POST', `/api/meetings/${a.id}/decisions`, { title: 'x' });
    expect(invalid.status).toBe(422);
    expect((await call<TDecision>(coordinator, 'POST', `/api/meetings/${a.id}/decisions`, { title: 'Settima' })).body.number).toBe(7);
  });

  it("lists the district's groups with each viewer's own membership of each", async () => {
    const listed = async (who: SignedIn) =>
      (await call<TGroupPage>(who, 'GET', '/api/groups', undefined, { districtId })).body.items.map((item) => [item.name, item.isMember, item.canView]);
    // The secretary represents the firm in two groups; the outsider joined the open one only; nobody is in «Tavolo numeri».
    expect(await listed(secretary)).toEqual([['Tavolo anziani', true, true], ['Tavolo aperto', true, true], ['Tavolo numeri', false, false]]);
    expect(await listed(outsider)).toEqual([['Tavolo anziani', false, false], ['Tavolo aperto', true, true], ['Tavolo numeri', false, false]]);
    expect(await listed(coordinator)).toEqual([['Tavolo anziani', false, true], ['Tavolo aperto', false, true], ['Tavolo numeri', false, true]]);
    const mine = await call<TMyGroups>(secretary, 'GET', '/api/my-groups');
    expect(mine.body.groups.map((g) => [g.name, g.myRole])).toEqual([['Tavolo anziani', 'secretary'], ['Tavolo aperto', 'secretary']]);
  });

  it('counts the members current today (in Rome) and the organizations they represent; one starting tomorrow is not counted yet', async () => {
    const numeri = (await call<TGroupPage>(coordinator, 'GET', '/api/groups', undefined, { districtId, q: 'numeri' })).body.items[0]!;
    const future = await call<TGroupMember>(coordinator, 'POST', `/api/groups/${numeri.id}/members`, { userId: ids.member, organizationId: org.elders, role: 'member', fromOn: addDays(todayInItaly(new Date()), 1) });
    expect(future.body).toMatchObject({ isCurrent: false });
    const counted = (await call<TGroupPage>(coordinator, 'GET', '/api/groups', undefined, { districtId })).body.items.map((item) => [item.name, item.memberCount, item.organizationCount]);
    // «Tavolo anziani»: chair (cooperative), secretary (firm), member (elders); «Tavolo aperto»: the firm's secretary and the foundation's outsider.
    expect(counted).toEqual([['Tavolo anziani', 3, 3], ['Tavolo aperto', 2, 2], ['Tavolo numeri', 0, 0]]);
    expect((await call<TGroupDetail>(coordinator, 'GET', `/api/groups/${numeri.id}`)).body).toMatchObject({ memberCount: 0, organizationCount: 0 });
    expect((await call<TGroupPage>(member, 'GET', '/api/groups', undefined, { districtId, mine: 'true' })).body.items.map((item) => item.name)).toEqual(['Tavolo anziani']);
    expect((await call<TMyGroups>(member, 'GET', '/api/my-groups')).body.groups.map((g) => g.name)).toEqual(['Tavolo anziani']);
  });

  it('audits every write and changes nothing on a refused request', async () => {
    const actions = (await t.db.pool.query("select action, count(*)::int as n from audit_log where action like 'groups.%' group by action")).rows.map((row) => row.action);
    for (const action of ['groups.create-group', 'groups.add-member', 'groups.join-group', 'groups.schedule-meeting', 'groups.send-invitations', 'groups.update-meeting', 'groups.record-attendance', 'groups.save-minutes', 'groups.publish-minutes', 'groups.correct-minutes', 'groups.record-decision', 'groups.create-action', 'groups.update-action', 'groups.create-feed-token', 'groups.revoke-feed-token']) {
      expect(actions, action).toContain(action);
    }
    const before = await count('audit_log', "action like 'groups.%'");
    expect((await call(member, 'POST', `/api/groups/${group.id}/status`, { version: group.version, status: 'closed' })).status).toBe(403);
    expect((await call(outsider, 'PUT', `/api/meetings/${meeting.id}/minutes`, { version: 1, body: 'x' })).status).toBe(404);
    expect(await count('audit_log', "action like 'groups.%'")).toBe(before);
    expect((await t.db.pool.query('select status from working_groups where id = $1', [group.id])).rows[0].status).toBe('active');
  });
});
