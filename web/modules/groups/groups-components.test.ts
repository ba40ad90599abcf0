import { createInstance } from 'i18next';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import type { TAction } from '../../../common/contracts/groups';
import shellEn from '../../app/i18n/en.json';
import shellIt from '../../app/i18n/it.json';
import { ActionsList } from './actions-list';
import en from './i18n/en.json';
import it_ from './i18n/it.json';
import { MinutesDiffView } from './minutes-diff-view';
import { refineSegments } from './minutes-diff';

// The error alert uses the design kit, which does not load under Node; no error is rendered here.
vi.mock('../../app/api-error-alert', () => ({ ApiErrorAlert: () => null }));

async function render(element: ReturnType<typeof createElement>, language: 'it' | 'en' = 'it'): Promise<string> {
  const i18n = createInstance();
  await i18n.use(initReactI18next).init({
    resources: { it: { translation: shellIt, groups: it_ }, en: { translation: shellEn, groups: en } },
    lng: language,
    interpolation: { escapeValue: false },
    showSupportNotice: false,
  });
  const queries = new QueryClient();
  return renderToStaticMarkup(
    createElement(I18nextProvider, { i18n }, createElement(QueryClientProvider, { client: queries }, createElement(MemoryRouter, null, element))),
  );
}

/** The visible and spoken text of rendered markup, tags removed. */
const textOf = (html: string) => html.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim();

describe('MinutesDiffView', () => {
  const segments = refineSegments([
    { kind: 'same', text: 'Presenti: ' },
    { kind: 'removed', text: 'cinque enti.\n' },
    { kind: 'added', text: 'sei enti.\n' },
  ]);

  it('marks additions and removals with <ins> and <del> and words a screen reader reads, after a summary', async () => {
    const html = await render(createElement(MinutesDiffView, { id: 'diff', segments }));
    expect(html).toContain('<p id="diff-summary" class="mb-2">Parole aggiunte: 1; parole tolte: 1.</p>');
    expect(html).toContain('<del class="minutes-diff__removed"><span class="visually-hidden">[inizio testo tolto] </span>cinque<span class="visually-hidden"> [fine testo tolto]</span></del>');
    expect(html).toContain('<ins class="minutes-diff__added"><span class="visually-hidden">[inizio testo aggiunto] </span>sei<span class="visually-hidden"> [fine testo aggiunto]</span></ins>');
    expect(textOf(html)).toContain('Il testo aggiunto è sottolineato, quello tolto è barrato.');
  });

  it('says in English that nothing changed when nothing did, without an empty box', async () => {
    const html = await render(createElement(MinutesDiffView, { id: 'diff', segments: [{ kind: 'same', text: 'Uguale.' }] }), 'en');
    expect(textOf(html)).toBe('No difference in the text.');
    expect(html).not.toContain('minutes-diff__text');
  });
});

describe('ActionsList', () => {
  const action = (overrides: Partial<TAction>): TAction => ({
    id: 'a1',
    groupId: 'g1',
    groupName: 'Tavolo anziani',
    meetingId: 'm1',
    meetingTitle: 'Riunione di gennaio',
    decisionId: null,
    decisionReference: '2027/3',
    title: 'Mappare i caregiver',
    description: '',
    ownerUserId: 'u1',
    ownerName: 'Anna Rossi',
    ownerOrganizationId: 'o1',
    ownerOrganizationName: 'Cooperativa Val Chisone',
    dueOn: '2027-01-15',
    status: 'open',
    isOverdue: false,
    canUpdate: false,
    version: 1,
    ...overrides,
  });

  it('marks an overdue action with a bar and the words "In ritardo", and says its due day with the weekday', async () => {
    const html = await render(createElement(ActionsList, { idPrefix: 'x', actions: [action({ isOverdue: true })] }));
    expect(html).toContain('action-overdue');
    expect(textOf(html)).toContain('Mappare i caregiver · dalla decisione 2027/3 In ritardo');
    expect(textOf(html)).toContain('A cura di Anna Rossi (Cooperativa Val Chisone) · entro venerdì 15 gennaio 2027 · stato: Da avviare');
  });

  it('leaves an action on time unmarked, and offers the status change only to whom may make it', async () => {
    const onTime = await render(createElement(ActionsList, { idPrefix: 'x', actions: [action({})] }));
    expect(onTime).not.toContain('action-overdue');
    expect(textOf(onTime)).not.toContain('In ritardo');
    expect(onTime).not.toContain('<select');
    const owned = await render(createElement(ActionsList, { idPrefix: 'x', actions: [action({ canUpdate: true, status: 'in_progress' })] }));
    expect(owned).toContain('<label for="x-action-a1-status">Nuovo stato<span class="visually-hidden"> — Mappare i caregiver</span></label>');
    expect(textOf(owned)).toContain('stato: In corso');
  });
});
