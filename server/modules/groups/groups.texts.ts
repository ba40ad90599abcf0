import { defineTexts } from '../../platform/texts';

/** What the groups module writes for people: meeting invitations, changes, cancellations and overdue action notices. */
export const GROUPS_TEXTS = defineTexts({
  it: {
    invitationSubject: (group: string, when: string) => `Convocazione: ${group}, ${when}`,
    changedSubject: (group: string, when: string) => `Riunione modificata: ${group}, ${when}`,
    cancelledSubject: (group: string, when: string) => `Riunione annullata: ${group}, ${when}`,
    invitationIntro: (group: string) => `Sei convocato/a alla riunione del tavolo di lavoro "${group}".`,
    changedIntro: (group: string) => `La riunione del tavolo di lavoro "${group}" è stata modificata: ecco i nuovi dati.`,
    cancelledIntro: (group: string) => `La riunione del tavolo di lavoro "${group}" è stata annullata.`,
    title: (title: string) => `Riunione: ${title}`,
    when: (when: string) => `Quando: ${when}`,
    where: (where: string) => `Dove: ${where}`,
    online: (url: string) => `Collegamento: ${url}`,
    agenda: 'Ordine del giorno:',
    page: (url: string) => `Pagina della riunione: ${url}`,
    calendar: (url: string) => `Evento per il calendario (.ics, dopo l'accesso): ${url}`,
    overdueSubject: (title: string) => `Azione in ritardo: ${title}`,
    overdueBody: (title: string, group: string, due: string, owner: string) =>
      `L'azione "${title}" del tavolo di lavoro "${group}", affidata a ${owner}, doveva essere completata entro il ${due} e non risulta ancora conclusa.`,
    overdueAsk: (url: string) => `Aggiorna lo stato dell'azione o concorda una nuova scadenza: ${url}`,
    timeRange: (day: string, from: string, to: string) => `${day}, dalle ${from} alle ${to}`,
    feedName: (group: string) => `Riunioni: ${group}`,
    memberAddedSubject: (group: string) => `Sei stato/a indicato/a nel tavolo di lavoro "${group}"`,
    memberAddedBody: (group: string, organization: string, role: string) =>
      `Sei stato/a indicato/a come ${role} del tavolo di lavoro "${group}" in rappresentanza di ${organization}. Riceverai le convocazioni delle riunioni a questo indirizzo.`,
    groupPage: (url: string) => `Pagina del tavolo: ${url}`,
    role: (role: 'chair' | 'secretary' | 'member' | 'observer') => ({ chair: 'coordinatore/coordinatrice', secretary: 'segretario/a', member: 'componente', observer: 'osservatore/osservatrice' })[role],
  },
  en: {
    invitationSubject: (group: string, when: string) => `Meeting invitation: ${group}, ${when}`,
    changedSubject: (group: string, when: string) => `Meeting changed: ${group}, ${when}`,
    cancelledSubject: (group: string, when: string) => `Meeting cancelled: ${group}, ${when}`,
    invitationIntro: (group: string) => `You are invited to the meeting of the working group "${group}".`,
    changedIntro: (group: string) => `The meeting of the working group "${group}" has changed: here are the new details.`,
    cancelledIntro: (group: string) => `The meeting of the working group "${group}" has been cancelled.`,
    title: (title: string) => `Meeting: ${title}`,
    when: (when: string) => `When: ${when}`,
    where: (where: string) => `Where: ${where}`,
    online: (url: string) => `Link: ${url}`,
    agenda: 'Agenda:',
    page: (url: string) => `Meeting page: ${url}`,
    calendar: (url: string) => `Calendar event (.ics, after signing in): ${url}`,
    overdueSubject: (title: string) => `Overdue action: ${title}`,
    overdueBody: (title: string, group: string, due: string, owner: string) =>
      `The action "${title}" of the working group "${group}", assigned to ${owner}, was due by ${due} and is not done yet.`,
    overdueAsk: (url: string) => `Update the action's status or agree a new due date: ${url}`,
    timeRange: (day: string, from: string, to: string) => `${day}, from ${from} to ${to}`,
    feedName: (group: string) => `Meetings: ${group}`,
    memberAddedSubject: (group: string) => `You have been named in the working group "${group}"`,
    memberAddedBody: (group: string, organization: string, role: string) =>
      `You have been named ${role} of the working group "${group}", representing ${organization}. Meeting invitations will reach you at this address.`,
    groupPage: (url: string) => `Group page: ${url}`,
    role: (role: 'chair' | 'secretary' | 'member' | 'observer') => ({ chair: 'chair', secretary: 'secretary', member: 'member', observer: 'observer' })[role],
  },
});
