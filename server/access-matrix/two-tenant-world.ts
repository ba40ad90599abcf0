import { numericCheckDigit } from '../../common/domain/fiscal-code';
import { MODULES, seedDemo } from '../app';
import { createTestApp, createTestUser, signIn, type SignedIn, type TestApp } from '../platform/testing/test-app';
import type { RoleGrant } from '../platform/access/actor';
import { createDistrict } from '../modules/districts';
import { addMember, createAction, createGroup, saveMinutes, scheduleMeeting } from '../modules/groups';
import { createNeed } from '../modules/needs';
import { createProposal } from '../modules/matching';
import { addBudgetLine, addFundingSource, addMilestone, addPartner, addReport, addSession, createProject, linkGroup, linkNeed, recordBeneficiaries, setMentor } from '../modules/projects';
import { applyForLabel, assessCriterion, createScheme, saveEvidence, transitionApplication } from '../modules/labels';
import { addPersonRole, createOrganization } from '../modules/organizations';
import { changePactVersionStatus, createCommitment, createPact, signPactVersion } from '../modules/pacts';
import { actorOfUserId } from '../platform/auth/actor-of-user';
import { createPractice } from '../modules/practices';
import { createService } from '../modules/services';
import { changeSurveyStatus, createInvitations, createSurvey, saveAnswers } from '../modules/surveys';
import { loadTerritoryFixture } from '../modules/territory';

/**
 * Two tenants for the access matrix and the API fuzz (ADR 0024): the demo Pinerolese (tenant A, the demo seed) and a
 * district of 26 municipalities around Cuneo (tenant B, built here through the same use cases and HTTP routes), each
 * with a coordinator, member organizations, needs, a survey with responses, a referral and a proposal, and private
 * fields filled with strings unique to the tenant (its MARKERS): any of them in a response to someone of the other
 * tenant is a leak.
 */

export const TENANTS = ['A', 'B'] as const;
export type Tenant = (typeof TENANTS)[number];

/**
 * The ten roles of the matrix. `evaluator` is the platform's second global role (no right of its own today): the
 * tenth role checks that a global grant without a right opens nothing.
 */
export const ROLES = [
  'anonymous', 'noRole', 'evaluator', 'memberA', 'adminA', 'memberB', 'adminB', 'coordinatorA', 'coordinatorB', 'platformAdmin',
] as const;
export type MatrixRole = (typeof ROLES)[number];

/** The tenant a role belongs to (null: none, or every tenant for the platform administrator). */
export function tenantOf(role: MatrixRole): Tenant | null {
  if (role.endsWith('A')) return 'A';
  if (role.endsWith('B')) return 'B';
  return null;
}

/** Where a marker was written: which reader may legitimately see it is decided from this. */
export type MarkerKind = 'phone' | 'notes' | 'person' | 'need' | 'referralDetails' | 'surveyText' | 'proposal' | 'practice';

export interface Marker {
  tenant: Tenant;
  kind: MarkerKind;
  text: string;
  /** The organization whose private field or need holds it (none: the district's, e.g. a survey answer). */
  organizationId?: string;
}

