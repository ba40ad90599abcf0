import { defineAuditActions } from './audit-actions';

/** What the matching module records in the audit log, with its labels (common/contracts/audit-actions.ts says why here). */
export const MATCHING_AUDIT_ACTIONS = defineAuditActions('matching', {
  'matching.read-group-needs': { it: 'Consultazione dei bisogni di un gruppo', en: 'Needs of a group viewed', formerly: ['needs.group.read'] },
  'matching.create-proposal': { it: 'Proposta di servizio condiviso creata', en: 'Shared-service proposal created', formerly: ['matching.create_proposal'] },
  'matching.respond-to-proposal': { it: 'Risposta a una proposta', en: 'Proposal answered', formerly: ['matching.respond_to_proposal'] },
  'matching.agree-proposal': { it: 'Accordo su una proposta di servizio condiviso', en: 'Shared-service proposal agreed', formerly: ['matching.agree_proposal'] },
  'matching.create-referral': { it: 'Invio (segnalazione) creato', en: 'Referral sent', formerly: ['matching.create_referral'] },
  'matching.accept-referral': { it: 'Invio accettato', en: 'Referral accepted', formerly: ['matching.referral_accept'] },
  'matching.decline-referral': { it: 'Invio rifiutato', en: 'Referral declined', formerly: ['matching.referral_decline'] },
  'matching.request-referral-info': { it: 'Informazioni chieste su un invio', en: 'Information requested on a referral', formerly: ['matching.referral_request_info'] },
  'matching.answer-referral-info': { it: 'Informazioni date su un invio', en: 'Information given on a referral', formerly: ['matching.referral_answer_info'] },
  'matching.mark-referral-served': { it: 'Invio concluso: persona servita', en: 'Referral closed: person served', formerly: ['matching.referral_mark_served'] },
  'matching.mark-referral-not-served': { it: 'Invio concluso: persona non servita', en: 'Referral closed: person not served', formerly: ['matching.referral_mark_not_served'] },
  'matching.remind-referral': { it: 'Promemoria per un invio', en: 'Referral reminder', formerly: ['matching.remind_referral'] },
  'matching.read-referral': { it: 'Consultazione di un invio', en: 'Referral viewed', formerly: ['referrals.read'] },
  'matching.list-referrals': { it: "Consultazione dell'elenco degli invii", en: 'Referrals list viewed', formerly: ['referrals.list'] },
  'matching.export-referrals': { it: 'Esportazione degli invii', en: 'Referrals exported', formerly: ['referrals.export'] },
  'matching.move-merged-organization': { it: "Dati di un'organizzazione unita spostati (incontro domanda-offerta)", en: "A merged organization's data moved (matching)" },
  'matching.move-municipality-codes': { it: 'Invii aggiornati ai nuovi codici dei comuni', en: 'Referrals moved to the new municipality codes' },
});
export type MatchingAuditAction = keyof typeof MATCHING_AUDIT_ACTIONS;
