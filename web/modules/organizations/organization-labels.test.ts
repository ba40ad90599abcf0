import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import itTexts from './i18n/it.json';
import enTexts from './i18n/en.json';
import { changedFieldsLabel, historyChangeLabel } from './organization-labels';

async function translator(lng: 'it' | 'en') {
  const i18n = i18next.createInstance();
  await i18n.init({ resources: { it: { organizations: itTexts }, en: { organizations: enTexts } }, lng, ns: ['organizations'], defaultNS: 'organizations', showSupportNotice: false, interpolation: { escapeValue: false } });
  return i18n.getFixedT(lng, 'organizations');
}

describe("an organization's history in words", () => {
  it('says each kind of change the server records, never its English note or an id', async () => {
    const it_ = await translator('it');
    expect(historyChangeLabel(it_, 'created')).toBe('Creata');
    expect(historyChangeLabel(it_, 'updated by import 7c9e6679-7425-40de-944b-e07fc1f90ae7')).toBe("Modificata da un'importazione");
    expect(historyChangeLabel(it_, 'created by import 7c9e6679-7425-40de-944b-e07fc1f90ae7')).toBe("Creata da un'importazione");
    expect(historyChangeLabel(it_, 'merged into 7c9e6679-7425-40de-944b-e07fc1f90ae7 (through 1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed)')).toBe("Unita a un'altra organizzazione");
    expect(historyChangeLabel(await translator('en'), 'absorbed Coop Alfa (7c9e6679-7425-40de-944b-e07fc1f90ae7)')).toBe('Absorbed Coop Alfa');
    expect(historyChangeLabel(it_, 'something new')).toBe('Modifica');
  });

  it('names the changed fields, a position once, an unknown column generically', async () => {
    const it_ = await translator('it');
    expect(changedFieldsLabel(it_, ['legal_name', 'fiscal_code', 'point_lat', 'point_lng', 'is_demo'])).toBe('denominazione, codice fiscale, posizione, dato dimostrativo');
    expect(changedFieldsLabel(await translator('en'), ['municipality_code', 'new_column'])).toBe('municipality, other data');
    expect(changedFieldsLabel(it_, [])).toBe('');
  });
});
