import { describe, expect, it, vi } from 'vitest';
import i18next from 'i18next';
import type { TSessionResponse } from '../../common/contracts/auth';
import { RESOURCES } from './i18n/i18n';
import { navigationFor, WEB_MODULES } from './web-modules';
import { menuLayout } from './layout/menu-layout';

// The home page is the one page the registry imports eagerly; the design kit it uses does not load under Node, and
// nothing here renders a page (the others are lazy and never loaded).
vi.mock('../modules/home/home-page', () => ({ HomePage: () => null }));

const user = { id: 'u1', email: 'a@example.org', displayName: 'Anna', locale: 'it' as const };
type Grant = TSessionResponse['roles'][number];
const session = (roles: Grant[], signedIn = true): TSessionResponse => ({ user: signedIn ? user : null, roles, csrfToken: 't' });
const grant = (role: Grant['role'], scopeType: Grant['scopeType'], scopeId: string | null): Grant => ({ role, scopeType, scopeId, scopeName: null });

const routePaths = WEB_MODULES.flatMap((module) => module.routes.map((route) => ('index' in route ? '/' : `/${route.path}`)));

describe('web modules registry', () => {
  it('names every module once and gives every address to one page', () => {
    const names = WEB_MODULES.map((module) => module.name);
    expect(new Set(names).size).toBe(names.length);
    expect(new Set(routePaths).size).toBe(routePaths.length);
  });

  it('points every navigation entry at a page of a module', () => {
    for (const entry of WEB_MODULES.flatMap((module) => module.navigation ?? [])) expect(routePaths, entry.to).toContain(entry.to);
  });

  // The menu as it was when web/app listed it by hand: same entries, order and visibility for each kind of user (plus the
  // working groups and the practices base of issue 15, the projects of issue 16, the labels of issue 17; practices are open to everyone: the server narrows what each reader sees).
  it.each([
    ['an anonymous visitor', session([], false), ['/territorio', '/distretti', '/servizi', '/organizzazioni', '/zonizzazioni', '/pratiche', '/informazioni']],
    [
      'an organization member',
      session([grant('organization_member', 'organization', 'o1')]),
      ['/territorio', '/distretti', '/servizi', '/organizzazioni', '/zonizzazioni', '/bisogni', '/abbinamento', '/pratiche', '/progetti', '/patti', '/marchi', '/tavoli', '/informazioni'],
    ],
    [
      'an organization admin',
      session([grant('organization_admin', 'organization', 'o1')]),
      ['/territorio', '/distretti', '/servizi', '/organizzazioni', '/zonizzazioni', '/bisogni', '/abbinamento', '/pratiche', '/progetti', '/patti', '/marchi', '/tavoli', '/inviti', '/informazioni'],
    ],
    [
      'a district coordinator',
      session([grant('district_coordinator', 'district', 'd1')]),
      ['/territorio', '/distretti', '/servizi', '/organizzazioni', '/zonizzazioni', '/bisogni', '/abbinamento', '/pratiche', '/progetti', '/patti', '/marchi', '/questionari', '/tavoli', '/inviti', '/informazioni'],
    ],
    [
      'a platform admin',
      session([grant('platform_admin', 'platform', null)]),
      [
        '/territorio',
        '/distretti',
        '/servizi',
        '/organizzazioni',
        '/zonizzazioni',
        '/bisogni',
        '/abbinamento',
        '/pratiche',
        '/progetti',
        '/patti',
        '/marchi',
        '/questionari',
        '/tavoli',
        '/inviti',
        '/amministrazione/utenti',
        '/registro-attivita',
        '/amministrazione/attivita-in-background',
        '/impostazioni',
        '/informazioni',
      ],
    ],
  ])('shows %s the entries it showed before', (_who, given, expected) => {
    expect(navigationFor(given).map((entry) => entry.to)).toEqual(expected);
  });

  it('puts working groups, projects, labels and practices in one «Rete» dropdown for whoever sees both; an anonymous visitor keeps «Pratiche» in the menu itself', () => {
    const places = (given: TSessionResponse) =>
      menuLayout(navigationFor(given)).map((place) => (place.kind === 'entry' ? place.entry.to : `${place.group}[${place.entries.map((e) => e.to).join(',')}]`));
    expect(places(session([grant('organization_member', 'organization', 'o1')]))).toContain('collaboration[/pratiche,/progetti,/patti,/marchi,/tavoli]');
    expect(places(session([], false))).toContain('/pratiche');
    expect(places(session([], false)).some((place) => place.startsWith('collaboration'))).toBe(false);
  });

  it('labels the entries in Italian and English from the modules’ namespaces', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ resources: RESOURCES, lng: 'it', fallbackLng: 'it', interpolation: { escapeValue: false }, showSupportNotice: false });
    const admin = navigationFor(session([grant('platform_admin', 'platform', null)]));
    expect(admin.map((entry) => entry.label(i18n.t))).toEqual([
      'Territorio',
      'Distretti',
      'Servizi',
      'Organizzazioni',
      'Zonizzazioni',
      'Bisogni',
      'Abbinamento',
      'Pratiche',
      'Progetti',
      'Patti territoriali',
      'Marchi di qualità',
      'Questionari',
      'Tavoli',
      'Invita persone',
      'Utenti',
      'Registro attività',
      'Attività in background',
      'Impostazioni',
      'Informazioni',
    ]);
    await i18n.changeLanguage('en');
    const english = admin.map((entry) => entry.label(i18n.t));
    // No label falls back to its key or to Italian.
    expect(english.every((label) => label.length > 0 && !label.includes('.'))).toBe(true);
    expect(english[0]).toBe('Territory');
  });
});
