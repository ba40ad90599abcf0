import { defineAuditActions } from './audit-actions';

/** What the districts module records in the audit log, with its labels (common/contracts/audit-actions.ts says why here). */
export const DISTRICTS_AUDIT_ACTIONS = defineAuditActions('districts', {
  'districts.create-district': { it: 'Distretto creato', en: 'District created', formerly: ['districts.create'] },
  'districts.update-district': { it: 'Distretto modificato', en: 'District edited', formerly: ['districts.update'] },
  'districts.define-area': { it: 'Area del distretto definita', en: 'District area defined', formerly: ['districts.define_area'] },
  'districts.create-body': { it: 'Organo del distretto creato', en: 'District body created', formerly: ['districts.create_body'] },
  'districts.add-body-member': { it: 'Componente aggiunto a un organo del distretto', en: 'Member added to a district body', formerly: ['districts.add_body_member'] },
  'districts.end-body-member': { it: 'Fine incarico in un organo del distretto', en: 'District body membership ended', formerly: ['districts.end_body_member'] },
  'districts.record-membership': { it: 'Adesione proposta (registro del distretto)', en: 'Membership proposed (district record)' },
  'districts.answer-membership': { it: 'Risposta a una proposta di adesione (registro del distretto)', en: 'Membership proposal answered (district record)' },
  'districts.end-membership': { it: 'Adesione terminata (registro del distretto)', en: 'Membership ended (district record)' },
  'districts.move-merged-organization': { it: "Dati di un'organizzazione unita spostati (distretti)", en: "A merged organization's data moved (districts)" },
  'districts.move-municipality-codes': { it: 'Aree dei distretti aggiornate ai nuovi codici dei comuni', en: 'District areas moved to the new municipality codes' },
});
export type DistrictsAuditAction = keyof typeof DISTRICTS_AUDIT_ACTIONS;
