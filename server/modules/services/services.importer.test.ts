import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestUser, signIn, type TestApp } from '../../platform/testing/test-app';
import { organizationsModule } from '../organizations';
import { districtsModule } from '../districts';
import { loadTerritoryFixture, territoryModule } from '../territory';
import { importServicesCsv, parseScheduleCell } from './services.importer';
import { servicesModule } from './services.module';
import { seedDemoPinerolese } from '../../demo/demo-pinerolese.seed';

const EXAMPLE = readFileSync(join(import.meta.dirname, '../../../data/examples/servizi-pinerolese.csv'), 'utf8');
const HEADER = EXAMPLE.split('\n')[0]!;

describe('CSV import of services', () => {
  let t: TestApp;
  const count = async () => Number((await t.db.pool.query('select count(*) as n from services')).rows[0].n);

  beforeAll(async () => {
    t = await createTestApp([territoryModule, organizationsModule, districtsModule, servicesModule]);
    await loadTerritoryFixture(t.db);
    await seedDemoPinerolese(t.system, () => undefined);
  });
  afterAll(() => t.close());

  it('reads weekly schedules with days, ranges and times', () => {
    expect(parseScheduleCell('MO-WE,FR 9:00-12:30; SA 09:00-12:00').rules).toEqual([
      { freq: 'WEEKLY', byday: ['MO', 'TU', 'WE', 'FR'], bymonthday: [], opensAt: '09:00', closesAt: '12:30', notes: '' },
      { freq: 'WEEKLY', byday: ['SA'], bymonthday: [], opensAt: '09:00', closesAt: '12:00', notes: '' },
    ]);
    expect(parseScheduleCell('lunedì').problem).toMatch(/not like/);
  });

  it('dry run: reports each bad row with its line number and reasons, and writes nothing', async () => {
    const bad = [
      HEADER,
      EXAMPLE.split('\n')[1],
      'Organizzazione inesistente,Servizio senza fornitore,,,,,,,,,,,,,,,,,,,,,,,,,,,,',
      'Fondazione Comunità Pinerolese (demo),Servizio sbagliato,,categoria.inventata,,,gratis,,,,,,,,,,,,,,,Sede,,,999999,,,,lunedì,',
    ].join('\n');
    const before = await count();
    const report = await importServicesCsv(t.system, bad, { dryRun: true });
    expect(report).toMatchObject({ dryRun: true, total: 3, valid: 1, created: 0 });
    expect(report.rows[0]).toMatchObject({ line: 2, status: 'ok', reasons: [] });
    expect(report.rows[1]).toMatchObject({ line: 3, status: 'error' });
    expect(report.rows[1]!.reasons[0]).toMatch(/^organization: "Organizzazione inesistente" not found/);
    expect(report.rows[2]!.line).toBe(4);
    expect(report.rows[2]!.reasons).toEqual([expect.stringMatching(/^schedule: "lunedì"/)]);
    // Not a dry run either: a file with bad rows writes nothing, so the corrected file can be sent again.
    const refused = await importServicesCsv(t.system, bad, { dryRun: false });
    expect(refused.created).toBe(0);
    expect(await count()).toBe(before);
  });

  it('names the field when the row parses but the service is invalid', async () => {
    const row = 'Fondazione Comunità Pinerolese (demo),Servizio sbagliato,,categoria.inventata,,,gratis,,,,,,,,,,,,,,,Sede,,,999999,,,,,';
    const report = await importServicesCsv(t.system, `${HEADER}\n${row}`, { dryRun: true });
    expect(report.rows[0]!.reasons).toEqual([expect.stringMatching(/^costKind: /)]);
  });

  it('reads prices as euros written the Italian or the English way, stores cents, and reports a bad price with its line', async () => {
    const course = EXAMPLE.split('\n')[2]!;
    expect(course).toContain(',fee,20,');
    const withPrice = (name: string, price: string) => course.replace('Corso di informatica per over 65', name).replace(',fee,20,', `,fee,${price},`);
    const file = [
      HEADER,
      withPrice('Corso con virgola', '"12,50"'),
      withPrice('Corso con punto', '12.50'),
      withPrice('Corso con migliaia', '"1.234,56"'),
      withPrice('Corso con tre decimali', '"12,5050"'),
      withPrice('Corso a parole', 'dodici'),
      withPrice('Corso negativo', '-5'),
    ].join('\n');
    const report = await importServicesCsv(t.system, file, { dryRun: true });
    expect(report.rows.map((row) => [row.line, row.status])).toEqual([[2, 'ok'], [3, 'ok'], [4, 'ok'], [5, 'error'], [6, 'error'], [7, 'error']]);
    expect(report.rows[3]!.reasons).toEqual(['cost_amount: "12,5050" has more than two decimals (write 1234,50 without a thousands separator)']);
    expect(report.rows[4]!.reasons).toEqual(['cost_amount: "dodici" is not an amount of euros (write 12,50 or 12.50)']);
    expect(report.rows[5]!.reasons).toEqual(['cost_amount: "-5" must be between 0 and 1000000 euros']);

    const written = await importServicesCsv(t.system, [HEADER, withPrice('Corso con virgola', '"12,50"'), withPrice('Corso con punto', '12.50'), withPrice('Corso con migliaia', '"1.234,56"')].join('\n'), { dryRun: false });
    expect(written.created).toBe(3);
    const stored = await t.db.pool.query<{ name: string; cost_cents: number }>(
      `select name, cost_cents from services where name like 'Corso con %' order by name`,
    );
    expect(stored.rows).toEqual([
      { name: 'Corso con migliaia', cost_cents: 123456 },
      { name: 'Corso con punto', cost_cents: 1250 },
      { name: 'Corso con virgola', cost_cents: 1250 },
    ]);
    const view = await t.app.inject({ url: `/api/services/${written.rows[0]!.serviceId}` });
    expect(view.json()).toMatchObject({ costKind: 'fee', costCents: 1250 });
  });

  it('imports the example file through the HTTP API (admins only), then refuses the same rows as duplicates', async () => {
    const admin = await signIn(t.app, (await createTestUser(t.system, [{ role: 'platform_admin' }])).email);
    const coordinator = await signIn(t.app, (await createTestUser(t.system, [{ role: 'district_coordinator', districtId: (await t.app.inject({ url: '/api/districts' })).json().items[0].id }])).email);
    const forbidden = await t.app.inject({ method: 'POST', url: '/api/services/import', headers: coordinator.writeHeaders, payload: { csv: EXAMPLE, dryRun: true } });
    expect(forbidden.statusCode).toBe(403);
    const before = await count();
    const response = await t.app.inject({ method: 'POST', url: '/api/services/import', headers: admin.writeHeaders, payload: { csv: EXAMPLE, dryRun: false } });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ total: 3, valid: 3, created: 3 });
    expect(await count()).toBe(before + 3);
    const meals = await t.app.inject({ url: `/api/services/${response.json().rows[0].serviceId}` });
    expect(meals.json()).toMatchObject({
      name: 'Pasti caldi a domicilio',
      minimumAge: 75,
      capacity: { total: 80, free: 11, unit: 'places', period: 'day' },
      schedules: [{ byday: ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'], opensAt: '11:00', closesAt: '13:00' }],
      location: { municipalityName: 'Perosa Argentina' },
    });
    expect(meals.json().serviceAreaMunicipalities.map((m: { name: string }) => m.name)).toEqual(['Perosa Argentina', 'Pinasca', 'Pinerolo']);
    const again = await importServicesCsv(t.system, EXAMPLE, { dryRun: true });
    expect(again.rows.map((row) => row.reasons)).toEqual([
      ['name: this organization already has a service with this name'],
      ['name: this organization already has a service with this name'],
      ['name: this organization already has a service with this name'],
    ]);
  });

  it('CSV encodings: a UTF-16 upload (bytes in base64) is read, checked like a text one, and its encoding named in the report', async () => {
    const admin = await signIn(t.app, (await createTestUser(t.system, [{ role: 'platform_admin' }])).email);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(String(EXAMPLE), 'utf16le')]).toString('base64');
    const response = await t.app.inject({ method: 'POST', url: '/api/services/import', headers: admin.writeHeaders, payload: { contentBase64: utf16, dryRun: true } });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ encoding: 'utf-16le', total: 3 });
    const mixed = Buffer.concat([Buffer.from('nome\nCaffè\n', 'utf8'), Buffer.from('Agliè\n', 'latin1')]).toString('base64');
    const refused = await t.app.inject({ method: 'POST', url: '/api/services/import', headers: admin.writeHeaders, payload: { contentBase64: mixed, dryRun: true } });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'IMPORT.UNREADABLE_TEXT', message: expect.stringContaining('line 3') });
  });
});

