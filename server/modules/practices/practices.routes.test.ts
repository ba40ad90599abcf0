import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TPractice, TPracticeCreate, TPracticePage } from '../../../common/contracts/practices';
import { createTestApp, createTestUser, signIn, type SignedIn, type TestApp } from '../../platform/testing/test-app';
import { EXE_HEADER, multipartBody, PDF_MINIMAL } from '../../platform/files/files-test-fixtures';
import { DEMO_COORDINATOR, seedDemoPinerolese } from '../../demo/demo-pinerolese.seed';
import { createDistrict, districtsModule } from '../districts';
import { createOrganization, organizationsModule } from '../organizations';
import { servicesModule } from '../services';
import { loadTerritoryFixture, territoryModule } from '../territory';
import { seedDemoPractices } from './fixtures/demo-practices.seed';
import { practicesModule } from './practices.module';

const TORINO = '001272';
const MAX_BYTES = 4096;
const FAILURE = 'Navetta aziendale per il primo turno (demo)';
const PARTIAL = 'Doposcuola diffuso nelle biblioteche (demo)';
const PUBLIC = 'Spesa a domicilio con i volontari per gli anziani soli (demo)';

/**
 * The practices base over HTTP (issue 15): visibility through every endpoint (list, search, page, attachments, export),
 * the failure-requires-its-lesson rule, Italian search (stems, accents, synonyms), filters, attachments refused by type
 * and size through the practices' file owner, moderation, and refused requests that change nothing.
 */
