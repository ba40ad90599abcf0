import { defineAuditActions } from './audit-actions';

/** What the organizations module records in the audit log, with its labels (common/contracts/audit-actions.ts says why here). */
export const ORGANIZATIONS_AUDIT_ACTIONS = defineAuditActions('organizations', {
  'organizations.create-organization': { it: 'Organizzazione creata', en: 'Organization created', formerly: ['organizations.create'] },
  'organizations.update-organization': { it: 'Organizzazione modificata', en: 'Organization edited', formerly: ['organizations.update'] },
  'organizations.read-private-fields': { it: "Consultazione dei dati riservati di un'organizzazione", en: 'Private organization data viewed', formerly: ['organizations.private.read'] },
  'organizations.add-person-role': { it: "Persona aggiunta a un'organizzazione", en: 'Person added to an organization' },
  'organizations.add-relationship': { it: 'Relazione tra organizzazioni dichiarata', en: 'Relationship declared' },
  'organizations.confirm-relationship': { it: 'Relazione tra organizzazioni confermata', en: 'Relationship confirmed' },
  'organizations.decline-relationship': { it: 'Relazione tra organizzazioni rifiutata', en: 'Relationship declined' },
  'organizations.add-district-membership': { it: 'Organizzazione ammessa a un distretto', en: 'Organization admitted to a district' },
  'organizations.end-district-membership': { it: 'Fine adesione a un distretto', en: 'District membership ended' },
  'organizations.accept-district-membership': { it: 'Adesione a un distretto accettata', en: 'District membership accepted' },
  'organizations.decline-district-membership': { it: 'Adesione a un distretto rifiutata', en: 'District membership declined' },
  'organizations.withdraw-district-membership': { it: 'Proposta di adesione ritirata', en: 'Membership proposal withdrawn' },
  'organizations.start-import': { it: 'Importazione di organizzazioni avviata', en: 'Organization import started', formerly: ['organizations.import-start'] },
  'organizations.import-batch': { it: 'Importazione di organizzazioni (blocco)', en: 'Organization import (batch)' },
  'organizations.fail-import': { it: 'Importazione di organizzazioni non riuscita', en: 'Organization import failed', formerly: ['organizations.import-failed'] },
  'organizations.merge-organizations': { it: 'Organizzazioni unite', en: 'Organizations merged', formerly: ['organizations.merge'] },
  'organizations.move-municipality-codes': { it: 'Organizzazioni aggiornate ai nuovi codici dei comuni', en: 'Organizations moved to the new municipality codes' },
  'organizations.sync-municipal-bodies': { it: 'Comuni aggiunti al registro come enti pubblici', en: 'Municipalities added to the registry as public bodies' },
});
export type OrganizationsAuditAction = keyof typeof ORGANIZATIONS_AUDIT_ACTIONS;
