import { defineAuditActions } from './audit-actions';

/** What the surveys module records in the audit log, with its labels (common/contracts/audit-actions.ts says why here). */
export const SURVEYS_AUDIT_ACTIONS = defineAuditActions('surveys', {
  'surveys.create-survey': { it: 'Questionario creato', en: 'Survey created', formerly: ['surveys.create'] },
  'surveys.update-survey': { it: 'Questionario modificato', en: 'Survey edited', formerly: ['surveys.update'] },
  'surveys.change-survey-status': { it: 'Stato di un questionario cambiato', en: 'Survey status changed', formerly: ['surveys.status'] },
  'surveys.reorder-survey': { it: 'Ordine delle domande di un questionario cambiato', en: 'Survey questions reordered', formerly: ['surveys.reorder'] },
  'surveys.add-section': { it: 'Sezione aggiunta a un questionario', en: 'Section added to a survey', formerly: ['surveys.section.add'] },
  'surveys.update-section': { it: 'Sezione di un questionario modificata', en: 'Survey section edited', formerly: ['surveys.section.update'] },
  'surveys.remove-section': { it: 'Sezione tolta da un questionario', en: 'Section removed from a survey', formerly: ['surveys.section.remove'] },
  'surveys.add-question': { it: 'Domanda aggiunta a un questionario', en: 'Question added to a survey', formerly: ['surveys.question.add'] },
  'surveys.update-question': { it: 'Domanda di un questionario modificata', en: 'Survey question edited', formerly: ['surveys.question.update'] },
  'surveys.remove-question': { it: 'Domanda tolta da un questionario', en: 'Question removed from a survey', formerly: ['surveys.question.remove'] },
  'surveys.enable-public-link': { it: 'Link pubblico del questionario attivato', en: 'Public survey link enabled', formerly: ['surveys.public_link.enable'] },
  'surveys.disable-public-link': { it: 'Link pubblico del questionario disattivato', en: 'Public survey link disabled', formerly: ['surveys.public_link.disable'] },
  'surveys.create-invitations': { it: 'Inviti a un questionario creati', en: 'Survey invitations created', formerly: ['surveys.invitations.create'] },
  'surveys.renew-invitation-link': { it: 'Link di invito rinnovato', en: 'Invitation link renewed', formerly: ['surveys.invitations.renew'] },
  'surveys.open-member-answer': { it: "Pagina di risposta aperta da un membro dell'organizzazione invitata", en: 'Answer page opened by a member of the invited organization' },
  'surveys.save-response': { it: 'Risposta a un questionario salvata', en: 'Survey response saved', formerly: ['surveys.response.save'] },
  'surveys.submit-response': { it: 'Risposta a un questionario inviata', en: 'Survey response submitted', formerly: ['surveys.response.submit'] },
  'surveys.edit-response': { it: 'Risposta a un questionario modificata', en: 'Survey response edited', formerly: ['surveys.response.edit'] },
  'surveys.exclude-response': { it: 'Risposta esclusa dai rapporti', en: 'Response excluded from the reports', formerly: ['surveys.response.exclude'] },
  'surveys.include-response': { it: 'Risposta riammessa nei rapporti', en: 'Response included again in the reports', formerly: ['surveys.response.include'] },
  'surveys.read-full-report': { it: 'Consultazione del rapporto completo di un questionario', en: 'Full survey report viewed', formerly: ['surveys.report.read'] },
  'surveys.read-report-texts': { it: 'Consultazione delle risposte libere di un questionario', en: 'Survey free-text answers viewed', formerly: ['surveys.report.texts'] },
  'surveys.list-responses': { it: "Consultazione dell'elenco delle risposte di un questionario", en: 'Survey responses list viewed', formerly: ['surveys.responses.list'] },
  'surveys.export-responses': { it: 'Esportazione delle risposte di un questionario', en: 'Survey responses exported', formerly: ['surveys.responses.export'] },
  'surveys.move-merged-organization': { it: "Dati di un'organizzazione unita spostati (questionari)", en: "A merged organization's data moved (surveys)" },
});
export type SurveysAuditAction = keyof typeof SURVEYS_AUDIT_ACTIONS;
