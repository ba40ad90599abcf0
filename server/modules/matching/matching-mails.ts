import { formatMoney, moneyOfCents } from '../../../common/domain/money';
import type { ReferralStatus } from '../../../common/domain/matching';
import type { DbExecutor } from '../../platform/db/database';
import { queueMail } from '../../platform/mail/mail-outbox';
import { recipientLanguages } from '../../platform/mail/recipient-language';
import { formatCount, formatDay, type Language } from '../../platform/texts';
import { matchingTexts } from './matching.texts';
import { selectOrganizationAddresses } from './matching-proposals.repository';

/** A mail's words, before it has an address. */
export type MailText = { subject: string; text: string };
/** A taxonomy category's label in each language; null when the taxonomy has no such code (the mail then names none). */
export type CategoryLabels = { it: string; en: string } | null;

export function proposalMail(
  proposal: { title: string; role: 'requester' | 'provider'; zoneLabel: string; peopleCovered: number; category: CategoryLabels; costShareCents: number | null },
  language: Language,
): MailText {
  const words = matchingTexts(language);
  const lines = [
    proposal.role === 'requester' ? words.proposalAsRequester(proposal.title) : words.proposalAsProvider(proposal.title),
    words.proposalScope(proposal.category?.[language] ?? null, proposal.zoneLabel, formatCount(proposal.peopleCovered, language)),
    ...(proposal.costShareCents === null ? [] : [words.proposalCostShare(formatMoney(moneyOfCents(proposal.costShareCents), language))]),
    words.proposalAsk,
  ];
  return { subject: words.proposalSubject(proposal.title), text: `${lines.join('\n')}\n` };
}

export function agreementMail(agreement: { title: string; organizationCount: number }, language: Language): MailText {
  const words = matchingTexts(language);
  return { subject: words.agreementSubject(agreement.title), text: `${words.agreementBody(agreement.title, formatCount(agreement.organizationCount, language))}\n` };
}

export function referralMail(
  referral: { serviceName: string; referrerName: string; subjectKind: 'person' | 'group'; peopleCount: number; municipalityName: string; category: CategoryLabels },
  language: Language,
): MailText {
  const words = matchingTexts(language);
  const forWhom = referral.subjectKind === 'person' ? words.referralForPerson : words.referralForGroup(formatCount(referral.peopleCount, language));
  return {
    subject: words.referralSubject(referral.serviceName),
    text: `${words.referralBody(referral.referrerName, forWhom, referral.municipalityName, referral.category?.[language] ?? null)}\n${words.referralAsk}\n`,
  };
}

export function referralTransitionMail(
  transition: { serviceName: string; sentAt: string | Date; from: ReferralStatus; to: ReferralStatus },
  language: Language,
): MailText {
  const words = matchingTexts(language);
  const to = words.referralStatus(transition.to);
  return {
    subject: words.transitionSubject(transition.serviceName, to),
    text: `${words.transitionBody(formatDay(transition.sentAt, language), words.referralStatus(transition.from), to)}\n${words.transitionAsk}\n`,
  };
}

export function referralReminderMail(referral: { serviceName: string; referrerName: string; sentAt: string | Date }, language: Language): MailText {
  const words = matchingTexts(language);
  return {
    subject: words.reminderSubject(referral.serviceName),
    text: `${words.reminderBody(referral.referrerName, formatDay(referral.sentAt, language))}\n${words.referralAsk}\n`,
  };
}

/**
 * Queues one mail per address of each organization (its own e-mail, else its people's), each written in the
 * language of that address's reader (an organization's address, which is no one's account, reads Italian).
 */
export async function mailOrganizations(
  tx: DbExecutor,
  mails: { organizationId: string; compose: (language: Language) => MailText }[],
  topic: { topicType: string; topicId: string; districtId: string | null },
): Promise<void> {
  const addresses = await selectOrganizationAddresses(tx, [...new Set(mails.map((mail) => mail.organizationId))]);
  const languageOf = await recipientLanguages(tx, [...addresses.values()].flatMap((organization) => organization.addresses));
  for (const mail of mails) {
    for (const to of addresses.get(mail.organizationId)?.addresses ?? []) {
      await queueMail(tx, { to, ...mail.compose(languageOf(to)), ...topic });
    }
  }
}
