import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import itTexts from './i18n/it.json';
import enTexts from './i18n/en.json';
import { actorInWords } from './actor-words';

async function translator(lng: 'it' | 'en') {
  const i18n = i18next.createInstance();
  await i18n.init({ resources: { it: { translation: itTexts }, en: { translation: enTexts } }, lng, showSupportNotice: false, interpolation: { escapeValue: false } });
  return i18n.getFixedT(lng);
}

describe('who did something, in words', () => {
  it('says a background job, the start-up and the command line in words, a person by e-mail, never the technical label', async () => {
    const it_ = await translator('it');
    expect(actorInWords(it_, 'jobs')).toBe('Procedura automatica');
    expect(actorInWords(it_, 'system:jobs')).toBe('Procedura automatica');
    expect(actorInWords(it_, 'system:start')).toBe('Procedura automatica');
    expect(actorInWords(it_, 'system:cli')).toBe('Amministratore dalla riga di comando');
    expect(actorInWords(it_, 'anonymous')).toBe('Persona non autenticata');
    expect(actorInWords(it_, 'coordinatore@pinerolese.demo')).toBe('coordinatore@pinerolese.demo');
    const en = await translator('en');
    expect(actorInWords(en, 'system:jobs')).toBe('Automatic process');
    expect(actorInWords(en, 'system:cli')).toBe('Administrator at the command line');
    expect(actorInWords(en, 'anonymous')).toBe('Person not signed in');
  });
});
