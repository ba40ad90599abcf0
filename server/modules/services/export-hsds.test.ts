import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../platform/testing/test-app';
import { organizationsModule } from '../organizations';
import { districtsModule } from '../districts';
import { loadTerritoryFixture, territoryModule } from '../territory';
import { seedDemoServices } from './fixtures/demo-services.seed';
import { exportHsds } from './read-hsds';
import { servicesModule } from './services.module';
import { seedDemoPinerolese } from '../../demo/demo-pinerolese.seed';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const SCHEMA_FOLDER = join(import.meta.dirname, 'fixtures', 'hsds-3');

/** The official HSDS 3 schemas, each registered under its file name so their `$ref: "phone.json"` resolve. */
function hsdsValidators(): Record<string, ValidateFunction> {
  // strict: false — the HSDS files carry Table Schema keywords (constraints, core, example, datapackage_*).
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const files = readdirSync(SCHEMA_FOLDER).filter((file) => file.endsWith('.json'));
  for (const file of files) ajv.addSchema(JSON.parse(readFileSync(join(SCHEMA_FOLDER, file), 'utf8')), file);
  const validator = (name: string) => ajv.getSchema(`${name}.json`)!;
  return {
    organizations: validator('organization'),
    services: validator('service'),
    locations: validator('location'),
    service_at_locations: validator('service_at_location'),
    taxonomies: validator('taxonomy'),
    taxonomy_terms: validator('taxonomy_term'),
  };
}

function problemsOf(validate: ValidateFunction, items: unknown[]): string[] {
  return items.flatMap((item, index) =>
    validate(item) ? [] : (validate.errors ?? []).map((error) => `#${index} ${error.instancePath} ${error.message}`),
  );
}

