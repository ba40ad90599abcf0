import { defineTexts, type Language } from '../texts';

/** What accounts write for people: the password-reset mail. */
export const AUTH_TEXTS = defineTexts({
  it: {
    resetSubject: 'Distretto: reimposta la password',
    resetAsked: 'Qualcuno (speriamo tu) ha chiesto di reimpostare la password del tuo account Distretto.',
    resetOpenLink: "Apri questo collegamento entro un'ora per sceglierne una nuova (funziona una volta sola):",
    resetIgnore: 'Se non sei stato tu, ignora questo messaggio: la password resta quella di prima.',
  },
  en: {
    resetSubject: 'Distretto: reset your password',
    resetAsked: 'Someone (hopefully you) asked to reset the password of your Distretto account.',
    resetOpenLink: 'Open this link within an hour to choose a new one (it works once):',
    resetIgnore: 'If it was not you, ignore this message: your password stays as it was.',
  },
});

export type AuthTexts = (typeof AUTH_TEXTS)['it'];

export const authTexts = (language: Language | undefined): AuthTexts => AUTH_TEXTS[language ?? 'it'];

/** The password-reset mail in the account's language. */
export function passwordResetMail(link: string, language: Language): { subject: string; text: string } {
  const words = authTexts(language);
  return { subject: words.resetSubject, text: `${words.resetAsked}\n\n${words.resetOpenLink}\n${link}\n\n${words.resetIgnore}\n` };
}
