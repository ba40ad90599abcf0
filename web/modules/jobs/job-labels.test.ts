import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import itTexts from './i18n/it.json';
import enTexts from './i18n/en.json';
import { jobErrorLabel, jobTypeLabel, stateFromParam } from './job-labels';

async function translator(lng: 'it' | 'en') {
  const i18n = i18next.createInstance();
  await i18n.init({ resources: { it: { jobs: itTexts }, en: { jobs: enTexts } }, lng, ns: ['jobs'], defaultNS: 'jobs', showSupportNotice: false });
  return i18n.getFixedT(lng, 'jobs');
}

describe('job labels', () => {
  it('names the known job types in Italian and English, and an unknown one generically, never by its code', async () => {
    const it_ = await translator('it');
    expect(jobTypeLabel(it_, 'mail.deliver')).toBe('Invio di un messaggio');
    expect(jobTypeLabel(it_, 'matching.remind-referrals')).toBe('Promemoria delle segnalazioni');
    expect(jobTypeLabel(it_, 'services.rebuild-supply')).toBe("Ricalcolo dell'offerta di servizi");
    expect(jobTypeLabel(it_, 'surveys.close-expired')).toBe('Altra attività della piattaforma');
    expect(jobTypeLabel(it_, 'constructor')).toBe('Altra attività della piattaforma');
    const en = await translator('en');
    expect(jobTypeLabel(en, 'mail.deliver')).toBe('Sending a message');
    expect(jobTypeLabel(en, 'surveys.close-expired')).toBe('Other platform job');
  });

  it('says why a job failed in words from its reason code, and an unnamed or unknown reason as unexpected, never the code', async () => {
    const it_ = await translator('it');
    expect(jobErrorLabel(it_, 'mail.recipient-refused')).toBe("Il server di posta ha rifiutato il destinatario: verificate l'indirizzo e-mail.");
    expect(jobErrorLabel(it_, 'mail.server-unreachable')).toMatch(/^Il server di posta non risponde/);
    expect(jobErrorLabel(it_, 'jobs.bad-payload')).toMatch(/^I dati dell'attività non sono validi/);
    expect(jobErrorLabel(it_, null)).toBe('Errore imprevisto.');
    expect(jobErrorLabel(it_, 'surveys.something-new')).toBe('Errore imprevisto.');
    expect(jobErrorLabel(it_, 'toString')).toBe('Errore imprevisto.');
    const en = await translator('en');
    expect(jobErrorLabel(en, 'mail.login-refused')).toBe('The mail server refused the user name or password: check the mail settings.');
    expect(jobErrorLabel(en, null)).toBe('Unexpected error.');
  });

  it('reads the state filter from the address, failed jobs by default', () => {
    expect(stateFromParam(null)).toBe('dead');
    expect(stateFromParam('queued')).toBe('queued');
    expect(stateFromParam('running')).toBe('running');
    expect(stateFromParam('done')).toBe('dead');
  });
});
