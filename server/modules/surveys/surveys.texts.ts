import { defineTexts, type Language } from '../../platform/texts';

/** What the surveys module writes for people: invitation mails, and the labels of reports and CSV exports. */
export const SURVEYS_TEXTS = defineTexts({
  it: {
    yes: 'Sì',
    no: 'No',
    other: 'Altro',
    invitationSubject: (title: string) => `Questionario: ${title}`,
    invitationGreeting: (organizationName: string) => `Gentile ${organizationName},`,
    invitationAsk: (title: string) => `vi invitiamo a rispondere al questionario "${title}".`,
    invitationLink: (until: string | null) =>
      `Il vostro link personale (non serve un account; potete salvare e riprendere, e modificare le risposte ${until ? `fino al ${until}` : 'finché il questionario è aperto'}):`,
    invitationKeep: 'Il link vale solo per la vostra organizzazione: non inoltratelo fuori da essa.',
  },
  en: {
    yes: 'Yes',
    no: 'No',
    other: 'Other',
    invitationSubject: (title: string) => `Survey: ${title}`,
    invitationGreeting: (organizationName: string) => `Dear ${organizationName},`,
    invitationAsk: (title: string) => `we invite you to answer the survey "${title}".`,
    invitationLink: (until: string | null) =>
      `Your personal link (no account needed; you can save and come back, and change your answers ${until ? `until ${until}` : 'while the survey is open'}):`,
    invitationKeep: 'The link is for your organization only: do not forward it outside it.',
  },
});

export type SurveysTexts = (typeof SURVEYS_TEXTS)['it'];

export const surveysTexts = (language: Language | undefined): SurveysTexts => SURVEYS_TEXTS[language ?? 'it'];
