import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MODULES } from '../../app';
import { systemActor } from '../../platform/access/actor';
import { createTestApp, type TestApp } from '../../platform/testing/test-app';
import type { UseCaseContext } from '../../platform/use-case';
import { loadTerritoryFixture } from '../territory';
import { importOrganizations } from './import-organizations';
import { MUNICIPAL_BODIES_SOURCE, SYNC_MUNICIPAL_BODIES_JOB, syncMunicipalBodies } from './sync-municipal-bodies';

describe('every municipality is also an actor', () => {
  let t: TestApp;
  let context: UseCaseContext;
  const count = async (query: string) => (await t.db.pool.query(query)).rows[0].n as number;

  beforeAll(async () => {
    t = await createTestApp(MODULES);
    await loadTerritoryFixture(t.db);
    context = { actor: systemActor('jobs'), db: t.db, requestId: null };
  });
  afterAll(() => t?.close());

  it('queues the job when the territory loads, and adds no organization until a worker runs it', async () => {
    expect(await count(`select count(*)::int as n from jobs where type = '${SYNC_MUNICIPAL_BODIES_JOB}'`)).toBeGreaterThanOrEqual(1);
    expect(await count('select count(*)::int as n from organizations')).toBe(0);
  });

  it('holds each municipality with a fiscal code as a public body, once, and a 5x1000 row of it lands on the same body', async () => {
    const withFiscalCode = await count('select count(*)::int as n from municipalities where fiscal_code is not null');
    expect(withFiscalCode).toBeGreaterThan(1000);
    expect(await syncMunicipalBodies(context, 400)).toEqual({ created: withFiscalCode });
    expect(await syncMunicipalBodies(context, 400)).toEqual({ created: 0 });
    const pinerolo = await t.db.pool.query('select legal_name, kind, sector, municipality_code, source from organizations where fiscal_code = $1', ['01750860015']);
    expect(pinerolo.rows).toEqual([{ legal_name: 'Comune di Pinerolo', kind: 'municipality', sector: 'public', municipality_code: '001191', source: MUNICIPAL_BODIES_SOURCE }]);
    expect(await count("select count(*)::int as n from audit_log where action = 'organizations.sync-municipal-bodies'")).toBe(Math.ceil(withFiscalCode / 400));

    const row = Buffer.from('codice_fiscale,denominazione,pr,nome_comune,codice_comune,ets_e_onlus,asd,ricerca_scientifica,ricerca_sanitaria,comuni,beni_culturali_e_paesaggistici,enti_gestori_aree_protette,numero_scelte,importo_totale_erogabile\n01750860015,PINEROLO,TO,PINEROLO,001191,,,,,X,,,275,7806.44');
    const report = await importOrganizations(context, { fileName: 'x.csv', content: row, acceptInferredKinds: true });
    expect(report).toMatchObject({ created: 0, updated: 1, rejected: [] });
    expect(await count("select count(*)::int as n from organizations where fiscal_code = '01750860015'")).toBe(1);
  });
});
