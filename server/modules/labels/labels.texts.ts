import { defineTexts } from '../../platform/texts';

/** What the labels module writes for people: the badge and the expiry reminder. */
export const LABELS_TEXTS = defineTexts({
  it: {
    badgeTitle: 'Marchio di qualità sociale',
    badgeValid: (until: string) => `valido fino al ${until}`,
    badgeExpired: (until: string) => `scaduto il ${until}`,
    badgeRevoked: (on: string) => `revocato il ${on}`,
    reminderSubject: (scheme: string, until: string) => `Il marchio "${scheme}" scade il ${until}`,
    reminderBody: (organization: string, scheme: string, until: string) =>
      `Il marchio di qualità sociale "${scheme}" di ${organization} è valido fino al ${until}. Per non interromperlo, presenta per tempo una domanda di rinnovo con le evidenze aggiornate.`,
    reminderPage: (url: string) => `Pagina pubblica di verifica del marchio: ${url}`,
  },
  en: {
    badgeTitle: 'Social quality label',
    badgeValid: (until: string) => `valid until ${until}`,
    badgeExpired: (until: string) => `expired on ${until}`,
    badgeRevoked: (on: string) => `revoked on ${on}`,
    reminderSubject: (scheme: string, until: string) => `The "${scheme}" label expires on ${until}`,
    reminderBody: (organization: string, scheme: string, until: string) =>
      `The social quality label "${scheme}" of ${organization} is valid until ${until}. To keep it without a break, apply for its renewal in good time with up-to-date evidence.`,
    reminderPage: (url: string) => `The label's public verification page: ${url}`,
  },
});