/** The ids of one tenant's resources, to fill path and query parameters. */
export interface TenantResources {
  districtId: string;
  /** The organization whose member and admin are `member<T>` and `admin<T>`. */
  organizationId: string;
  /** The district's coordinating organization (provider of the referred service). */
  coordinatorOrganizationId: string;
  /** A firm of the district, with a need (it requests the proposal). */
  firmId: string;
  /** The organization's (`organizationId`) public fiscal code, which an import row can name. */
  organizationFiscalCode: string;
  municipalityCode: string;
  provinceCode: string;
  /** A service of the district's coordinating organization (the referral goes to it). */
  serviceId: string;
  /** A service of the organization (`organizationId`): its member and admin keep it. */
  organizationServiceId: string;
  serviceAtLocationId: string;
  needId: string;
  needCategoryCode: string;
  surveyId: string;
  sectionId: string;
  questionId: string;
  invitationId: string;
  /** An answer link token of an invitation nobody answered yet. */
  answerToken: string;
  proposalId: string;
  referralId: string;
  /** The organization's membership of the district. */
  membershipId: string;
  bodyId: string;
  bodyMemberId: string;
  /** An organizations import report started by the tenant's coordinator. */
  importId: string;
  /** An HSDS location id (a place of the tenant's service). */
  locationId: string;
  /** A practice of the organization read by the district's members only (its text carries a marker). */
  practiceId: string;
  /** A by-invitation working group: member<T> is a plain member and owns its action; its meeting was held, its minutes are a draft. */
  groupId: string;
  groupMemberId: string;
  meetingId: string;
  actionId: string;
  /**
   * A co-designed project of the district, led by the coordinating organization with the firm as partner: the
   * organization (`member<T>`, `admin<T>`) is no partner, so its private parts (marked with the firm) are not theirs.
   */
  projectId: string;
  projectPartnerId: string;
  projectBudgetLineId: string;
  projectFundingSourceId: string;
  projectGroupLinkId: string;
  projectMilestoneId: string;
  projectBeneficiariesId: string;
  /**
   * A quality label scheme of the district whose assessor is coordinator<T>; the organization holds its label
   * (`labelAwardId`, public code `labelPublicCode`) and has a submitted renewal (`labelApplicationId`).
   */
  labelSchemeId: string;
  labelCriterionId: string;
  labelApplicationId: string;
  labelAwardId: string;
  labelPublicCode: string;
  labelAssessorUserId: string;
  /**
   * A territorial pact of the district, not public, in force (version 1), signed by the coordinating organization's
   * legal representative (none of the matrix's roles), with a pending adhesion of the firm and one commitment.
   */
  pactId: string;
  pactVersionId: string;
  pactSignatureId: string;
  pactCommitmentId: string;
}

export interface TwoTenantWorld {
  t: TestApp;
  tenants: Record<Tenant, TenantResources>;
  /** Signed-in sessions (null: anonymous). */
  sessions: Record<MatrixRole, SignedIn | null>;
  /** E-mails of the signed-in roles (to sign in again for logout operations). */
  emails: Record<Exclude<MatrixRole, 'anonymous'>, string>;
  markers: Marker[];
  /** Platform-wide ids (no tenant): a zoning, one of its zones, a taxonomy term. */
  shared: { zoningId: string; otherZoningId: string; zoneId: string; taxonomyTermId: string; regionCode: string };
  /** Session of the platform administrator, for arranging data over HTTP. */
  admin: SignedIn;
}

/** A valid 11-digit numeric fiscal code (partita IVA form) from a 10-digit stem. */
export function numericFiscalCode(stem: string): string {
  return `${stem}${numericCheckDigit(stem)}`;
}

const CUNEO = '004078';

