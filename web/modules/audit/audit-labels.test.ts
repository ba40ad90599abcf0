import { createInstance, type TFunction } from 'i18next';
import { describe, expect, it, vi } from 'vitest';
import { AUDIT_ACTION_NAMES } from '../../../common/contracts/audit-action-catalog';
import { RESOURCES } from '../../app/i18n/i18n';
import { actionGroups, actionLabel } from './audit-labels';

// The translations are composed from the web modules' registry, which loads the home page eagerly; the design kit it
// uses does not load under Node, and no page is rendered here (as in web-modules.test.ts).
vi.mock('../home/home-page', () => ({ HomePage: () => null }));

async function translator(language: 'it' | 'en'): Promise<TFunction> {
  const instance = createInstance();
  await instance.init({ resources: RESOURCES, lng: language, fallbackLng: false, interpolation: { escapeValue: false }, showSupportNotice: false });
  return instance.t;
}

describe('actionLabel', () => {
  it('shows the declared label in the reader\'s language, for a row under the current or a former name', async () => {
    const it_ = await translator('it');
    const en = await translator('en');
    expect(actionLabel(it_, 'it', { action: 'needs.create-need', kind: 'write', after: null })).toBe('Bisogno registrato');
    expect(actionLabel(it_, 'it', { action: 'needs.create', kind: 'write', after: null })).toBe('Bisogno registrato');
    expect(actionLabel(en, 'en', { action: 'auth.login_failed', kind: 'write', after: null })).toBe('Failed sign-in');
  });

  it('falls back on the area and the kind for a name nobody declared, never the raw code', async () => {
    expect(actionLabel(await translator('it'), 'it', { action: 'services.something-new', kind: 'write', after: null })).toBe('Servizi: scrittura');
  });
});

describe('actionGroups', () => {
  it.each(['it', 'en'] as const)('offers every declared action once, under a named area (%s)', async (language) => {
    const t = await translator(language);
    const groups = actionGroups(t, language);
    expect(groups.flatMap((group) => group.actions.map((action) => action.name)).sort()).toEqual([...AUDIT_ACTION_NAMES].sort());
    const otherArea = t('audit.otherModule');
    for (const group of groups) expect(group.area, 'a prefix without a label in audit.modules').not.toBe(otherArea);
  });
});
