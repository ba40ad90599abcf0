import type { ReferralStatus } from '../../../common/domain/matching';
import { defineTexts, type Language } from '../../platform/texts';

const STATUS_IT: Record<ReferralStatus, string> = {
  sent: 'Inviata',
  accepted: 'Accettata',
  declined: 'Rifiutata',
  info_requested: 'Informazioni richieste',
  served: 'Servita',
  not_served: 'Non servita',
};
const STATUS_EN: Record<ReferralStatus, string> = {
  sent: 'Sent',
  accepted: 'Accepted',
  declined: 'Declined',
  info_requested: 'Information requested',
  served: 'Served',
  not_served: 'Not served',
};

/**
 * What the matching module writes for people: the mails of proposals, agreements and referrals. Counts, amounts and
 * days arrive already formatted for the reader's language (platform/texts, common/domain/money); the status words
 * are the web's (web/modules/matching/i18n).
 */
export const MATCHING_TEXTS = defineTexts({
  it: {
    referralStatus: (status: ReferralStatus) => STATUS_IT[status],
    proposalSubject: (title: string) => `Proposta di servizio condiviso: ${title}`,
    proposalAsRequester: (title: string) => `La vostra organizzazione è stata indicata come richiedente nella proposta di servizio condiviso "${title}".`,
    proposalAsProvider: (title: string) => `La vostra organizzazione è stata indicata come possibile fornitore nella proposta di servizio condiviso "${title}".`,
    proposalScope: (category: string | null, zone: string, people: string) => `${category ? `Ambito: ${category}. ` : ''}Zona: ${zone}. Persone interessate: ${people}.`,
    proposalCostShare: (amount: string) => `La vostra quota del costo, secondo la proposta: ${amount}.`,
    proposalAsk: 'Accedete a Distretto, sezione Abbinamento, per dire se siete interessati.',
    agreementSubject: (title: string) => `Accordo raggiunto: ${title}`,
    agreementBody: (title: string, organizations: string) => `La proposta di servizio condiviso "${title}" è diventata un accordo tra ${organizations} organizzazioni.`,
    referralSubject: (service: string) => `Nuova segnalazione per "${service}"`,
    referralForPerson: 'una persona',
    referralForGroup: (people: string) => `un gruppo di ${people} persone`,
    referralBody: (referrer: string, forWhom: string, municipality: string, category: string | null) =>
      `${referrer} vi ha inviato una segnalazione (${forWhom}, ${municipality}${category ? `, ${category}` : ''}).`,
    referralAsk: 'Accedete a Distretto per accettarla, rifiutarla o chiedere informazioni.',
    transitionSubject: (service: string, status: string) => `Segnalazione a "${service}": ${status}`,
    transitionBody: (sentOn: string, from: string, to: string) => `La segnalazione inviata il ${sentOn} è passata da "${from}" a "${to}".`,
    transitionAsk: 'Accedete a Distretto per i dettagli.',
    reminderSubject: (service: string) => `Promemoria: segnalazione in attesa per "${service}"`,
    reminderBody: (referrer: string, sentOn: string) => `La segnalazione di ${referrer} inviata il ${sentOn} attende ancora una risposta.`,
  },
  en: {
    referralStatus: (status: ReferralStatus) => STATUS_EN[status],
    proposalSubject: (title: string) => `Shared service proposal: ${title}`,
    proposalAsRequester: (title: string) => `Your organization has been named as a requester in the shared service proposal "${title}".`,
    proposalAsProvider: (title: string) => `Your organization has been named as a possible provider in the shared service proposal "${title}".`,
    proposalScope: (category: string | null, zone: string, people: string) => `${category ? `Category: ${category}. ` : ''}Area: ${zone}. People concerned: ${people}.`,
    proposalCostShare: (amount: string) => `Your share of the cost, as proposed: ${amount}.`,
    proposalAsk: 'Sign in to Distretto, Matching section, to say whether you are interested.',
    agreementSubject: (title: string) => `Agreement reached: ${title}`,
    agreementBody: (title: string, organizations: string) => `The shared service proposal "${title}" has become an agreement among ${organizations} organizations.`,
    referralSubject: (service: string) => `New referral for "${service}"`,
    referralForPerson: 'one person',
    referralForGroup: (people: string) => `a group of ${people} people`,
    referralBody: (referrer: string, forWhom: string, municipality: string, category: string | null) =>
      `${referrer} has sent you a referral (${forWhom}, ${municipality}${category ? `, ${category}` : ''}).`,
    referralAsk: 'Sign in to Distretto to accept it, decline it or ask for information.',
    transitionSubject: (service: string, status: string) => `Referral to "${service}": ${status}`,
    transitionBody: (sentOn: string, from: string, to: string) => `The referral sent on ${sentOn} has moved from "${from}" to "${to}".`,
    transitionAsk: 'Sign in to Distretto for the details.',
    reminderSubject: (service: string) => `Reminder: referral waiting for "${service}"`,
    reminderBody: (referrer: string, sentOn: string) => `The referral from ${referrer} sent on ${sentOn} is still waiting for an answer.`,
  },
});

export type MatchingTexts = (typeof MATCHING_TEXTS)['it'];

export const matchingTexts = (language: Language | undefined): MatchingTexts => MATCHING_TEXTS[language ?? 'it'];