/** Builds both tenants in a fresh test database (about 10 s on PGlite). */
export async function buildTwoTenantWorld(): Promise<TwoTenantWorld> {
  const t = await createTestApp(MODULES);
  await loadTerritoryFixture(t.db);
  await seedDemo(t.system, () => undefined);
  const platformAdminUser = await createTestUser(t.system, [{ role: 'platform_admin' }]);
  const admin = await signIn(t.app, platformAdminUser.email);
  const http = async (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: unknown, who: SignedIn = admin) => {
    const response = await t.app.inject({ method, url, payload: payload as object, headers: method === 'GET' ? { cookie: who.cookie } : who.writeHeaders });
    if (response.statusCode >= 300) throw new Error(`world: ${method} ${url} answered ${response.statusCode}: ${response.body}`);
    return response.json();
  };
  const one = async <T>(query: string, params: unknown[] = []): Promise<T> => (await t.db.pool.query(query, params)).rows[0] as T;

  // Tenant A: the demo seed's district and organizations.
  const demo = await one<{ district_id: string; coordinator_org: string; org: string; firm: string }>(`
    select (select id from districts where is_demo) as district_id,
           (select id from organizations where legal_name = 'Consorzio dei servizi sociali del Pinerolese (demo)') as coordinator_org,
           (select id from organizations where legal_name = 'Cooperativa sociale Val Chisone (demo)') as org,
           (select id from organizations where legal_name = 'Fondazione Comunità Pinerolese (demo)') as firm`);

  // Tenant B: 26 municipalities of the province of Cuneo nearest to Cuneo, three organizations.
  const nearCuneo = await t.db.pool.query<{ istat_code: string }>(
    `select m.istat_code from municipalities m, municipalities c
      where c.istat_code = $1 and m.istat_code like '004%'
      order by (m.point_lat - c.point_lat) ^ 2 + ((m.point_lng - c.point_lng) * 0.7) ^ 2, m.istat_code limit 26`,
    [CUNEO],
  );
  const municipalitiesB = nearCuneo.rows.map((row) => row.istat_code);
  const coordinatorOrgB = await createOrganization(t.system, { legalName: 'Consorzio socio assistenziale del Cuneese (prova)', kind: 'social_services_body', sizeClass: 'medium', municipalityCode: CUNEO });
  const orgB = await createOrganization(t.system, { legalName: 'Cooperativa sociale Stura (prova)', kind: 'social_cooperative_a', sizeClass: 'small', municipalityCode: municipalitiesB[1]! });
  const firmB = await createOrganization(t.system, { legalName: 'Officine Alpi Cuneo S.r.l. (prova)', kind: 'firm', sizeClass: 'medium', municipalityCode: CUNEO });
  // Two more members, so that B's survey has invitations left unanswered after three responses (as the demo has).
  const moreB = [
    await createOrganization(t.system, { legalName: 'Associazione Valle Gesso (prova)', kind: 'aps', sizeClass: 'micro', municipalityCode: municipalitiesB[2]! }),
    await createOrganization(t.system, { legalName: 'Fondazione Cuneese per la comunità (prova)', kind: 'foundation', sizeClass: 'small', municipalityCode: CUNEO }),
  ];
  const districtB = await createDistrict(t.system, {
    name: 'Distretto del Cuneese (prova)',
    description: 'Secondo distretto della matrice di accesso.',
    municipalityCodes: municipalitiesB,
    coordinatorOrganizationId: coordinatorOrgB.id,
    memberOrganizationIds: [coordinatorOrgB.id, orgB.id, firmB.id, ...moreB.map((organization) => organization.id)],
  });

  const userOf = async (grants: { role: RoleGrant['role']; districtId?: string; organizationId?: string }[]) => (await createTestUser(t.system, grants)).email;
  const emails = {
    noRole: await userOf([]),
    evaluator: await userOf([{ role: 'evaluator' }]),
    memberA: await userOf([{ role: 'organization_member', organizationId: demo.org }]),
    adminA: await userOf([{ role: 'organization_admin', organizationId: demo.org }]),
    memberB: await userOf([{ role: 'organization_member', organizationId: orgB.id }]),
    adminB: await userOf([{ role: 'organization_admin', organizationId: orgB.id }]),
    coordinatorA: await userOf([{ role: 'district_coordinator', districtId: demo.district_id }]),
    coordinatorB: await userOf([{ role: 'district_coordinator', districtId: districtB.id }]),
    platformAdmin: platformAdminUser.email,
  };
  const sessions = { anonymous: null } as Record<MatrixRole, SignedIn | null>;
  for (const [role, email] of Object.entries(emails)) sessions[role as MatrixRole] = role === 'platformAdmin' ? admin : await signIn(t.app, email);

  const markers: Marker[] = [];
  const mark = (tenant: Tenant, kind: MarkerKind, what: string, organizationId?: string) => {
    const text = `PRIVATO-${tenant}-${what}`;
    markers.push({ tenant, kind, text, organizationId });
    return text;
  };

  const buildTenant = async (tenant: Tenant, ids: { districtId: string; coordinatorOrganizationId: string; organizationId: string; firmId: string; municipalityCode: string; stem: string }): Promise<TenantResources> => {
    const member = sessions[`member${tenant}`]!;
    const coordinator = sessions[`coordinator${tenant}`]!;
    // Private fields of every organization of the tenant used below. Phones hold digits only: the marker is the number.
    const phoneDigits = tenant === 'A' ? '0121' : '0171';
    let index = 0;
    for (const organizationId of [ids.organizationId, ids.coordinatorOrganizationId, ids.firmId]) {
      index += 1;
      const current = await http('GET', `/api/organizations/${organizationId}`);
      const phone = `+39 ${phoneDigits} 90${index}${tenant === 'A' ? '11' : '22'}7`;
      markers.push({ tenant, kind: 'phone', text: phone, organizationId });
      const fiscalCode = organizationId === ids.organizationId ? numericFiscalCode(ids.stem) : undefined;
      await http('PATCH', `/api/organizations/${organizationId}`, {
        version: current.version,
        phone,
        notes: mark(tenant, 'notes', `note-${index}`, organizationId),
        email: `contatto-${tenant.toLowerCase()}${index}@esempio.invalid`,
        ...(fiscalCode ? { fiscalCode } : {}),
      });
      await http('POST', `/api/organizations/${organizationId}/people`, { fullName: mark(tenant, 'person', `persona-${index}`, organizationId), role: 'contact' });
    }
    const service = await createService(t.system, {
      organizationId: ids.coordinatorOrganizationId,
      name: `Assistenza domiciliare del distretto ${tenant} (prova)`,
      categoryCodes: ['anziani.assistenza-domiciliare'],
      targetGroups: ['older_people'],
      serviceAreaDistrictId: ids.districtId,
      locations: [{ name: `Sede ${tenant}`, municipalityCode: ids.municipalityCode }],
      capacity: { total: 10, free: 4 },
    });
    const organizationService = await createService(t.system, {
      organizationId: ids.organizationId,
      name: `Centro diurno dell'organizzazione ${tenant} (prova)`,
      categoryCodes: ['anziani.centri-diurni'],
      serviceAreaMunicipalityCodes: [ids.municipalityCode],
    });
    const needCategoryCode = 'anziani.assistenza-domiciliare';
    const need = await createNeed(t.system, {
      districtId: ids.districtId, organizationId: ids.organizationId, categoryCode: needCategoryCode, targetGroup: 'older_people',
      municipalityCode: ids.municipalityCode, peopleCount: 4, relevance: 4, description: mark(tenant, 'need', 'bisogno', ids.organizationId),
    });
    await createNeed(t.system, {
      districtId: ids.districtId, organizationId: ids.firmId, categoryCode: needCategoryCode, targetGroup: 'older_people',
      municipalityCode: ids.municipalityCode, peopleCount: 3, relevance: 3, description: mark(tenant, 'need', 'bisogno-impresa', ids.firmId),
    });
    const referral = await http('POST', '/api/matching/referrals', {
      districtId: ids.districtId, referringOrganizationId: ids.organizationId, serviceId: service.id, needId: need.id,
      subjectKind: 'person', municipalityCode: ids.municipalityCode, details: mark(tenant, 'referralDetails', 'segnalazione'),
    }, member);
    const practice = await createPractice(t.system, {
      districtId: ids.districtId, organizationId: ids.organizationId, title: `Pratica riservata ${tenant} (prova)`, outcome: 'failure', visibility: 'district',
      whatTried: mark(tenant, 'practice', 'pratica'), failureCause: 'Pochi iscritti', lessonLearned: 'Chiedere prima alle famiglie',
    });
    const proposal = await createProposal(t.system, {
      districtId: ids.districtId, zoneKind: 'municipality', zoneKey: ids.municipalityCode, categoryCode: needCategoryCode, radiusKm: 10,
      title: `Assistenza condivisa ${tenant}`, description: mark(tenant, 'proposal', 'proposta'), joinThreshold: 2, providerCount: 3,
    });

    // A survey with three submitted responses whose free text carries the marker, and one invitation left unanswered.
    const draft = await createSurvey(t.system, { districtId: ids.districtId, title: `Indagine della matrice ${tenant}`, template: 'company_welfare' });
    const survey = await changeSurveyStatus(t.system, draft.id, { version: draft.version, status: 'open' });
    const invitations = await createInvitations(t.system, survey.id, { onlyDistrictMembers: true }, {
      baseUrl: 'http://localhost:3000',
      emailOf: ({ name }) => `questionari-${tenant.toLowerCase()}-${name.length}-${Math.abs(hashOf(name))}@esempio.invalid`,
    });
    const idOf = new Map(survey.sections.flatMap((section) => section.questions.map((question) => [question.code, question.id] as const)));
    const tokens = invitations.map((invitation) => invitation.link.split('/rispondi/')[1]!);
    for (const [position, token] of tokens.slice(0, 3).entries()) {
      const answers = {
        tipo_organizzazione: { choice: 'impresa' }, dipendenti: 20 + position, settore: { choice: 'manifattura' }, comune_sede: ids.municipalityCode,
        welfare_presente: 'no',
        rilevanza_bisogni: { nidi: 3, centri_estivi: 3, genitori_anziani: 4, disabilita: 2, salute: 3, supporto_psicologico: 3, trasporto: 4, formazione: 3, casa: 2, conciliazione: 4 },
        condivisione: 'no',
        commenti: mark(tenant, 'surveyText', `risposta-${position}`),
      };
      await saveAnswers(t.system, token, { answers: Object.fromEntries(Object.entries(answers).map(([code, value]) => [idOf.get(code)!, value])), submit: true });
    }
    const firstSection = survey.sections[0]!;
    const importReport = await http('POST', '/api/organizations/imports', {
      fileName: `matrice-${tenant}.csv`,
      contentBase64: Buffer.from(`ragione_sociale;tipo;comune\nAssociazione importata ${tenant} (prova);aps;${ids.municipalityCode}\n`).toString('base64'),
    }, coordinator);
    // A project whose private parts carry the firm's markers (a partner's budget line, a funding source, a report, a session).
    const project = await createProject(t.system, { title: `Progetto della matrice ${tenant}`, summary: 'Pubblico', districtIds: [ids.districtId], strands: ['services'] });
    await addPartner(t.system, project.id, { organizationId: ids.coordinatorOrganizationId, role: 'lead', workSharePercent: 50 });
    const withFirm = await addPartner(t.system, project.id, { organizationId: ids.firmId, role: 'partner', workSharePercent: 50 });
    const withLine = await addBudgetLine(t.system, project.id, { organizationId: ids.firmId, category: 'staff', amountCents: 12_345, description: mark(tenant, 'notes', 'riga-progetto', ids.firmId) });
    const withSource = await addFundingSource(t.system, project.id, { kind: 'foundation', funderName: mark(tenant, 'notes', 'fonte-progetto', ids.firmId), committedCents: 10_000 });
    await addReport(t.system, project.id, { organizationId: ids.firmId, periodStart: '2026-01-01', periodEnd: '2026-02-28', text: mark(tenant, 'notes', 'relazione-progetto', ids.firmId) });
    await setMentor(t.system, project.id, { kind: 'person', name: 'Mentore della matrice' });
    await addSession(t.system, project.id, { heldOn: '2026-02-01', topic: 'Avvio', notes: mark(tenant, 'notes', 'sessione-progetto', ids.firmId) });
    await linkNeed(t.system, project.id, { needId: need.id });
    const withGroup = await linkGroup(t.system, project.id, { categoryCode: needCategoryCode, targetGroup: 'older_people', zoneKind: 'municipality', zoneKey: ids.municipalityCode });
    const withMilestone = await addMilestone(t.system, project.id, { title: 'Prima tappa', dueOn: '2026-06-30' });
    const withBeneficiaries = await recordBeneficiaries(t.system, project.id, { organizationId: ids.firmId, period: '2026-01', targetGroup: 'older_people', municipalityCode: ids.municipalityCode, count: 5 });
    const extra = await one<{ membership_id: string; body_id: string; body_member_id: string; location_id: string; service_at_location_id: string; province_code: string }>(
      `select (select id from district_memberships where district_id = $1 and organization_id = $2 limit 1) as membership_id,
              (select id from district_bodies where district_id = $1 order by created_at limit 1) as body_id,
              (select m.id from district_body_members m join district_bodies b on b.id = m.body_id where b.district_id = $1 order by b.created_at, m.started_on, m.id limit 1) as body_member_id,
              (select location_id from service_at_locations where service_id = $3 limit 1) as location_id,
              (select id from service_at_locations where service_id = $3 limit 1) as service_at_location_id,
              (select province_code from municipalities where istat_code = $4) as province_code`,
      [ids.districtId, ids.organizationId, service.id, ids.municipalityCode],
    );
    // A working group: member<T> represents the organization; the meeting is recorded as held yesterday with a minutes draft.
    const memberUser = await one<{ id: string }>('select id from users where lower(email) = lower($1)', [emails[`member${tenant}`]]);
    const workingGroup = await createGroup(t.system, { districtId: ids.districtId, name: `Tavolo della matrice ${tenant} (prova)` });
    const groupMember = await addMember(t.system, workingGroup.id, { userId: memberUser.id, organizationId: ids.organizationId, role: 'member' }, 'http://localhost:3000');
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const meeting = await scheduleMeeting(t.system, workingGroup.id, { title: `Riunione della matrice ${tenant}`, date: tomorrow, startTime: '10:00', endTime: '11:00', onlineUrl: 'https://meet.example.org/matrice', sendInvitations: false }, 'http://localhost:3000');
    await t.db.pool.query("update group_meetings set starts_at = now() - interval '26 hours', ends_at = now() - interval '25 hours', status = 'held' where id = $1", [meeting.id]);
    await saveMinutes(t.system, meeting.id, { version: 0, body: `Verbale della matrice ${tenant}` });
    const action = await createAction(t.system, meeting.id, { title: `Azione della matrice ${tenant}`, ownerUserId: memberUser.id, ownerOrganizationId: ids.organizationId, dueOn: tomorrow });
    // A quality label: awarded to the organization (assessed by coordinator<T>), then a renewal submitted.
    const coordinatorUser = await one<{ id: string }>('select id from users where lower(email) = lower($1)', [emails[`coordinator${tenant}`]]);
    const asAssessor = { ...t.system, actor: (await actorOfUserId(t.db.orm, coordinatorUser.id))! };
    const labelScheme = await createScheme(t.system, { districtId: ids.districtId, name: `Marchio della matrice ${tenant}`, criteria: [{ description: 'Carta dei servizi', kind: 'mandatory' }], validityMonths: 24, assessorUserIds: [coordinatorUser.id] });
    const labelCriterionId = labelScheme.criteria[0]!.id;
    const submitLabelApplication = async (renewsAwardId: string | null) => {
      const application = await applyForLabel(t.system, { schemeId: labelScheme.id, organizationId: ids.organizationId, renewsAwardId });
      const withEvidence = await saveEvidence(t.system, application.id, labelCriterionId, { text: `Evidenza della matrice ${tenant}` });
      return transitionApplication(t.system, application.id, { action: 'submit', version: withEvidence.version });
    };
    const firstLabelApplication = await submitLabelApplication(null);
    const assessed = await assessCriterion(asAssessor, firstLabelApplication.id, labelCriterionId, { met: true, note: 'Verificata' });
    const awarded = await transitionApplication(t.system, firstLabelApplication.id, { action: 'award', version: assessed.version });
    const labelRenewal = await submitLabelApplication(awarded.award!.id);
    // A pact: the legal representatives are accounts of their own (no matrix role signs), acting with a fresh password.
    const legalRepresentativeOf = async (organizationId: string, fullName: string) => {
      const user = await createTestUser(t.system, [{ role: 'organization_admin', organizationId }]);
      await addPersonRole(t.system, organizationId, { fullName, userId: user.id, role: 'legal_representative', startedOn: '2020-01-01' });
      return { ...t.system, actor: { kind: 'user' as const, userId: user.id, email: user.email, grants: [{ role: 'organization_admin' as const, districtId: null, organizationId }], isRecentlyAuthenticated: true } };
    };
    const pactDraft = await createPact(t.system, { districtId: ids.districtId, title: `Patto della matrice ${tenant}`, body: '## Art. 1 - Oggetto\nLe parti collaborano.', startsOn: '2026-01-01' });
    const pactVersion = pactDraft.versions[0]!;
    await changePactVersionStatus(t.system, pactVersion.id, { version: pactVersion.version, to: 'open_for_signature' });
    await signPactVersion(await legalRepresentativeOf(ids.coordinatorOrganizationId, `Legale rappresentante ${tenant}`), pactVersion.id, { organizationId: ids.coordinatorOrganizationId });
    await changePactVersionStatus(t.system, pactVersion.id, { version: pactVersion.version + 1, to: 'in_force' });
    const withAdhesion = await signPactVersion(await legalRepresentativeOf(ids.firmId, `Legale rappresentante impresa ${tenant}`), pactVersion.id, { organizationId: ids.firmId });
    const pactCommitment = await createCommitment(t.system, pactDraft.id, { organizationId: ids.coordinatorOrganizationId, text: `Impegno della matrice ${tenant}`, dueOn: tomorrow });
    return {
      labelSchemeId: labelScheme.id,
      labelCriterionId,
      labelApplicationId: labelRenewal.id,
      labelAwardId: awarded.award!.id,
      labelPublicCode: awarded.award!.publicCode,
      labelAssessorUserId: coordinatorUser.id,
      pactId: pactDraft.id,
      pactVersionId: pactVersion.id,
      pactSignatureId: withAdhesion.versions[0]!.signatures.find((signature) => signature.status === 'pending')!.id,
      pactCommitmentId: pactCommitment.id,
      groupId: workingGroup.id,
      groupMemberId: groupMember.id,
      meetingId: meeting.id,
      actionId: action.id,
      districtId: ids.districtId,
      organizationId: ids.organizationId,
      coordinatorOrganizationId: ids.coordinatorOrganizationId,
      firmId: ids.firmId,
      organizationFiscalCode: numericFiscalCode(ids.stem),
      municipalityCode: ids.municipalityCode,
      provinceCode: extra.province_code,
      serviceId: service.id,
      organizationServiceId: organizationService.id,
      serviceAtLocationId: extra.service_at_location_id,
      needId: need.id,
      needCategoryCode,
      surveyId: survey.id,
      sectionId: firstSection.id,
      questionId: firstSection.questions[0]!.id,
      invitationId: invitations[invitations.length - 2]!.invitationId,
      answerToken: tokens[tokens.length - 1]!,
      proposalId: proposal.id,
      referralId: referral.id,
      membershipId: extra.membership_id,
      bodyId: extra.body_id,
      bodyMemberId: extra.body_member_id,
      importId: importReport.importId,
      locationId: extra.location_id,
      practiceId: practice.id,
      projectId: project.id,
      projectPartnerId: withFirm.partners.find((partner) => partner.organizationId === ids.firmId)!.id,
      projectBudgetLineId: withLine.budgetLines![0]!.id,
      projectFundingSourceId: withSource.fundingSources![0]!.id,
      projectGroupLinkId: withGroup.groupLinks[0]!.id,
      projectMilestoneId: withMilestone.milestones[0]!.id,
      projectBeneficiariesId: withBeneficiaries.beneficiaries![0]!.id,
    };
  };

  // Tenant B needs governance like the demo's: a steering group with the coordinating organization in it.
  const bodyB = await http('POST', `/api/districts/${districtB.id}/bodies`, { kind: 'steering_group', name: 'Cabina di regia (prova)', startedOn: '2026-01-15' });
  await http('POST', `/api/districts/${districtB.id}/bodies/${bodyB.id}/members`, { organizationId: coordinatorOrgB.id, role: 'chair', startedOn: '2026-01-15' });

  const tenants = {
    A: await buildTenant('A', { districtId: demo.district_id, coordinatorOrganizationId: demo.coordinator_org, organizationId: demo.org, firmId: demo.firm, municipalityCode: '001191', stem: '0123456789' }),
    B: await buildTenant('B', { districtId: districtB.id, coordinatorOrganizationId: coordinatorOrgB.id, organizationId: orgB.id, firmId: firmB.id, municipalityCode: CUNEO, stem: '0987654321' }),
  };
  const shared = await one<{ zoning_id: string; other_zoning_id: string; zone_id: string; taxonomy_term_id: string }>(`
    select (select id from zonings order by name limit 1) as zoning_id,
           (select id from zonings order by name offset 1 limit 1) as other_zoning_id,
           (select z.id from zones z join zonings g on g.id = z.zoning_id order by g.name, z.code limit 1) as zone_id,
           (select id from service_taxonomy_terms order by code limit 1) as taxonomy_term_id`);
  return {
    t,
    tenants,
    sessions,
    emails,
    markers,
    shared: { zoningId: shared.zoning_id, otherZoningId: shared.other_zoning_id, zoneId: shared.zone_id, taxonomyTermId: shared.taxonomy_term_id, regionCode: '01' },
    admin,
  };
}

function hashOf(text: string): number {
  let hash = 0;
  for (const char of text) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) | 0;
  return hash;
}
