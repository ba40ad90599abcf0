import { describe, expect, it } from 'vitest';
import { SURVEYS_TEXTS } from './modules/surveys/surveys.texts';
import { MATCHING_TEXTS } from './modules/matching/matching.texts';
import { INVITATIONS_TEXTS } from './modules/invitations/invitations.texts';
import { TERRITORY_TEXTS } from './modules/territory/territory.texts';
import { LABELS_TEXTS } from './modules/labels/labels.texts';
import { AUTH_TEXTS, passwordResetMail } from './platform/auth/auth.texts';
import { formatCount, formatDay, LANGUAGES, requestedLanguage } from './platform/texts';
import { expectNoRawCodes, rawCodesIn } from './platform/testing/raw-codes';
import { REFERRAL_STATUSES, type ReferralStatus } from '../common/domain/matching';
import { agreementMail, type MailText, proposalMail, referralMail, referralReminderMail, referralTransitionMail } from './modules/matching/matching-mails';
import { invitationMail as organizationInvitationMail } from './modules/invitations/create-invitation';
import { invitationMail } from './modules/surveys/create-invitations';
import type { SurveyRow } from './modules/surveys/surveys.repository';

// Every module's server texts (<m>.texts.ts): add a new module's table here.
const TABLES = { surveys: SURVEYS_TEXTS, matching: MATCHING_TEXTS, invitations: INVITATIONS_TEXTS, auth: AUTH_TEXTS, territory: TERRITORY_TEXTS, labels: LABELS_TEXTS };

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
    expect(english.text).toContain('until 31 March 2027');
    const italian = invitationMail(survey, 'Coop Alfa', 'https://x/l', 'it');
    expect(italian.subject).toBe('Questionario: Bisogni 2027');
    expect(italian.text).toContain('fino al 31 marzo 2027');
    for (const mail of [english, italian]) expectNoRawCodes(`${mail.subject}\n${mail.text}`);
  });
});

describe('days and counts for people', () => {
  it('writes a calendar day and an instant as the day in Italy, never ISO', () => {
    expect(formatDay('2027-03-31', 'it')).toBe('31 marzo 2027');
    expect(formatDay('2027-03-31', 'en')).toBe('31 March 2027');
    // 23:30 UTC on 31 December is already New Year's Day in Rome.
    expect(formatDay('2026-12-31T23:30:00Z', 'it')).toBe('1 gennaio 2027');
    expect(formatDay(new Date('2026-07-01T10:00:00Z'), 'en')).toBe('1 July 2026');
    expect(formatCount(1234, 'it')).toBe('1.234');
    expect(formatCount(1234, 'en')).toBe('1,234');
  });
});

describe('the raw-code check', () => {
  it('finds snake_case, dotted and ISO-date tokens and the given codes, and leaves links, addresses and labels alone', () => {
    expect(rawCodesIn('Stato: info_requested')).toEqual(['info_requested']);
    expect(rawCodesIn('Ambito anziani.domiciliare')).toEqual(['anziani.domiciliare']);
    expect(rawCodesIn('Categoria anziani.assistenza-domiciliare.')).toEqual(['anziani.assistenza-domiciliare']);
    expect(rawCodesIn('Impresa Uno S.r.l. e Coop s.c.s., e.g. Cura S.p.A.')).toEqual([]);
    expect(rawCodesIn('Errore MATCHING.NOT_FOUND')).toContain('MATCHING.NOT_FOUND');
    expect(rawCodesIn('inviata il 2027-03-31')).toEqual(['2027-03-31']);
    expect(rawCodesIn('alle 2027-03-31T10:00:00Z')).toEqual(['2027-03-31T10:00:00Z']);
    expect(rawCodesIn('da "sent" a "accepted"', REFERRAL_STATUSES)).toEqual(['sent', 'accepted']);
    expect(rawCodesIn('Segnalazione a "Pasti": not_served', ['not_served'])).toEqual(['not_served', 'not_served']);
    expect(rawCodesIn('Referral: declined', REFERRAL_STATUSES)).toEqual(['declined']);
    expect(rawCodesIn('The referral sent on 31 March was declined by them', REFERRAL_STATUSES)).toEqual([]);
    expect(rawCodesIn('From "Sent" to "Accepted". Apri https://x.example/a_b/c.d#tok_en e scrivi a mario_rossi@example.test.', REFERRAL_STATUSES)).toEqual([]);
  });
});

