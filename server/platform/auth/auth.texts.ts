import { defineTexts, type Language } from '../texts';

/** What accounts write for people: the password-reset mail and the welcome mail of an account created for someone. */
export const AUTH_TEXTS = defineTexts({
  it: {
    resetSubject: 'Distretto: reimposta la password',
    resetAsked: 'Qualcuno (speriamo tu) ha chiesto di reimpostare la password del tuo account Distretto.',
    resetOpenLink: "Apri questo collegamento entro un'ora per sceglierne una nuova (funziona una volta sola):",
    resetIgnore: 'Se non sei stato tu, ignora questo messaggio: la password resta quella di prima.',
    welcomeSubject: 'Distretto: benvenuto, scegli la tua password',
    welcomeAdmin: "Ti è stato creato un account su Distretto come amministratore dell'organizzazione «{organization}».",
    welcomeOpenLink: 'Apri questo collegamento entro sette giorni per scegliere la tua password (funziona una volta sola); poi accedi con questo indirizzo e-mail:',
    welcomeIgnore: 'Se non ti aspettavi questo messaggio, ignoralo: senza una password nessuno può accedere con questo account.',
  },
  en: {
    resetSubject: 'Distretto: reset your password',
    resetAsked: 'Someone (hopefully you) asked to reset the password of your Distretto account.',
    resetOpenLink: 'Open this link within an hour to choose a new one (it works once):',
    resetIgnore: 'If it was not you, ignore this message: your password stays as it was.',
    welcomeSubject: 'Distretto: welcome, choose your password',
    welcomeAdmin: 'An account was created for you on Distretto as an administrator of the organization “{organization}”.',
    welcomeOpenLink: 'Open this link within seven days to choose your password (it works once); then sign in with this e-mail address:',
    welcomeIgnore: 'If you did not expect this message, ignore it: without a password nobody can sign in with this account.',
  },
});

export type AuthTexts = (typeof AUTH_TEXTS)['it'];

export const authTexts = (language: Language | undefined): AuthTexts => AUTH_TEXTS[language ?? 'it'];

/** The password-reset mail in the account's language. */
export function passwordResetMail(link: string, language: Language): { subject: string; text: string } {
  const words = authTexts(language);
  return { subject: words.resetSubject, text: `${words.resetAsked}\n\n${words.resetOpenLink}\n${link}\n\n${words.resetIgnore}\n` };
}

/** The welcome mail of an account created for an organization's new admin: the link sets the first password. */
export function welcomeAdminMail(link: string, organizationName: string, email: string, language: Language): { subject: string; text: string } {
  const words = authTexts(language);
  const admin = words.welcomeAdmin.replace('{organization}', organizationName);
  return { subject: words.welcomeSubject, text: `${admin}\n\n${words.welcomeOpenLink}\n${link}\n${email}\n\n${words.welcomeIgnore}\n` };
}
