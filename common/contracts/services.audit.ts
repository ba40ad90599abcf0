import { defineAuditActions } from './audit-actions';

/** What the services module records in the audit log, with its labels (common/contracts/audit-actions.ts says why here). */
export const SERVICES_AUDIT_ACTIONS = defineAuditActions('services', {
  'services.create-service': { it: 'Servizio creato', en: 'Service created', formerly: ['services.create'] },
  'services.update-service': { it: 'Servizio modificato', en: 'Service edited', formerly: ['services.update'] },
  'services.confirm-service': { it: 'Servizio confermato', en: 'Service confirmed', formerly: ['services.confirm'] },
  'services.import-services': { it: 'Importazione di servizi', en: 'Services imported', formerly: ['services.import'] },
  'services.create-taxonomy-term': { it: 'Categoria di servizi creata', en: 'Service category created', formerly: ['services.taxonomy.create'] },
  'services.update-taxonomy-term': { it: 'Categoria di servizi modificata', en: 'Service category edited', formerly: ['services.taxonomy.update'] },
  'services.queue-supply-rebuild': { it: "Ricalcolo dell'offerta dei servizi richiesto", en: 'Service supply rebuild requested', formerly: ['services.queue_supply_rebuild'] },
  'services.rebuild-supply': { it: 'Offerta dei servizi ricalcolata', en: 'Service supply rebuilt', formerly: ['services.rebuild_supply'] },
  'services.move-merged-organization': { it: "Dati di un'organizzazione unita spostati (servizi)", en: "A merged organization's data moved (services)" },
  'services.move-municipality-codes': { it: 'Servizi aggiornati ai nuovi codici dei comuni', en: 'Services moved to the new municipality codes' },
});
export type ServicesAuditAction = keyof typeof SERVICES_AUDIT_ACTIONS;