describe('HSDS open data', () => {
  let t: TestApp;
  const validators = hsdsValidators();

  beforeAll(async () => {
    t = await createTestApp([territoryModule, organizationsModule, districtsModule, servicesModule]);
    await loadTerritoryFixture(t.db);
    await seedDemoPinerolese(t.system, () => undefined);
    await seedDemoServices(t.system, () => undefined);
  });
  afterAll(() => t.close());

  it('exports every table, each object valid against the official HSDS 3 schema', async () => {
    // The organizations registry's contact columns reach HSDS; a website typed without https:// is left out.
    await t.db.pool.query(`update organizations set website = 'https://valchisone.example', email = 'info@valchisone.example',
      fiscal_code = '01234567890', phone = '0121 000 001' where legal_name = 'Cooperativa sociale Val Chisone (demo)'`);
    await t.db.pool.query(`update organizations set website = 'www.anzianiattivi.example' where legal_name = 'Associazione Anziani Attivi (demo)'`);
    const data = await exportHsds(t.system);
    const cooperative = data.organizations.find((organization) => organization.name === 'Cooperativa sociale Val Chisone (demo)');
    expect(cooperative).toMatchObject({ website: 'https://valchisone.example', email: 'info@valchisone.example', tax_id: '01234567890' });
    // The organization's phone is private (its profile's private block): open data never carries it.
    expect(cooperative).not.toHaveProperty('phones');
    expect(data.organizations.find((organization) => organization.name === 'Associazione Anziani Attivi (demo)')).not.toHaveProperty('website');
    expect(data.services.length).toBeGreaterThanOrEqual(14);
    expect(data.organizations.length).toBe(6);
    expect(data.taxonomies).toHaveLength(1);
    expect(data.taxonomy_terms.length).toBeGreaterThan(40);
    expect(data.locations.length).toBeGreaterThan(5);
    expect(data.service_at_locations.length).toBe(data.locations.length);
    for (const entity of ['organizations', 'services', 'locations', 'service_at_locations', 'taxonomies', 'taxonomy_terms'] as const) {
      expect(problemsOf(validators[entity]!, data[entity]), entity).toEqual([]);
    }
    const home = data.services.find((service) => service.name === 'Assistenza domiciliare anziani')!;
    expect(home).toMatchObject({
      status: 'active',
      minimum_age: 65,
      schedules: [{ freq: 'WEEKLY', byday: 'MO,TU,WE,TH,FR', opens_at: '08:00', closes_at: '18:00', description: 'Dal lunedì al venerdì dalle 8:00 alle 18:00' }],
      cost_options: [{ option: 'In base all’ISEE' }],
    });
    expect((home.attributes as { taxonomy_term_id?: string }[]).some((attribute) => attribute.taxonomy_term_id)).toBe(true);
    // A price is stored in cents and leaves as the decimal number of euros HSDS asks for, with its currency.
    const dayCentre = data.services.find((service) => service.name === 'Centro diurno per anziani «Il Melograno»')!;
    expect(dayCentre.cost_options).toEqual([expect.objectContaining({ option: 'A pagamento', currency: 'EUR', amount: 28 })]);
    expect(dayCentre.fees_description).toBe('A pagamento: Retta giornaliera, pranzo compreso; contributo del consorzio per chi ha ISEE basso. — 28.00 EUR');
  });

  it('writes a price in cents as an exact decimal amount of euros', async () => {
    await t.db.pool.query(`update services set cost_cents = 1999 where name = 'Ginnastica dolce per la terza età'`);
    const data = await exportHsds(t.system);
    const gym = data.services.find((service) => service.name === 'Ginnastica dolce per la terza età')!;
    expect(gym.cost_options).toEqual([expect.objectContaining({ currency: 'EUR', amount: 19.99 })]);
    expect(gym.fees_description).toContain('19.99 EUR');
    expect(problemsOf(validators.services!, [gym])).toEqual([]);
  });

  it('a validator that cannot fail is no test: a broken service is refused', () => {
    expect(validators.services!({ id: 'not-a-uuid', name: 'x', status: 'open' })).toBe(false);
    expect(validators.services!({ name: 'x', status: 'active' })).toBe(false);
  });

  it('serves the HSDS API: paged lists and full objects, valid against the schemas', async () => {
    const list = await t.app.inject({ url: '/api/hsds/services?per_page=5' });
    expect(list.statusCode).toBe(200);
    const page = list.json();
    expect(page).toMatchObject({ page_number: 1, size: 5, first_page: true, last_page: false, empty: false });
    expect(page.total_items).toBeGreaterThanOrEqual(14);
    expect(problemsOf(validators.services!, page.contents)).toEqual([]);
    const one = await t.app.inject({ url: `/api/hsds/services/${page.contents[0].id}` });
    expect(problemsOf(validators.services!, [one.json()])).toEqual([]);
    expect(one.json().organization.id).toBe(page.contents[0].organization_id);
    const searched = await t.app.inject({ url: '/api/hsds/services?search=badante' });
    expect(searched.json().contents.map((service: { name: string }) => service.name)).toContain('Sportello badanti e assistenza familiare');
    for (const entity of ['organizations', 'locations', 'service_at_locations', 'taxonomies', 'taxonomy_terms'] as const) {
      const response = await t.app.inject({ url: `/api/hsds/${entity}?per_page=200` });
      expect(response.statusCode, entity).toBe(200);
      expect(problemsOf(validators[entity]!, response.json().contents), entity).toEqual([]);
      const first = response.json().contents[0];
      const single = await t.app.inject({ url: `/api/hsds/${entity}/${first.id}` });
      expect(single.statusCode, entity).toBe(200);
      expect(problemsOf(validators[entity]!, [single.json()]), entity).toEqual([]);
    }
    const missing = await t.app.inject({ url: '/api/hsds/services/00000000-0000-4000-8000-000000000000' });
    expect(missing.statusCode).toBe(404);
  });

  describe('finding 2: the public HSDS export carries only public organization fields', () => {
    const PRIVATE_PHONE = '0121 987 6543';
    const PRIVATE_NOTES = 'Nota riservata hsds-ornitorinco';
    let organizationId: string;

    beforeAll(async () => {
      const updated = await t.db.pool.query<{ id: string }>(
        `update organizations set phone = $1, notes = $2 where legal_name = 'Cooperativa sociale Lavoro in Rete (demo)' returning id`,
        [PRIVATE_PHONE, PRIVATE_NOTES],
      );
      organizationId = updated.rows[0]!.id;
    });

    const expectNoPrivateField = (body: string) => {
      expect(body).not.toContain(PRIVATE_PHONE);
      expect(body).not.toContain(PRIVATE_NOTES);
    };

    it('finding 2: anonymous GET /api/hsds/organizations/{id} has no private phone or notes', async () => {
      const response = await t.app.inject({ url: `/api/hsds/organizations/${organizationId}` });
      expect(response.statusCode).toBe(200);
      expect(response.json().id).toBe(organizationId);
      expect(response.json()).not.toHaveProperty('phones');
      expectNoPrivateField(response.body);
    });

    it('finding 2: the anonymous HSDS organizations list has no private phone or notes', async () => {
      const response = await t.app.inject({ url: '/api/hsds/organizations?per_page=200' });
      expect(response.json().contents.map((organization: { id: string }) => organization.id)).toContain(organizationId);
      expectNoPrivateField(response.body);
    });

    it('finding 2: the organization embedded in /api/hsds/services (list and one) has no private phone or notes', async () => {
      const list = await t.app.inject({ url: `/api/hsds/services?per_page=200&organization_id=${organizationId}` });
      const services = list.json().contents as { id: string; organization: { id: string } }[];
      expect(services.length).toBeGreaterThan(0);
      expect(services[0]!.organization.id).toBe(organizationId);
      expectNoPrivateField(list.body);
      const one = await t.app.inject({ url: `/api/hsds/services/${services[0]!.id}` });
      expect(one.json().organization.id).toBe(organizationId);
      expectNoPrivateField(one.body);
      expectNoPrivateField(JSON.stringify(await exportHsds(t.system)));
    });
  });
});
