import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../platform/testing/test-app';
import { organizationsModule } from '../organizations';
import { districtsModule } from '../districts';
import { loadTerritoryFixture, territoryModule } from '../territory';
import { seedDemoServices } from './fixtures/demo-services.seed';
import { servicesModule } from './services.module';
import { seedDemoPinerolese } from '../../demo/demo-pinerolese.seed';

// The demo directory's services, by a short name.
const S = {
  homeCare: 'Assistenza domiciliare anziani',
  dayCentre: 'Centro diurno per anziani «Il Melograno»',
  summerCamp: 'Centro estivo per bambini in Val Chisone',
  careWorkers: 'Sportello badanti e assistenza familiare',
  telecare: 'Telesoccorso per anziani soli',
  transport: 'Trasporto sociale per visite mediche',
  psychologist: 'Supporto psicologico per caregiver familiari',
  gym: 'Ginnastica dolce per la terza età',
  workInclusion: 'Inserimento lavorativo di persone svantaggiate',
  jobGuidance: 'Orientamento al lavoro per giovani',
  nursery: 'Asilo nido aziendale aperto al territorio',
  welfareDesk: 'Sportello welfare per dipendenti e fornitori',
  foodAid: 'Emporio solidale',
  homework: 'Doposcuola e aiuto compiti',
} as const;

/** What residents type, and the services a person would expect among the first five. */
const QUERIES: [string, string[]][] = [
  ['assistenza anziani', [S.homeCare]],
  ['assistenza domiciliare', [S.homeCare]],
  ['assistenza domiciliare Pinerolo', [S.homeCare]],
  ['assistenza anziani vicino a Pinerolo', [S.homeCare]],
  ['assitenza anzani', [S.homeCare]],
  ['asistenza domicigliare', [S.homeCare]],
  ['home care', [S.homeCare]],
  ['elderly care', [S.homeCare]],
  ['anziani', [S.homeCare, S.dayCentre, S.telecare, S.gym]],
  ['anziano', [S.homeCare, S.dayCentre, S.telecare, S.gym]],
  ['terza età', [S.gym]],
  ['terza eta', [S.gym]],
  ['centro diurno anziani', [S.dayCentre]],
  ['centro diurno anziani Pinerolo', [S.dayCentre]],
  ['centro diurno', [S.dayCentre]],
  ['centro diurmo', [S.dayCentre]],
  ['day centre elderly', [S.dayCentre]],
  ['day center', [S.dayCentre]],
  ['badante', [S.careWorkers]],
  ['badanti Pinerolo', [S.careWorkers]],
  ['bandante', [S.careWorkers]],
  ['contratto badante', [S.careWorkers]],
  ['care worker', [S.careWorkers]],
  ['telesoccorso', [S.telecare]],
  ['teleassistenza', [S.telecare]],
  ['telesocorso', [S.telecare]],
  ['anziano solo', [S.telecare]],
  ['trasporto visite mediche', [S.transport]],
  ['accompagnamento in auto', [S.transport]],
  ['transport', [S.transport]],
  ['trasporto disabili', [S.transport]],
  ['psicologo', [S.psychologist]],
  ['supporto psicologico', [S.psychologist]],
  ['psicologo Pinerolo', [S.psychologist]],
  ['caregiver', [S.psychologist, S.homeCare, S.careWorkers]],
  ['psychologist', [S.psychologist]],
  ['ginnastica anziani', [S.gym]],
  ['ginnastica Torre Pellice', [S.gym]],
  ['ginnastica dolce', [S.gym]],
  ['attività fisica', [S.gym]],
  ['attivita fisica anziani', [S.gym]],
  ['lavoro disabili', [S.workInclusion]],
  ['inserimento lavorativo', [S.workInclusion]],
  ['tirocinio', [S.workInclusion]],
  ['lavoro', [S.workInclusion, S.jobGuidance]],
  ['cerco lavoro', [S.jobGuidance, S.workInclusion]],
  ['orientamento lavoro giovani', [S.jobGuidance]],
  ['job', [S.workInclusion, S.jobGuidance]],
  ['curriculum', [S.jobGuidance]],
  ['asilo nido', [S.nursery]],
  ['asilo nido Villar Perosa', [S.nursery]],
  ['asilo nido Pinerolo', [S.nursery]],
  ['nido', [S.nursery]],
  ['nursery', [S.nursery]],
  ['asilo', [S.nursery]],
  ['asillo nido', [S.nursery]],
  ['welfare aziendale', [S.welfareDesk, S.nursery]],
  ['buoni servizi dipendenti', [S.welfareDesk]],
  ['emporio solidale', [S.foodAid]],
  ['spesa gratuita', [S.foodAid]],
  ['aiuti alimentari', [S.foodAid]],
  ['food aid', [S.foodAid]],
  ['pacco alimentare Pinerolo', [S.foodAid]],
  ['doposcuola', [S.homework]],
  ['aiuto compiti', [S.homework]],
  ['compiti', [S.homework]],
  ['after school', [S.homework]],
  ['homework help', [S.homework]],
  ['centro estivo', [S.summerCamp]],
  ['summer camp', [S.summerCamp]],
  ['centri estivi bambini', [S.summerCamp]],
  ['bambini', [S.summerCamp, S.nursery, S.homework]],
  ['disabilità', [S.workInclusion, S.transport]],
  ['disabili', [S.workInclusion, S.transport]],
  ['povertà', [S.foodAid]],
  ['famiglie in difficoltà', [S.foodAid]],
];

/** Recall at 5 over the whole set. Measured on the demo directory: 0.704 before the query was understood (place, English, typos), 0.980 after; the threshold leaves room for one or two regressions, not more. */
const RECALL_AT_5_THRESHOLD = 0.95;

describe('search relevance on the demo directory', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp([territoryModule, organizationsModule, districtsModule, servicesModule]);
    await loadTerritoryFixture(t.db);
    await seedDemoPinerolese(t.system, () => undefined);
    await seedDemoServices(t.system, () => undefined);
  });
  afterAll(() => t.close());

  it(`finds what residents expect among the first five (recall at 5 ≥ ${RECALL_AT_5_THRESHOLD})`, async () => {
    expect(QUERIES.length).toBeGreaterThanOrEqual(60);
    let sum = 0;
    const misses: string[] = [];
    for (const [q, expected] of QUERIES) {
      const response = await t.app.inject({ url: '/api/services', query: { q, pageSize: '5' } });
      expect(response.statusCode, response.body).toBe(200);
      const top = (response.json() as { items: { name: string }[] }).items.map((item) => item.name);
      const found = expected.filter((name) => top.includes(name)).length;
      sum += found / Math.min(expected.length, 5);
      if (found < expected.length) misses.push(`${q} → ${top.join(' | ') || '(nothing)'}`);
    }
    const recall = sum / QUERIES.length;
    console.log(`Recall at 5 over ${QUERIES.length} queries: ${recall.toFixed(3)}\nMissed:\n${misses.join('\n')}`);
    expect(recall).toBeGreaterThanOrEqual(RECALL_AT_5_THRESHOLD);
  }, 120_000);
});