describe('practices base', () => {
  let t: TestApp;
  let districtId: string;
  let firmId: string;
  let coopId: string;
  let lavoroId: string;
  let firmMember: SignedIn;
  let coopMember: SignedIn;
  let coordinator: SignedIn;
  let otherDistrictMember: SignedIn;
  let signedInNonMember: SignedIn;
  const ids: Record<string, string> = {};
  const files: Record<string, string> = {};

  const request = async <T>(who: SignedIn | null, method: 'GET' | 'POST' | 'PATCH', url: string, options: { query?: Record<string, string>; payload?: unknown } = {}) => {
    const headers = who ? (method === 'GET' ? { cookie: who.cookie } : who.writeHeaders) : {};
    const response = await t.app.inject({ method, url, query: options.query ?? {}, payload: options.payload as object, headers });
    return { status: response.statusCode, body: (String(response.headers['content-type']).includes('json') ? response.json() : response.body) as T, text: response.body };
  };
  const titlesOf = async (who: SignedIn | null, query: Record<string, string> = {}) => {
    const page = await request<TPracticePage>(who, 'GET', '/api/practices', { query: { limit: '100', ...query } });
    expect(page.status).toBe(200);
    return page.body.items.map((item) => item.title);
  };
  const upload = (who: SignedIn | null, practiceId: string, name: string, content: Buffer) => {
    const body = multipartBody(name, content);
    return t.app.inject({ method: 'POST', url: `/api/files/practices.practice/${practiceId}`, payload: body.payload, headers: { ...body.headers, ...(who ? who.writeHeaders : {}) } });
  };
  const counts = async () => (await t.db.pool.query(`select (select count(*)::int from practices) as practices,
      (select count(*)::int from audit_log where action like 'practices.%') as audited,
      (select count(*)::int from stored_files where owner = 'practices.practice') as files`)).rows[0] as { practices: number; audited: number; files: number };
  const practiceInput = (extra: Partial<TPracticeCreate> = {}): TPracticeCreate => ({
    districtId, organizationId: firmId, title: 'Corso di ginnastica', whatTried: 'Un corso in palestra.', outcome: 'success', visibility: 'district', ...extra,
  });

  beforeAll(async () => {
    t = await createTestApp([territoryModule, organizationsModule, districtsModule, servicesModule, practicesModule], { files: { maxBytes: MAX_BYTES } });
    await loadTerritoryFixture(t.db);
    await seedDemoPinerolese(t.system, () => undefined);
    await seedDemoPractices(t.system, () => undefined);
    const row = (await t.db.pool.query(`
      select (select id from districts where is_demo) as district_id,
             (select id from organizations where legal_name = 'Meccanica Chisone S.r.l. (demo)') as firm_id,
             (select id from organizations where legal_name = 'Cooperativa sociale Val Chisone (demo)') as coop_id,
             (select id from organizations where legal_name = 'Cooperativa sociale Lavoro in Rete (demo)') as lavoro_id`)).rows[0];
    ({ district_id: districtId, firm_id: firmId, coop_id: coopId, lavoro_id: lavoroId } = row);
    for (const practice of (await t.db.pool.query('select id, title from practices')).rows) ids[practice.title] = practice.id;
    const torinoOrg = await createOrganization(t.system, { legalName: 'Associazione di Torino', kind: 'aps', municipalityCode: TORINO });
    await createDistrict(t.system, { name: 'Distretto di Torino', municipalityCodes: [TORINO], memberOrganizationIds: [torinoOrg.id] });
    coordinator = await signIn(t.app, DEMO_COORDINATOR.email, DEMO_COORDINATOR.password);
    firmMember = await signIn(t.app, (await createTestUser(t.system, [{ role: 'organization_member', organizationId: firmId }])).email);
    coopMember = await signIn(t.app, (await createTestUser(t.system, [{ role: 'organization_member', organizationId: coopId }])).email);
    otherDistrictMember = await signIn(t.app, (await createTestUser(t.system, [{ role: 'organization_admin', organizationId: torinoOrg.id }])).email);
    signedInNonMember = await signIn(t.app, (await createTestUser(t.system, [])).email);
    // One attachment on each of the three visibilities, stored by a writer of the practice.
    for (const [title, who] of [[FAILURE, firmMember], [PARTIAL, coordinator], [PUBLIC, coordinator]] as const) {
      const stored = await upload(who, ids[title]!, 'relazione.pdf', PDF_MINIMAL);
      expect(stored.statusCode, stored.body).toBe(201);
      files[title] = stored.json().id;
    }
  });
  afterAll(() => t.close());

  it('the demo has a public success, a members-only failure with its lesson and a partial result for signed-in users', async () => {
    const failure = await request<TPractice>(firmMember, 'GET', `/api/practices/${ids[FAILURE]}`);
    expect(failure.body).toMatchObject({ outcome: 'failure', visibility: 'district', canEdit: true, organization: { id: firmId } });
    expect(failure.body.failureCause).toContain('senza chiedere ai lavoratori');
    expect(failure.body.linkedOrganizations).toEqual([{ id: lavoroId, name: 'Cooperativa sociale Lavoro in Rete (demo)' }]);
    expect((await request<TPractice>(null, 'GET', `/api/practices/${ids[PUBLIC]}`)).body).toMatchObject({ visibility: 'public', outcome: 'success' });
    expect((await request<TPractice>(coordinator, 'GET', `/api/practices/${ids[PARTIAL]}`)).body).toMatchObject({ visibility: 'signed_in', outcome: 'partial' });
  });

  describe('visibility through every endpoint', () => {
    const readers = () => ({ firmMember, coopMember, coordinator, otherDistrictMember, signedInNonMember, anonymous: null });
    // Who reads what: members-only → the district's members and coordinator; signed-in → any account; public → anyone.
    const expected: Record<string, string[]> = {
      [FAILURE]: ['firmMember', 'coopMember', 'coordinator'],
      [PARTIAL]: ['firmMember', 'coopMember', 'coordinator', 'otherDistrictMember', 'signedInNonMember'],
      [PUBLIC]: ['firmMember', 'coopMember', 'coordinator', 'otherDistrictMember', 'signedInNonMember', 'anonymous'],
    };

    for (const title of [FAILURE, PARTIAL, PUBLIC]) {
      it(`${title}: page, list, search, filters, export, attachment list and download`, async () => {
        for (const [name, who] of Object.entries(readers())) {
          const may = expected[title]!.includes(name);
          const context = `${name} on ${title}`;
          const page = await request<TPractice>(who, 'GET', `/api/practices/${ids[title]}`);
          expect(page.status, context).toBe(may ? 200 : 404);
          expect(page.text.includes('primo turno') && !may, context).toBe(false);
          expect((await titlesOf(who)).includes(title), context).toBe(may);
          // Search by a word of the practice, and the one-click failures filter.
          const word = title.split(' ')[0]!;
          expect((await titlesOf(who, { q: word })).includes(title), context).toBe(may);
          expect((await titlesOf(who, { lessons: 'true', districtId })).includes(title), context).toBe(may && title !== PUBLIC);
          const csv = await request<string>(who, 'GET', '/api/practices/export.csv');
          expect(csv.status, context).toBe(200);
          expect(csv.text.includes(title), context).toBe(may);
          const listed = await t.app.inject({ url: `/api/files/practices.practice/${ids[title]}`, headers: who ? { cookie: who.cookie } : {} });
          expect(listed.statusCode, context).toBe(may ? 200 : 404);
          const download = await t.app.inject({ url: `/api/files/${files[title]}`, headers: who ? { cookie: who.cookie } : {} });
          expect(download.statusCode, context).toBe(may ? 200 : 404);
        }
      });
    }
  });

  it('a partial or failed practice must state its cause and lesson: 400 naming the fields, nothing written', async () => {
    const before = await counts();
    const refused = await request<{ code: string; details: { fields: { path: string }[] } }>(firmMember, 'POST', '/api/practices', {
      payload: practiceInput({ outcome: 'failure', failureCause: '   ', lessonLearned: '' }),
    });
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('PRACTICES.LESSON_REQUIRED');
    expect(refused.body.details.fields.map((field) => field.path)).toEqual(['failureCause', 'lessonLearned']);
    // An edit turning a success into a partial result without its lesson is refused the same way.
    const success = await request<TPractice>(coopMember, 'GET', `/api/practices/${ids['Sportello badanti condiviso tra i comuni della valle (demo)']}`);
    const edit = await request<{ code: string; details: { fields: { path: string }[] } }>(coopMember, 'PATCH', `/api/practices/${success.body.id}`, {
      payload: { title: success.body.title, whatTried: success.body.whatTried, outcome: 'partial', visibility: 'district', failureCause: 'Poche famiglie', version: success.body.version },
    });
    expect(edit.status).toBe(400);
    expect(edit.body.details.fields.map((field) => field.path)).toEqual(['lessonLearned']);
    expect((await request<TPractice>(coopMember, 'GET', `/api/practices/${success.body.id}`)).body).toMatchObject({ outcome: 'success', version: success.body.version });
    expect(await counts()).toEqual(before);
    // With both stated it is recorded, audited, with the author's organization and tags normalized.
    const created = await request<TPractice>(firmMember, 'POST', '/api/practices', {
      payload: practiceInput({ outcome: 'failure', failureCause: 'Nessuno iscritto', lessonLearned: 'Chiedere prima', tags: [' Sport ', 'sport'] }),
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ outcome: 'failure', tags: ['sport'], organization: { id: firmId }, authorName: expect.stringMatching(/^Test user/) });
    expect(await counts()).toEqual({ ...before, practices: before.practices + 1, audited: before.audited + 1 });
  });

  it('refuses bad input naming the field, and changes nothing', async () => {
    const before = await counts();
    const cases: [Partial<TPracticeCreate>, string][] = [
      [{ startedOn: '2026-05-01', endedOn: '2026-04-01' }, 'endedOn'],
      [{ categoryCode: 'non.esiste' }, 'categoryCode'],
      [{ linkedOrganizationIds: ['00000000-0000-4000-8000-000000000000'] }, 'linkedOrganizationIds'],
    ];
    for (const [extra, field] of cases) {
      const refused = await request<{ details: { fields: { path: string }[] } }>(firmMember, 'POST', '/api/practices', { payload: practiceInput(extra) });
      expect(refused.status, field).toBe(422);
      expect(refused.body.details.fields.map((f) => f.path), field).toContain(field);
    }
    expect(await counts()).toEqual(before);
  });

  it('only its organization, the district coordinator (moderation) and admins write; others are refused and nothing changes', async () => {
    const before = await counts();
    // An organization that is not a member cannot record for the district; a member cannot record for another organization.
    expect((await request(otherDistrictMember, 'POST', '/api/practices', { payload: practiceInput() })).status).toBe(403);
    expect((await request(coopMember, 'POST', '/api/practices', { payload: practiceInput() })).status).toBe(403);
    expect((await request(null, 'POST', '/api/practices', { payload: practiceInput() })).status).toBe(401);
    const failure = (await request<TPractice>(firmMember, 'GET', `/api/practices/${ids[FAILURE]}`)).body;
    const change = { title: 'Cambiato', whatTried: failure.whatTried, outcome: 'failure', visibility: 'public', failureCause: 'x', lessonLearned: 'y', version: failure.version };
    // Another member of the district reads it (canEdit false) but may not change it: 403; an outsider does not even see it: 404.
    expect((await request<TPractice>(coopMember, 'GET', `/api/practices/${ids[FAILURE]}`)).body.canEdit).toBe(false);
    expect((await request(coopMember, 'PATCH', `/api/practices/${ids[FAILURE]}`, { payload: change })).status).toBe(403);
    expect((await request(otherDistrictMember, 'PATCH', `/api/practices/${ids[FAILURE]}`, { payload: change })).status).toBe(404);
    expect((await request(null, 'PATCH', `/api/practices/${ids[FAILURE]}`, { payload: change })).status).toBe(401);
    expect((await request(firmMember, 'PATCH', `/api/practices/${ids[FAILURE]}`, { payload: { ...change, version: failure.version + 5 } })).status).toBe(409);
    expect(await counts()).toEqual(before);
    expect((await request<TPractice>(firmMember, 'GET', `/api/practices/${ids[FAILURE]}`)).body).toMatchObject({ title: FAILURE, visibility: 'district' });
    // The coordinator moderates: narrows a practice's visibility; the change is audited with before and after.
    const partial = (await request<TPractice>(coordinator, 'GET', `/api/practices/${ids[PARTIAL]}`)).body;
    const moderated = await request<TPractice>(coordinator, 'PATCH', `/api/practices/${ids[PARTIAL]}`, {
      payload: { title: partial.title, whatTried: partial.whatTried, outcome: 'partial', visibility: 'district', failureCause: partial.failureCause, lessonLearned: partial.lessonLearned, categoryCode: partial.categoryCode, tags: partial.tags, linkedOrganizationIds: partial.linkedOrganizations.map((o) => o.id), version: partial.version },
    });
    expect(moderated.status).toBe(200);
    expect(moderated.body).toMatchObject({ visibility: 'district', version: partial.version + 1 });
    expect((await request(signedInNonMember, 'GET', `/api/practices/${ids[PARTIAL]}`)).status).toBe(404);
    const audit = await t.db.pool.query(`select before->>'visibility' as before, after->>'visibility' as after from audit_log where action = 'practices.update-practice' and entity_id = $1`, [ids[PARTIAL]]);
    expect(audit.rows).toEqual([{ before: 'signed_in', after: 'district' }]);
  });

  describe('Italian full-text search as in the services search', () => {
    beforeAll(async () => {
      await request(firmMember, 'POST', '/api/practices', {
        payload: practiceInput({ title: 'Attività motoria per la terza età', whatTried: 'Passeggiate guidate nei boschi con un’educatrice.', visibility: 'signed_in', categoryCode: 'anziani.assistenza-domiciliare', tags: ['Movimento'] }),
      });
    });

    it('finds other inflections of a word (stems): plural for singular, verb forms', async () => {
      expect(await titlesOf(firmMember, { q: 'navette' })).toEqual([FAILURE]);
      expect(await titlesOf(firmMember, { q: 'biblioteca' })).toEqual([PARTIAL]);
      expect(await titlesOf(firmMember, { q: 'volontario' })).toEqual([PUBLIC]);
    });

    it('finds words from their start, also words a practice gained when it was written or changed', async () => {
      // "bosc" is no Italian stem of "boschi" ("bosch"): only the prefix finds it, expanded into the base's own words.
      expect(await titlesOf(firmMember, { q: 'bosc' })).toEqual(['Attività motoria per la terza età']);
      const failure = (await request<TPractice>(firmMember, 'GET', `/api/practices/${ids[FAILURE]}`)).body;
      const changed = await request(firmMember, 'PATCH', `/api/practices/${ids[FAILURE]}`, {
        payload: { title: failure.title, whatTried: `${failure.whatTried} Una fermata nella boscaglia.`, outcome: failure.outcome, visibility: failure.visibility, failureCause: failure.failureCause, lessonLearned: failure.lessonLearned, categoryCode: failure.categoryCode, tags: failure.tags, linkedOrganizationIds: failure.linkedOrganizations.map((o) => o.id), version: failure.version },
      });
      expect(changed.status).toBe(200);
      expect((await titlesOf(firmMember, { q: 'bosc' })).sort()).toEqual(['Attività motoria per la terza età', FAILURE].sort());
      expect((await request(firmMember, 'POST', '/api/practices', { payload: practiceInput({ title: 'Orto condiviso nel boschetto', visibility: 'signed_in' }) })).status).toBe(201);
      expect((await titlesOf(firmMember, { q: 'bosc' })).sort()).toEqual(['Attività motoria per la terza età', FAILURE, 'Orto condiviso nel boschetto'].sort());
    });

    it('searches what a practice is now: a change of visibility, outcome or tags reaches the search at once', async () => {
      const created = await request<TPractice>(firmMember, 'POST', '/api/practices', {
        payload: practiceInput({ title: 'Laboratorio di ceramica intergenerazionale', visibility: 'signed_in', tags: ['Ceramica'] }),
      });
      expect(created.status).toBe(201);
      expect(await titlesOf(otherDistrictMember, { q: 'ceramica' })).toEqual(['Laboratorio di ceramica intergenerazionale']);
      const practice = created.body;
      const changed = await request(firmMember, 'PATCH', `/api/practices/${practice.id}`, {
        payload: {
          title: practice.title, whatTried: practice.whatTried, outcome: 'failure', visibility: 'district', failureCause: 'Nessuno poteva accompagnare i ragazzi.',
          lessonLearned: 'Coinvolgere la scuola dall’inizio.', categoryCode: practice.categoryCode, tags: ['Argilla'],
          linkedOrganizationIds: practice.linkedOrganizations.map((o) => o.id), version: practice.version,
        },
      });
      expect(changed.status).toBe(200);
      // Members-only now: the other district's member no longer finds it; the district's own members do, under its new outcome and tag.
      expect(await titlesOf(otherDistrictMember, { q: 'ceramica' })).toEqual([]);
      expect(await titlesOf(coordinator, { q: 'ceramica', outcome: 'failure' })).toEqual(['Laboratorio di ceramica intergenerazionale']);
      expect(await titlesOf(coordinator, { q: 'ceramica', tag: 'ceramica' })).toEqual([]);
      expect(await titlesOf(coordinator, { q: 'ceramica', tag: 'argilla' })).toEqual(['Laboratorio di ceramica intergenerazionale']);
    });

    it('ignores accents either way', async () => {
      expect(await titlesOf(firmMember, { q: 'attivita motoria' })).toEqual(['Attività motoria per la terza età']);
      expect(await titlesOf(firmMember, { q: 'passeggiàte' })).toEqual(['Attività motoria per la terza età']);
    });

    it('expands the services search synonyms ("anziani" finds "terza età")', async () => {
      const titles = await titlesOf(firmMember, { q: 'anziani' });
      expect(titles).toContain('Attività motoria per la terza età');
      expect(titles).toContain(PUBLIC);
    });

    it('ranks a title match first and returns a snippet with the matches marked', async () => {
      const page = await request<TPracticePage>(firmMember, 'GET', '/api/practices', { query: { q: 'doposcuola' } });
      expect(page.body.items[0]).toMatchObject({ title: PARTIAL, outcome: 'partial' });
      expect(page.body.items[0]!.snippet).toMatch(/«[Dd]oposcuola»/);
      expect(page.body.total).toBe(page.body.items.length);
    });

    it('filters by outcome, failures and lessons, category (with its subcategories), district, tag and organization (linked too)', async () => {
      expect(await titlesOf(coordinator, { outcome: 'failure', q: 'navetta' })).toEqual([FAILURE]);
      const lessons = await titlesOf(coordinator, { lessons: 'true' });
      expect(lessons).toEqual(expect.arrayContaining([FAILURE, PARTIAL]));
      expect(lessons).not.toContain(PUBLIC);
      const pages = await request<TPracticePage>(coordinator, 'GET', '/api/practices', { query: { lessons: 'true', limit: '100' } });
      expect(pages.body.items.every((item) => item.outcome !== 'success')).toBe(true);
      expect((await titlesOf(coordinator, { categoryCode: 'anziani' })).sort()).toEqual(['Attività motoria per la terza età', PUBLIC, 'Sportello badanti condiviso tra i comuni della valle (demo)'].sort());
      expect(await titlesOf(coordinator, { tag: 'MOVIMENTO' })).toEqual(['Attività motoria per la terza età']);
      expect((await titlesOf(coordinator, { organizationId: lavoroId })).sort()).toEqual([FAILURE, PARTIAL].sort());
      const otherDistrict = (await t.db.pool.query("select id from districts where name = 'Distretto di Torino'")).rows[0].id;
      expect(await titlesOf(coordinator, { districtId: otherDistrict })).toEqual([]);
    });
  });

  it('attachments: a refused type or a file too large is refused through the practices owner, and nothing is stored', async () => {
    const before = await counts();
    const exe = await upload(firmMember, ids[FAILURE]!, 'relazione.pdf', EXE_HEADER);
    expect(exe.statusCode).toBe(415);
    expect(exe.json()).toMatchObject({ code: 'FILES.TYPE_REFUSED' });
    const large = await upload(firmMember, ids[FAILURE]!, 'grande.pdf', Buffer.concat([PDF_MINIMAL, Buffer.alloc(MAX_BYTES)]));
    expect(large.statusCode).toBe(413);
    // A reader who may not change the practice: 403; someone who may not read it: 404; anonymous: 401.
    expect((await upload(coopMember, ids[FAILURE]!, 'a.pdf', PDF_MINIMAL)).statusCode).toBe(403);
    expect((await upload(otherDistrictMember, ids[FAILURE]!, 'a.pdf', PDF_MINIMAL)).statusCode).toBe(404);
    expect((await upload(null, ids[FAILURE]!, 'a.pdf', PDF_MINIMAL)).statusCode).toBe(401);
    expect(await counts()).toEqual(before);
  });
});
