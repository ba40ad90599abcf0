import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import itTexts from './i18n/it.json';
import enTexts from './i18n/en.json';
import { describeCondition, questionEditorName } from './question-summary';

async function translator(lng: 'it' | 'en') {
  const i18n = i18next.createInstance();
  await i18n.init({ resources: { it: { surveys: itTexts }, en: { surveys: enTexts } }, lng, ns: ['surveys'], defaultNS: 'surveys', showSupportNotice: false, interpolation: { escapeValue: false } });
  return i18n.getFixedT(lng, 'surveys');
}

const yesNo = { type: 'yes_no' as const, label: "L'azienda offre welfare?", config: {} };
const choice = {
  type: 'single_choice' as const,
  label: 'Dimensione',
  config: { options: [{ code: 'micro', label: 'Fino a 9 addetti', needCategory: null, needTargetGroup: null }, { code: 'piccola_media', label: 'Da 10 a 249 addetti', needCategory: null, needTargetGroup: null }] },
};

describe('describeCondition', () => {
  it("names the earlier question by its label and a yes/no answer in the reader's language, never by their codes", async () => {
    expect(describeCondition(yesNo, 'yes', await translator('it'))).toBe("mostrata se «L'azienda offre welfare?» è «Sì»");
    expect(describeCondition(yesNo, 'no', await translator('en'))).toBe('shown if “L\'azienda offre welfare?” is “No”');
  });

  it("names a choice's option by its label", async () => {
    expect(describeCondition(choice, 'piccola_media', await translator('it'))).toBe('mostrata se «Dimensione» è «Da 10 a 249 addetti»');
  });
});

describe('questionEditorName', () => {
  it("names the editor by the question's text in the reader's language, never by its code", async () => {
    const question = { code: 'welfare_aziendale', label: "L'azienda offre welfare?" };
    expect(questionEditorName(question, await translator('it'))).toBe("Modifica la domanda «L'azienda offre welfare?»");
    expect(questionEditorName(question, await translator('en'))).toBe("Edit the question “L'azienda offre welfare?”");
    expect(questionEditorName(question, await translator('it'))).not.toContain('welfare_aziendale');
    expect(questionEditorName(null, await translator('it'))).toBe('Nuova domanda');
  });
});
