import { defineAuditActions } from './audit-actions';

/** What the projects module records in the audit log, with its labels (common/contracts/audit-actions.ts says why here). */
export const PROJECTS_AUDIT_ACTIONS = defineAuditActions('projects', {
  'projects.create-project': { it: 'Progetto creato', en: 'Project created' },
  'projects.create-project-from-proposal': { it: 'Progetto avviato da una proposta', en: 'Project started from a proposal' },
  'projects.update-project': { it: 'Progetto modificato', en: 'Project changed' },
  'projects.transition-project': { it: 'Stato di un progetto cambiato', en: 'Project status changed' },
  'projects.add-partner': { it: 'Partner aggiunto a un progetto', en: 'Partner added to a project' },
  'projects.update-partner': { it: 'Partner di un progetto modificato', en: 'Project partner changed' },
  'projects.add-budget-line': { it: 'Voce di budget aggiunta', en: 'Budget line added' },
  'projects.update-budget-line': { it: 'Voce di budget modificata', en: 'Budget line changed' },
  'projects.delete-budget-line': { it: 'Voce di budget eliminata', en: 'Budget line removed' },
  'projects.add-funding-source': { it: 'Fonte di finanziamento aggiunta', en: 'Funding source added' },
  'projects.update-funding-source': { it: 'Fonte di finanziamento modificata', en: 'Funding source changed' },
  'projects.delete-funding-source': { it: 'Fonte di finanziamento eliminata', en: 'Funding source removed' },
  'projects.link-need': { it: 'Bisogno collegato a un progetto', en: 'Need linked to a project' },
  'projects.unlink-need': { it: 'Bisogno scollegato da un progetto', en: 'Need unlinked from a project' },
  'projects.answer-linked-need': { it: 'Bisogno segnato come soddisfatto dal progetto', en: 'Need marked answered by the project' },
  'projects.link-group': { it: 'Gruppo di bisogni collegato a un progetto', en: 'Needs group linked to a project' },
  'projects.unlink-group': { it: 'Gruppo di bisogni scollegato da un progetto', en: 'Needs group unlinked from a project' },
  'projects.add-milestone': { it: 'Tappa di un progetto aggiunta', en: 'Project milestone added' },
  'projects.update-milestone': { it: 'Tappa di un progetto modificata', en: 'Project milestone changed' },
  'projects.add-report': { it: 'Relazione di avanzamento aggiunta', en: 'Progress report added' },
  'projects.record-beneficiaries': { it: 'Beneficiari registrati', en: 'Beneficiaries recorded' },
  'projects.delete-beneficiaries': { it: 'Beneficiari eliminati', en: 'Beneficiaries removed' },
  'projects.set-mentor': { it: 'Accompagnatore assegnato', en: 'Mentor assigned' },
  'projects.add-session': { it: 'Incontro di accompagnamento registrato', en: 'Accompaniment session recorded' },
  'projects.add-assessment': { it: 'Valutazione di maturità registrata', en: 'Readiness assessment recorded' },
  'projects.move-merged-organization': { it: "Dati di un'organizzazione unita spostati (progetti)", en: "A merged organization's data moved (projects)" },
  'projects.move-municipality-codes': { it: 'Progetti aggiornati ai nuovi codici dei comuni', en: 'Projects moved to the new municipality codes' },
});
export type ProjectsAuditAction = keyof typeof PROJECTS_AUDIT_ACTIONS;
