import { describe, expect, it } from 'vitest';
import { SURVEYS_TEXTS } from './modules/surveys/surveys.texts';
import { requestedLanguage } from './platform/texts';
import { invitationMail } from './modules/surveys/create-invitations';
import type { SurveyRow } from './modules/surveys/surveys.repository';

// Every module's server texts (<m>.texts.ts): add a new module's table here.
const TABLES = { surveys: SURVEYS_TEXTS };

describe.each(Object.entries(TABLES))('server texts of %s', (_name, texts) => {
  it('English has exactly the Italian keys, each non-empty and of the same kind', () => {
    expect(Object.keys(texts.en).sort()).toEqual(Object.keys(texts.it).sort());
    for (const key of Object.keys(texts.it) as (keyof typeof texts.it)[]) {
      expect(typeof texts.en[key], key).toBe(typeof texts.it[key]);
      if (typeof texts.it[key] === 'string') expect((texts.en[key] as string).length, key).toBeGreaterThan(0);
    }
  });
});

describe('language of a request and of a mail', () => {
  it('takes lang, else Accept-Language, else Italian', () => {
    expect(requestedLanguage({ lang: 'en' }, 'it-IT')).toBe('en');
    expect(requestedLanguage({}, 'fr-FR, en-GB;q=0.8')).toBe('en');
    expect(requestedLanguage(undefined, undefined)).toBe('it');
  });

  it('writes a survey invitation in English for an English reader and in Italian otherwise', () => {
    const survey = { title: 'Bisogni 2027', introduction: null, closesOn: '2027-03-31' } as unknown as SurveyRow;
    const english = invitationMail(survey, 'Coop Alfa', 'https://x/l', 'en');
    expect(english.subject).toBe('Survey: Bisogni 2027');
    expect(english.text).toContain('Dear Coop Alfa,');
    expect(english.text).toContain('until 2027-03-31');
    const italian = invitationMail(survey, 'Coop Alfa', 'https://x/l', 'it');
    expect(italian.subject).toBe('Questionario: Bisogni 2027');
    expect(italian.text).toContain('fino al 31/03/2027');
  });
});
