import { defineTexts, type Language } from '../../platform/texts';

/** What the invitations module writes for people: the mail inviting someone to an organization. */
export const INVITATIONS_TEXTS = defineTexts({
  it: {
    roleMember: 'membro',
    roleAdmin: 'amministratore',
    subject: (organization: string) => `Distretto: invito a ${organization}`,
    invited: (organization: string, role: string) => `Sei stato invitato a partecipare a ${organization} su Distretto come ${role}.`,
    openLink: 'Apri il collegamento entro sette giorni per accettare (crei il tuo account, o accedi se ne hai già uno):',
  },
  en: {
    roleMember: 'member',
    roleAdmin: 'administrator',
    subject: (organization: string) => `Distretto: invitation to ${organization}`,
    invited: (organization: string, role: string) => `You have been invited to join ${organization} on Distretto as ${role}.`,
    openLink: 'Open the link within seven days to accept (create your account, or sign in if you have one):',
  },
});

export type InvitationsTexts = (typeof INVITATIONS_TEXTS)['it'];

export const invitationsTexts = (language: Language | undefined): InvitationsTexts => INVITATIONS_TEXTS[language ?? 'it'];