/** Every mail of a module in both languages: the Italian one in Italian, the English one in English, no raw code. */
describe.each(LANGUAGES)('mails written in %s', (language) => {
  const category = { it: 'Assistenza domiciliare', en: 'Home care' };
  const transitions = Object.fromEntries(
    REFERRAL_STATUSES.map((to) => [to, referralTransitionMail({ serviceName: 'Pasti a domicilio', sentAt: '2027-03-31 09:15:00+00', from: 'info_requested', to }, language)]),
  ) as Record<ReferralStatus, MailText>;
  const mails = {
    proposalToRequester: proposalMail({ title: 'Trasporto condiviso', role: 'requester', zoneLabel: 'Ambito Nord', peopleCovered: 1234, category, costShareCents: 3334 }, language),
    proposalToProvider: proposalMail({ title: 'Trasporto condiviso', role: 'provider', zoneLabel: 'Ambito Nord', peopleCovered: 12, category: null, costShareCents: null }, language),
    agreement: agreementMail({ title: 'Trasporto condiviso', organizationCount: 3 }, language),
    referralForGroup: referralMail({ serviceName: 'Pasti a domicilio', referrerName: 'Coop Alfa', subjectKind: 'group', peopleCount: 4, municipalityName: 'Ivrea', category }, language),
    referralForPerson: referralMail({ serviceName: 'Pasti a domicilio', referrerName: 'Coop Alfa', subjectKind: 'person', peopleCount: 1, municipalityName: 'Ivrea', category: null }, language),
    ...Object.fromEntries(REFERRAL_STATUSES.map((to) => [`transitionTo_${to}`, transitions[to]])),
    reminder: referralReminderMail({ serviceName: 'Pasti a domicilio', referrerName: 'Coop Alfa', sentAt: new Date('2027-03-31T09:15:00Z') }, language),
    organizationInvitation: organizationInvitationMail({ organizationName: 'Coop Alfa', role: 'organization_admin', link: 'https://distretto.example/invito#abc_def' }, language),
    passwordReset: passwordResetMail('https://distretto.example/reimposta-password#abc_def', language),
  };

  it.each(Object.entries(mails))('%s has a subject and a body with no raw code', (_name, mail) => {
    expect(mail.subject.length).toBeGreaterThan(0);
    expectNoRawCodes(`${mail.subject}\n${mail.text}`, [...REFERRAL_STATUSES, 'requester', 'provider', 'organization_admin', 'organization_member']);
  });

  it('reads in its own language, with days, counts, amounts and categories for people', () => {
    const all = Object.values(mails).map((mail) => `${mail.subject}\n${mail.text}`).join('\n');
    if (language === 'it') {
      expect(mails.proposalToRequester.subject).toBe('Proposta di servizio condiviso: Trasporto condiviso');
      expect(mails.proposalToRequester.text).toContain('come richiedente');
      expect(mails.proposalToRequester.text).toContain('Assistenza domiciliare');
      expect(mails.proposalToRequester.text).toContain('1.234');
      expect(mails.proposalToRequester.text).toMatch(/33,34\s€/);
      expect(mails.proposalToProvider.text).toContain('possibile fornitore');
      expect(mails.referralForGroup.text).toContain('un gruppo di 4 persone');
      expect(transitions.accepted.subject).toBe('Segnalazione a "Pasti a domicilio": Accettata');
      expect(transitions.accepted.text).toContain('inviata il 31 marzo 2027 è passata da "Informazioni richieste" a "Accettata"');
      expect(mails.reminder.text).toContain('31 marzo 2027');
      expect(mails.organizationInvitation.text).toContain('come amministratore');
      expect(mails.passwordReset.subject).toBe('Distretto: reimposta la password');
      expect(all).not.toMatch(/\b(the|your|has been|Sign in)\b/);
    } else {
      expect(mails.proposalToRequester.subject).toBe('Shared service proposal: Trasporto condiviso');
      expect(mails.proposalToRequester.text).toContain('as a requester');
      expect(mails.proposalToRequester.text).toContain('Home care');
      expect(mails.proposalToRequester.text).toContain('1,234');
      expect(mails.proposalToRequester.text).toContain('€33.34');
      expect(mails.referralForGroup.text).toContain('a group of 4 people');
      expect(transitions.not_served.subject).toBe('Referral to "Pasti a domicilio": Not served');
      expect(transitions.accepted.text).toContain('sent on 31 March 2027 has moved from "Information requested" to "Accepted"');
      expect(mails.reminder.text).toContain('31 March 2027');
      expect(mails.organizationInvitation.text).toContain('as administrator');
      expect(mails.passwordReset.subject).toBe('Distretto: reset your password');
      expect(all).not.toMatch(/\b(la vostra|Accedete|segnalazione|invitato|Apri)\b/i);
    }
  });
});
