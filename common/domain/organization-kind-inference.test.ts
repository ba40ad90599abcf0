import { describe, expect, it } from 'vitest';
import {
  BENEFIT_LISTS,
  inferOrganizationKind,
  isListMarked,
  KIND_INFERENCE_REASONS,
  KIND_PROPOSED_FOR,
  normalizeOrganizationName,
  type BenefitList,
} from './organization-kind-inference';
import { ORGANIZATION_KIND_CODES } from './organizations';

const infer = (name: string, ...lists: BenefitList[]) => inferOrganizationKind(name, new Set(lists));
const reasonOf = (name: string, ...lists: BenefitList[]) => infer(name, ...lists)?.reason ?? null;

describe('inferOrganizationKind', () => {
  it('names the kind each reason proposes, and only kinds that exist', () => {
    for (const reason of KIND_INFERENCE_REASONS) expect(ORGANIZATION_KIND_CODES).toContain(KIND_PROPOSED_FOR[reason]);
    expect(infer('TORINO', 'municipalities')).toEqual({ kind: 'municipality', reason: 'municipality_list' });
    expect(infer('COOPERATIVA SOCIALE IL RAMO')).toEqual({ kind: 'social_cooperative_a', reason: 'social_cooperative' });
    expect(infer('ASSOCIAZIONE SPORTIVA DILETTANTISTICA PRO EUREKA', 'sports_club')).toEqual({ kind: 'other_third_sector', reason: 'sports_club' });
  });

  it.each([
    // Real names from the 5x1000 2022 list of Piemonte, with the lists they are admitted to.
    ['TORINO', ['municipalities'], 'municipality_list', 'municipality'],
    ['PINEROLO', ['municipalities'], 'municipality_list', 'municipality'],
    ['ENTE PARCO NAZIONALE GRAN PARADISO', ['protected_areas'], 'protected_area', 'other_public_body'],
    ['PARCO NAZIONALE VAL GRANDE', ['protected_areas', 'scientific_research'], 'protected_area', 'other_public_body'],
    ["UNIVERSITA' DEGLI STUDI DI TORINO", ['scientific_research'], 'university', 'other_public_body'],
    ['POLITECNICO DI TORINO', ['scientific_research'], 'university', 'other_public_body'],
    ['ORGANIZZAZIONE DI VOLONTARIATO FONDO DI SOLIDARIETA EDO TEMPIA', ['third_sector'], 'odv', 'odv'],
    ['CRI - COMITATO DI LIMONE P.TE - ORG. DI VOLONTARIATO', ['third_sector'], 'odv', 'odv'],
    ['CROCE ROSSA ITALIANA-COMITATO DI MONTANARO-ODV', ['third_sector'], 'odv', 'odv'],
    ['AVULSS O.D.V.', ['third_sector'], 'odv', 'odv'],
    ['ARCI CRACK24 APS', ['third_sector'], 'aps', 'aps'],
    ['ASSOCIAZIONE CULTURALE A.P.S. LA TORRE', ['third_sector'], 'aps', 'aps'],
    ['ASSOCIAZIONE SPORTIVA DILETTANTISTICA E DI PROMOZIONE SOCIALE SETTIMO CIRCO', ['sports_club'], 'aps', 'aps'],
    ['VERSUS FCR SOCIETA COOPERATIVA SOCIALE', ['third_sector'], 'social_cooperative', 'social_cooperative_a'],
    ['PATCHANKA SOC.COOP.SOCIALE', ['third_sector'], 'social_cooperative', 'social_cooperative_a'],
    ['COOP. SOCIALE IL MARGINE', ['third_sector'], 'social_cooperative', 'social_cooperative_a'],
    ['COOP SOCIALE LA SVOLTA', ['third_sector'], 'social_cooperative', 'social_cooperative_a'],
    ['SAN FRANCESCO ONLUS S.C.S.', ['third_sector'], 'social_cooperative', 'social_cooperative_a'],
    ['IL SOLCO SCS', ['third_sector'], 'social_cooperative', 'social_cooperative_a'],
    ['COOPERATIVA SOCIALE DI TIPO B LAVORO E SOLIDARIETA', ['third_sector'], 'social_cooperative_b', 'social_cooperative_b'],
    ['ARCOBALENO COOPERATIVA SOCIALE TIPO B', ['third_sector'], 'social_cooperative_b', 'social_cooperative_b'],
    ['IL FARO COOP. SOCIALE B', ['third_sector'], 'social_cooperative_b', 'social_cooperative_b'],
    ['VIAGGI SOLIDALI - IMPRESA SOCIALE', ['third_sector'], 'social_enterprise', 'social_enterprise'],
    ['FONDAZIONE PIEMONTESE PER LA RICERCA SUL CANCRO - ONLUS', ['third_sector', 'scientific_research'], 'named_foundation', 'foundation'],
    ['"FONDAZIONE PAIDEIA" ODV', ['third_sector'], 'named_foundation', 'foundation'],
    ['ISTITUTO BRUNO LEONI FONDAZIONE', ['third_sector'], 'foundation', 'foundation'],
    ["SOCIETA' OPERAIA DI MUTUO SOCCORSO DI SAN CARLO CANAVESE", ['third_sector'], 'mutual_aid', 'mutual_aid_society'],
    ['A.S.D. LIBERTAS GINNASTICA VERCELLI', ['sports_club'], 'sports_club', 'other_third_sector'],
    ['POLISPORTIVA ASD BORGARO', [], 'sports_club', 'other_third_sector'],
    ['TENNIS CLUB S.S.D. A R.L.', [], 'sports_club', 'other_third_sector'],
    ['SCI CLUB SESTRIERE', ['sports_club'], 'sports_club', 'other_third_sector'],
    ['REGIONE PIEMONTE', ['scientific_research'], 'research', 'other_third_sector'],
    ['ISTITUTO PER LA RICERCA', ['health_research'], 'research', 'other_third_sector'],
    ['MUSEI REALI', ['cultural_heritage'], 'cultural_heritage', 'other_third_sector'],
    ['COMPASSION ITALIA ONLUS', ['third_sector'], 'third_sector_list', 'other_third_sector'],
    ['COMUNE DI PINEROLO', [], 'municipality_name', 'municipality'],
    ['CITTA DI TORINO', [], 'municipality_name', 'municipality'],
    ['Città di Torino', [], 'municipality_name', 'municipality'],
    ['ENTE DI GESTIONE DELLE AREE PROTETTE DELLE ALPI COZIE', [], 'protected_area', 'other_public_body'],
    ['AZIENDA SANITARIA LOCALE TO3', [], 'health_authority', 'health_authority'],
    ['AZIENDA OSPEDALIERA SANTA CROCE E CARLE', [], 'health_authority', 'health_authority'],
    ['ASL CN1', [], 'health_authority', 'health_authority'],
    ['ISTITUTO COMPRENSIVO PINEROLO II', [], 'school', 'school'],
    ['DIREZIONE DIDATTICA DI LUSERNA', [], 'school', 'school'],
    ['ISTITUTO DI ISTRUZIONE SUPERIORE PORRO', [], 'school', 'school'],
    ['LICEO PORPORATO', [], 'school', 'school'],
  ] as [string, BenefitList[], string, string][])('%s %j → %s (%s)', (name, lists, reason, kind) => {
    expect(infer(name, ...lists)).toEqual({ reason, kind });
  });

  it('proposes nothing when neither the name nor a list says what the body is', () => {
    expect(infer('CITTADINI NEL MONDO')).toBeNull();
    expect(infer('IL PORTO')).toBeNull();
    expect(infer('')).toBeNull();
  });

  it('lets the lists that say what a body is win over its name, and the name win over lists that say what it does', () => {
    expect(reasonOf('ASSOCIAZIONE X ODV', 'municipalities')).toBe('municipality_list');
    expect(reasonOf('FONDAZIONE X', 'protected_areas')).toBe('protected_area');
    expect(reasonOf('ASSOCIAZIONE X ODV', 'sports_club')).toBe('odv');
    expect(reasonOf('ASSOCIAZIONE X ODV', 'scientific_research')).toBe('odv');
    expect(reasonOf('ASSOCIAZIONE X', 'sports_club', 'third_sector')).toBe('sports_club');
    expect(reasonOf('ASSOCIAZIONE X', 'scientific_research', 'third_sector')).toBe('research');
    expect(reasonOf('ASSOCIAZIONE X', 'health_research', 'cultural_heritage')).toBe('research');
    expect(reasonOf('ASSOCIAZIONE X', 'cultural_heritage', 'third_sector')).toBe('cultural_heritage');
    expect(reasonOf('ASSOCIAZIONE X', 'third_sector')).toBe('third_sector_list');
  });

  it('orders the legal forms of the name: the more specific form first', () => {
    expect(reasonOf('COMUNE DI X COOPERATIVA SOCIALE')).toBe('municipality_name');
    expect(reasonOf('ENTE PARCO X FONDAZIONE')).toBe('protected_area');
    expect(reasonOf('UNIVERSITA DI X FONDAZIONE')).toBe('university');
    expect(reasonOf('AZIENDA SANITARIA X ODV')).toBe('health_authority');
    expect(reasonOf('ISTITUTO COMPRENSIVO X APS')).toBe('school');
    expect(reasonOf('X COOPERATIVA SOCIALE TIPO B IMPRESA SOCIALE')).toBe('social_cooperative_b');
    expect(reasonOf('X COOPERATIVA SOCIALE IMPRESA SOCIALE')).toBe('social_cooperative');
    expect(reasonOf('X IMPRESA SOCIALE ODV')).toBe('social_enterprise');
    expect(reasonOf('FONDAZIONE X ODV')).toBe('named_foundation');
    expect(reasonOf('FONDAZIONE X MUTUO SOCCORSO')).toBe('named_foundation');
    expect(reasonOf('X MUTUO SOCCORSO ODV')).toBe('mutual_aid');
    expect(reasonOf('X ODV APS')).toBe('odv');
    expect(reasonOf('X APS ASD')).toBe('aps');
    expect(reasonOf('AMICI DELLA FONDAZIONE X ASD')).toBe('sports_club');
    expect(reasonOf('AMICI DELLA FONDAZIONE X')).toBe('foundation');
  });

  it('reads acronyms and words only as whole words', () => {
    expect(reasonOf('GOODVIBES')).toBeNull();
    expect(reasonOf('ODVX')).toBeNull();
    expect(reasonOf('CAPS LOCK')).toBeNull();
    expect(reasonOf('APSX')).toBeNull();
    expect(reasonOf('CASDA')).toBeNull();
    expect(reasonOf('OASI SCSI')).toBeNull();
    expect(reasonOf('FONDAZIONEX')).toBeNull();
    expect(reasonOf('COMUNELLO DI X')).toBeNull();
    expect(reasonOf('IL COMUNE DI X')).toBeNull();
    expect(reasonOf('AMICI DEL LICEO X')).toBeNull();
    expect(reasonOf('AMICI ASL X')).toBeNull();
    expect(reasonOf('AMICI DELLA AZIENDA SANITARIA X')).toBeNull();
    expect(reasonOf('AMICI DELLA UNIVERSITA DI X')).toBeNull();
    expect(reasonOf('COOPERATIVA SOCIALESCA')).toBeNull();
    expect(reasonOf('COOPERATIVA X')).toBeNull();
    expect(reasonOf('PARCO GIOCHI')).toBeNull();
    expect(reasonOf('ENTE PARCOX')).toBeNull();
    expect(reasonOf('X COOPERATIVA SOCIALE TIPO BETA')).toBe('social_cooperative');
    expect(reasonOf('X COOPERATIVA SOCIALE BETA')).toBe('social_cooperative');
    expect(reasonOf('X IMPRESA SOCIALEX')).toBeNull();
    expect(reasonOf('X MUTUO SOCCORSOX')).toBeNull();
    expect(reasonOf('X PROMOZIONE SOCIALEX')).toBeNull();
    expect(reasonOf('X SPORTIVA DILETTANTISTICAX')).toBeNull();
    expect(reasonOf('X ORGANIZZAZIONE DI VOLONTARIATOX')).toBeNull();
    expect(reasonOf('ISTITUTO COMPRENSIVOX')).toBeNull();
    expect(reasonOf('POLITECNICO DIX')).toBeNull();
    expect(reasonOf('ASLX')).toBeNull();
    expect(reasonOf('LICEOX')).toBeNull();
  });

  it('does not take a university of the third age (an association) for a university', () => {
    expect(reasonOf("UNIVERSITA' DELLA TERZA ETA'", 'third_sector')).toBe('third_sector_list');
    expect(reasonOf('UNIVERSITA DELLA TERZA ETA DI PINEROLO', 'third_sector')).toBe('third_sector_list');
    expect(reasonOf("UNIVERSITA' DELLE TRE ETA'", 'third_sector')).toBe('third_sector_list');
    expect(reasonOf('UNIVERSITA POPOLARE DI TORINO', 'third_sector')).toBe('third_sector_list');
    expect(reasonOf('UNIVERSITA DEGLI ADULTI', 'third_sector')).toBe('third_sector_list');
    expect(reasonOf('UNIVERSITA DEL TEMPO LIBERO', 'third_sector')).toBe('third_sector_list');
    expect(reasonOf("UNIVERSITA' DEGLI STUDI DEL PIEMONTE ORIENTALE", 'third_sector')).toBe('university');
    expect(reasonOf('UNIVERSITA DI SCIENZE GASTRONOMICHE', 'third_sector')).toBe('university');
  });

  it('reads names in any case, with accents and several spaces', () => {
    expect(reasonOf('Società  Cooperativa   Sociale Il Ramo')).toBe('social_cooperative');
    expect(reasonOf('organizzazione di volontariato amici')).toBe('odv');
    expect(reasonOf('  Fondazione  CRT  ')).toBe('named_foundation');
    expect(reasonOf('Università degli Studi di Torino')).toBe('university');
  });

  it('reads each list on its own', () => {
    expect(BENEFIT_LISTS).toHaveLength(7);
    const name = 'NOME QUALSIASI';
    expect(reasonOf(name, 'third_sector')).toBe('third_sector_list');
    expect(reasonOf(name, 'sports_club')).toBe('sports_club');
    expect(reasonOf(name, 'scientific_research')).toBe('research');
    expect(reasonOf(name, 'health_research')).toBe('research');
    expect(reasonOf(name, 'municipalities')).toBe('municipality_list');
    expect(reasonOf(name, 'cultural_heritage')).toBe('cultural_heritage');
    expect(reasonOf(name, 'protected_areas')).toBe('protected_area');
  });
});

describe('normalizeOrganizationName', () => {
  it('upper-cases, drops accents and collapses spaces', () => {
    expect(normalizeOrganizationName('  Società\tdi  Mutuo Soccorso ')).toBe('SOCIETA DI MUTUO SOCCORSO');
    expect(normalizeOrganizationName('Università')).toBe('UNIVERSITA');
  });
});

describe('isListMarked', () => {
  it.each(['X', 'x', ' X ', 'SI', 'sì', 'S', 'yes', 'Y', '1', 'true', 'VERO'])('%j marks a list', (cell) => expect(isListMarked(cell)).toBe(true));
  it.each(['', ' ', 'NO', '0', 'XX', 'N', 'false', 'SIX', 'AX'])('%j does not', (cell) => expect(isListMarked(cell)).toBe(false));
  it('treats a missing cell as unmarked', () => expect(isListMarked(undefined)).toBe(false));
});
