import type { BenefitList } from './organization-kind-inference';
/** Enumerations of the organizations registry, shared by the server's contracts and the web forms. */
export const ORGANIZATION_SIZE_CLASSES = ['micro', 'small', 'medium', 'large'] as const;
export type OrganizationSizeClass = (typeof ORGANIZATION_SIZE_CLASSES)[number];

/** EU size classes by employees (Recommendation 2003/361/EC): micro < 10, small < 50, medium < 250. */
export function sizeClassForEmployees(employees: number): OrganizationSizeClass {
  if (employees < 10) return 'micro';
  if (employees < 50) return 'small';
  if (employees < 250) return 'medium';
  return 'large';
}

export const ORGANIZATION_STATUSES = ['active', 'dissolved', 'merged'] as const;
export type OrganizationStatus = (typeof ORGANIZATION_STATUSES)[number];

export const PERSON_ROLES = ['legal_representative', 'contact', 'member'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

/** Directed: "from" is a member of / in the network of / tutored by / supplier to "to". */
export const ORGANIZATION_RELATIONSHIP_KINDS = ['consortium_member', 'network_of_firms', 'tutoring', 'supplier'] as const;
export type OrganizationRelationshipKind = (typeof ORGANIZATION_RELATIONSHIP_KINDS)[number];

/** Fields a CSV column can be mapped to (documented in data/examples/README.md). */
export const ORGANIZATION_IMPORT_FIELDS = [
  'legalName', 'shortName', 'kind', 'fiscalCode', 'vatNumber', 'sizeClass', 'employees', 'activityCode', 'address',
  'postalCode', 'municipality', 'website', 'email', 'pec', 'phone', 'description', 'notes', 'tags', 'status',
  // The 5x1000 lists an organization is admitted to (a marked cell, e.g. X): they feed the kind proposed when the
  // file has no kind column (common/domain/organization-kind-inference.ts) and are not stored.
  'listThirdSector', 'listSportsClub', 'listScientificResearch', 'listHealthResearch', 'listMunicipalities', 'listCulturalHeritage', 'listProtectedAreas',
] as const;
export type OrganizationImportField = (typeof ORGANIZATION_IMPORT_FIELDS)[number];

/** Header names recognized without a mapping step (Italian and English, folded to lower case, no accents). */
export const IMPORT_HEADER_SYNONYMS: Record<string, OrganizationImportField> = {
  ragione_sociale: 'legalName', denominazione: 'legalName', legal_name: 'legalName', nome: 'legalName',
  nome_breve: 'shortName', sigla: 'shortName', short_name: 'shortName',
  tipo: 'kind', tipologia: 'kind', kind: 'kind',
  codice_fiscale: 'fiscalCode', cf: 'fiscalCode', fiscal_code: 'fiscalCode',
  partita_iva: 'vatNumber', p_iva: 'vatNumber', piva: 'vatNumber', vat_number: 'vatNumber',
  dimensione: 'sizeClass', size_class: 'sizeClass',
  dipendenti: 'employees', addetti: 'employees', employees: 'employees',
  ateco: 'activityCode', codice_ateco: 'activityCode', activity_code: 'activityCode',
  indirizzo: 'address', sede: 'address', address: 'address',
  cap: 'postalCode', postal_code: 'postalCode',
  comune: 'municipality', comune_istat: 'municipality', codice_istat: 'municipality', municipality: 'municipality',
  sito_web: 'website', sito: 'website', website: 'website',
  email: 'email', e_mail: 'email',
  pec: 'pec',
  telefono: 'phone', tel: 'phone', phone: 'phone',
  descrizione: 'description', description: 'description',
  note: 'notes', notes: 'notes',
  etichette: 'tags', tag: 'tags', tags: 'tags',
  stato: 'status', status: 'status',
  // The Agenzia delle Entrate 5x1000 lists as onData publishes them.
  codice_comune: 'municipality',
  ets_e_onlus: 'listThirdSector', asd: 'listSportsClub', ricerca_scientifica: 'listScientificResearch', ricerca_sanitaria: 'listHealthResearch',
  comuni: 'listMunicipalities', beni_culturali_e_paesaggistici: 'listCulturalHeritage', enti_gestori_aree_protette: 'listProtectedAreas',
};

/** Which 5x1000 list each list column says the organization is admitted to. */
export const IMPORT_LIST_FIELDS = {
  listThirdSector: 'third_sector', listSportsClub: 'sports_club', listScientificResearch: 'scientific_research', listHealthResearch: 'health_research',
  listMunicipalities: 'municipalities', listCulturalHeritage: 'cultural_heritage', listProtectedAreas: 'protected_areas',
} as const satisfies Partial<Record<OrganizationImportField, BenefitList>>;

/** Italian words accepted for kinds, sizes and statuses in imported files, besides the codes themselves. */
export const IMPORT_KIND_SYNONYMS: Record<string, string> = {
  comune: 'municipality', ente_gestore: 'social_services_body', asl: 'health_authority', asl_to3: 'health_authority',
  centro_per_l_impiego: 'employment_centre', centro_impiego: 'employment_centre', scuola: 'school', ente_pubblico: 'other_public_body',
  cooperativa_sociale_a: 'social_cooperative_a', cooperativa_sociale_b: 'social_cooperative_b', coop_a: 'social_cooperative_a', coop_b: 'social_cooperative_b',
  associazione_di_promozione_sociale: 'aps', organizzazione_di_volontariato: 'odv', impresa_sociale: 'social_enterprise',
  fondazione: 'foundation', societa_di_mutuo_soccorso: 'mutual_aid_society', terzo_settore: 'other_third_sector',
  impresa: 'firm', azienda: 'firm', sindacato: 'union', associazione_di_categoria: 'trade_association', ente_bilaterale: 'bilateral_body',
  gruppo_informale: 'informal_group',
};
export const IMPORT_SIZE_SYNONYMS: Record<string, OrganizationSizeClass> = { micro: 'micro', piccola: 'small', media: 'medium', grande: 'large', small: 'small', medium: 'medium', large: 'large' };
export const IMPORT_STATUS_SYNONYMS: Record<string, 'active' | 'dissolved'> = { attiva: 'active', attivo: 'active', active: 'active', cessata: 'dissolved', sciolta: 'dissolved', dissolved: 'dissolved' };
