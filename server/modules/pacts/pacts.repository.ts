import { sql } from 'drizzle-orm';
import type { CommitmentRecurrence, CommitmentStatus, PactVersionStatus, SignatureKind, SignatureStatus } from '../../../common/domain/pacts';
import type { DbExecutor } from '../../platform/db/database';

/** Raw timestamps arrive as Date or ISO text depending on the driver path: always hand out ISO UTC. */
const iso = (value: unknown): string => new Date(value as string).toISOString();
const isoOrNull = (value: unknown): string | null => (value === null || value === undefined ? null : iso(value));
/** Dates arrive as text (aligned type parsers): YYYY-MM-DD. */
const dayOrNull = (value: unknown): string | null => (value === null || value === undefined ? null : String(value).slice(0, 10));

// ── Pacts ────────────────────────────────────────────────────────────────────

export interface PactRow {
  id: string;
  districtId: string;
  districtName: string;
  title: string;
  purpose: string;
  isPublic: boolean;
  adhesionNeedsApproval: boolean;
  isDemo: boolean;
  version: number;
}

const toPactRow = (row: Record<string, unknown>): PactRow => ({
  id: row.id as string,
  districtId: row.district_id as string,
  districtName: row.district_name as string,
  title: row.title as string,
  purpose: row.purpose as string,
  isPublic: row.is_public as boolean,
  adhesionNeedsApproval: row.adhesion_needs_approval as boolean,
  isDemo: row.is_demo as boolean,
  version: row.version as number,
});

const pactColumns = sql`p.id, p.district_id, d.name as district_name, p.title, p.purpose, p.is_public, p.adhesion_needs_approval, p.is_demo, p.version`;

export async function selectPact(db: DbExecutor, pactId: string, options: { forUpdate?: boolean } = {}): Promise<PactRow | null> {
  const result = await db.execute<Record<string, unknown>>(sql`
    select ${pactColumns} from pacts p join district_names d on d.id = p.district_id
    where p.id = ${pactId}::uuid ${options.forUpdate ? sql`for update of p` : sql``}`);
  return result.rows[0] ? toPactRow(result.rows[0]) : null;
}

export async function insertPact(
  db: DbExecutor,
  values: { districtId: string; title: string; purpose: string; isPublic: boolean; adhesionNeedsApproval: boolean; createdBy: string | null; isDemo: boolean },
): Promise<string> {
  const result = await db.execute<{ id: string }>(sql`
    insert into pacts (district_id, title, purpose, is_public, adhesion_needs_approval, created_by, is_demo)
    values (${values.districtId}::uuid, ${values.title}, ${values.purpose}, ${values.isPublic}, ${values.adhesionNeedsApproval}, ${values.createdBy}::uuid, ${values.isDemo})
    returning id`);
  return result.rows[0]!.id;
}

/** Version-checked: false when the row moved on meanwhile. */
export async function updatePactRow(db: DbExecutor, pactId: string, expectedVersion: number, values: { title: string; purpose: string; isPublic: boolean; adhesionNeedsApproval: boolean }): Promise<boolean> {
  const result = await db.execute(sql`
    update pacts set title = ${values.title}, purpose = ${values.purpose}, is_public = ${values.isPublic}, adhesion_needs_approval = ${values.adhesionNeedsApproval},
      version = version + 1, updated_at = now()
    where id = ${pactId}::uuid and version = ${expectedVersion} returning id`);
  return result.rows.length === 1;
}

/** Bumps the pact's version (a change in one of its versions or signatures): readers holding the old one reload. */
export async function touchPact(db: DbExecutor, pactId: string): Promise<void> {
  await db.execute(sql`update pacts set version = version + 1, updated_at = now() where id = ${pactId}::uuid`);
}

export interface PactSummaryRow {
  id: string;
  title: string;
  isPublic: boolean;
  isDemo: boolean;
  latestStatus: PactVersionStatus;
  /** The latest version's status that is not a draft (what readers other than managers see); null if none was opened. */
  latestOpenedStatus: PactVersionStatus | null;
  inForceNumber: number | null;
  startsOn: string;
  signatoryCount: number;
}

/** The district's pacts by title, with the latest version's status and the count of organizations with a valid signature. */
export async function selectDistrictPacts(db: DbExecutor, districtId: string): Promise<PactSummaryRow[]> {
  const result = await db.execute<Record<string, unknown>>(sql`
    select p.id, p.title, p.is_public, p.is_demo,
      (select v.status from pact_versions v where v.pact_id = p.id order by v.number desc limit 1) as latest_status,
      (select v.status from pact_versions v where v.pact_id = p.id and v.status <> 'draft' order by v.number desc limit 1) as latest_opened_status,
      (select v.number from pact_versions v where v.pact_id = p.id and v.status = 'in_force' order by v.number desc limit 1) as in_force_number,
      (select v.starts_on::text from pact_versions v where v.pact_id = p.id order by v.number limit 1) as starts_on,
      (select count(distinct s.organization_id)::int from pact_signatures s where s.pact_id = p.id and s.status = 'valid') as signatory_count
    from pacts p where p.district_id = ${districtId}::uuid order by p.title, p.id`);
  return result.rows.map((row) => ({
    id: row.id as string,
    title: row.title as string,
    isPublic: row.is_public as boolean,
    isDemo: row.is_demo as boolean,
    latestStatus: row.latest_status as PactVersionStatus,
    latestOpenedStatus: (row.latest_opened_status as PactVersionStatus | null) ?? null,
    inForceNumber: (row.in_force_number as number | null) ?? null,
    startsOn: dayOrNull(row.starts_on)!,
    signatoryCount: row.signatory_count as number,
  }));
}

/** The organizations with a valid signature or acknowledgement of any version of the pact (who counts as a signatory). */
export async function selectSignatoryOrganizationIds(db: DbExecutor, pactId: string): Promise<string[]> {
  const result = await db.execute<{ organization_id: string }>(sql`
    select distinct organization_id from pact_signatures where pact_id = ${pactId}::uuid and status = 'valid'`);
  return result.rows.map((row) => row.organization_id);
}

// ── Versions ─────────────────────────────────────────────────────────────────

export interface PactVersionRow {
  id: string;
  pactId: string;
  number: number;
  body: string;
  startsOn: string;
  endsOn: string | null;
  status: PactVersionStatus;
  statusChangedAt: string;
  version: number;
}

const toVersionRow = (row: Record<string, unknown>): PactVersionRow => ({
  id: row.id as string,
  pactId: row.pact_id as string,
  number: row.number as number,
  body: row.body as string,
  startsOn: dayOrNull(row.starts_on)!,
  endsOn: dayOrNull(row.ends_on),
  status: row.status as PactVersionStatus,
  statusChangedAt: iso(row.status_changed_at),
  version: row.version as number,
});

const versionColumns = sql`v.id, v.pact_id, v.number, v.body, v.starts_on::text as starts_on, v.ends_on::text as ends_on, v.status, v.status_changed_at, v.version`;

/** Newest first. */
export async function selectVersions(db: DbExecutor, pactId: string): Promise<PactVersionRow[]> {
  const result = await db.execute<Record<string, unknown>>(sql`select ${versionColumns} from pact_versions v where v.pact_id = ${pactId}::uuid order by v.number desc`);
  return result.rows.map(toVersionRow);
}

export async function selectVersion(db: DbExecutor, versionId: string, options: { forUpdate?: boolean } = {}): Promise<PactVersionRow | null> {
  const result = await db.execute<Record<string, unknown>>(sql`
    select ${versionColumns} from pact_versions v where v.id = ${versionId}::uuid ${options.forUpdate ? sql`for update of v` : sql``}`);
  return result.rows[0] ? toVersionRow(result.rows[0]) : null;
}

export async function insertVersion(db: DbExecutor, values: { pactId: string; number: number; body: string; startsOn: string; endsOn: string | null }): Promise<string> {
  const result = await db.execute<{ id: string }>(sql`
    insert into pact_versions (pact_id, number, body, starts_on, ends_on)
    values (${values.pactId}::uuid, ${values.number}, ${values.body}, ${values.startsOn}::date, ${values.endsOn}::date) returning id`);
  return result.rows[0]!.id;
}

export async function updateVersionText(db: DbExecutor, versionId: string, expectedVersion: number, values: { body: string; startsOn: string; endsOn: string | null }): Promise<boolean> {
  const result = await db.execute(sql`
    update pact_versions set body = ${values.body}, starts_on = ${values.startsOn}::date, ends_on = ${values.endsOn}::date, version = version + 1, updated_at = now()
    where id = ${versionId}::uuid and version = ${expectedVersion} and status = 'draft' returning id`);
  return result.rows.length === 1;
}

/** Moves a version's status; `expectedVersion` null: a move the platform makes (an amendment supersedes), unchecked. */
export async function updateVersionStatus(db: DbExecutor, versionId: string, expectedVersion: number | null, status: PactVersionStatus): Promise<boolean> {
  const result = await db.execute(sql`
    update pact_versions set status = ${status}, status_changed_at = now(), version = version + 1, updated_at = now()
    where id = ${versionId}::uuid ${expectedVersion === null ? sql`` : sql`and version = ${expectedVersion}`} returning id`);
  return result.rows.length === 1;
}

// ── Signatures ───────────────────────────────────────────────────────────────

export interface SignatureRow {
  id: string;
  pactId: string;
  versionId: string;
  versionNumber: number;
  organizationId: string;
  organizationName: string;
  kind: SignatureKind;
  status: SignatureStatus;
  signedByUserId: string | null;
  signerName: string;
  signedAt: string;
  textSha256: string;
  decidedAt: string | null;
  decisionNote: string;
  version: number;
}

const toSignatureRow = (row: Record<string, unknown>): SignatureRow => ({
  id: row.id as string,
  pactId: row.pact_id as string,
  versionId: row.pact_version_id as string,
  versionNumber: row.version_number as number,
  organizationId: row.organization_id as string,
  organizationName: row.organization_name as string,
  kind: row.kind as SignatureKind,
  status: row.status as SignatureStatus,
  signedByUserId: (row.signed_by_user_id as string | null) ?? null,
  signerName: row.signer_name as string,
  signedAt: iso(row.signed_at),
  textSha256: row.text_sha256 as string,
  decidedAt: isoOrNull(row.decided_at),
  decisionNote: row.decision_note as string,
  version: row.version as number,
});

const signatureColumns = sql`s.id, s.pact_id, s.pact_version_id, v.number as version_number, s.organization_id, o.legal_name as organization_name, s.kind, s.status,
  s.signed_by_user_id, s.signer_name, s.signed_at, s.text_sha256, s.decided_at, s.decision_note, s.version`;
const signatureFrom = sql`pact_signatures s join pact_versions v on v.id = s.pact_version_id join organization_names o on o.id = s.organization_id`;

/** Every signature of the pact, in the order they were given. */
export async function selectSignatures(db: DbExecutor, pactId: string): Promise<SignatureRow[]> {
  const result = await db.execute<Record<string, unknown>>(sql`select ${signatureColumns} from ${signatureFrom} where s.pact_id = ${pactId}::uuid order by s.signed_at, s.id`);
  return result.rows.map(toSignatureRow);
}

export async function selectSignature(db: DbExecutor, signatureId: string, options: { forUpdate?: boolean } = {}): Promise<SignatureRow | null> {
  const result = await db.execute<Record<string, unknown>>(sql`
    select ${signatureColumns} from ${signatureFrom} where s.id = ${signatureId}::uuid ${options.forUpdate ? sql`for update of s` : sql``}`);
  return result.rows[0] ? toSignatureRow(result.rows[0]) : null;
}

/** The organization's signature of the version that is not rejected (valid or pending), if any. */
export async function selectLiveSignature(db: DbExecutor, versionId: string, organizationId: string): Promise<SignatureRow | null> {
  const result = await db.execute<Record<string, unknown>>(sql`
    select ${signatureColumns} from ${signatureFrom}
    where s.pact_version_id = ${versionId}::uuid and s.organization_id = ${organizationId}::uuid and s.status <> 'rejected'`);
  return result.rows[0] ? toSignatureRow(result.rows[0]) : null;
}

export async function countValidSignatures(db: DbExecutor, versionId: string): Promise<number> {
  const result = await db.execute<{ n: number }>(sql`select count(*)::int as n from pact_signatures where pact_version_id = ${versionId}::uuid and status = 'valid'`);
  return result.rows[0]!.n;
}

export async function insertSignature(
  db: DbExecutor,
  values: { pactId: string; versionId: string; organizationId: string; kind: SignatureKind; status: SignatureStatus; signedByUserId: string | null; signerName: string; textSha256: string; signedAt?: Date },
): Promise<string> {
  const result = await db.execute<{ id: string }>(sql`
    insert into pact_signatures (pact_id, pact_version_id, organization_id, kind, status, signed_by_user_id, signer_name, text_sha256, signed_at)
    values (${values.pactId}::uuid, ${values.versionId}::uuid, ${values.organizationId}::uuid, ${values.kind}, ${values.status}, ${values.signedByUserId}::uuid,
      ${values.signerName}, ${values.textSha256}, coalesce(${values.signedAt ? values.signedAt.toISOString() : null}::timestamptz, now()))
    on conflict do nothing
    returning id`);
  // '' when the one-per-organization index refused it (a second signature given at the same moment).
  return result.rows[0]?.id ?? '';
}

export async function decideSignature(db: DbExecutor, signatureId: string, expectedVersion: number, values: { status: 'valid' | 'rejected'; decidedByUserId: string | null; note: string }): Promise<boolean> {
  const result = await db.execute(sql`
    update pact_signatures set status = ${values.status}, decided_by_user_id = ${values.decidedByUserId}::uuid, decided_at = now(), decision_note = ${values.note}, version = version + 1
    where id = ${signatureId}::uuid and version = ${expectedVersion} and status = 'pending' returning id`);
  return result.rows.length === 1;
}

// ── Commitments ──────────────────────────────────────────────────────────────

export interface CommitmentRow {
  id: string;
  pactId: string;
  districtId: string;
  pactTitle: string;
  organizationId: string;
  organizationName: string;
  text: string;
  dueOn: string | null;
  recurrence: CommitmentRecurrence;
  status: CommitmentStatus;
  version: number;
}

const toCommitmentRow = (row: Record<string, unknown>): CommitmentRow => ({
  id: row.id as string,
  pactId: row.pact_id as string,
  districtId: row.district_id as string,
  pactTitle: row.pact_title as string,
  organizationId: row.organization_id as string,
  organizationName: row.organization_name as string,
  text: row.text as string,
  dueOn: dayOrNull(row.due_on),
  recurrence: row.recurrence as CommitmentRecurrence,
  status: row.status as CommitmentStatus,
  version: row.version as number,
});

const commitmentColumns = sql`c.id, c.pact_id, p.district_id, p.title as pact_title, c.organization_id, o.legal_name as organization_name, c.text, c.due_on::text as due_on,
  c.recurrence, c.status, c.version`;
const commitmentFrom = sql`pact_commitments c join pacts p on p.id = c.pact_id join organization_names o on o.id = c.organization_id`;

export async function selectCommitment(db: DbExecutor, commitmentId: string, options: { forUpdate?: boolean } = {}): Promise<CommitmentRow | null> {
  const result = await db.execute<Record<string, unknown>>(sql`
    select ${commitmentColumns} from ${commitmentFrom} where c.id = ${commitmentId}::uuid ${options.forUpdate ? sql`for update of c` : sql``}`);
  return result.rows[0] ? toCommitmentRow(result.rows[0]) : null;
}

export async function insertCommitment(
  db: DbExecutor,
  values: { pactId: string; organizationId: string; text: string; dueOn: string | null; recurrence: CommitmentRecurrence; status?: CommitmentStatus; isDemo?: boolean },
): Promise<string> {
  const result = await db.execute<{ id: string }>(sql`
    insert into pact_commitments (pact_id, organization_id, text, due_on, recurrence, status, is_demo)
    values (${values.pactId}::uuid, ${values.organizationId}::uuid, ${values.text}, ${values.dueOn}::date, ${values.recurrence}, ${values.status ?? 'planned'}, ${values.isDemo ?? false})
    returning id`);
  return result.rows[0]!.id;
}

export async function updateCommitmentRow(db: DbExecutor, commitmentId: string, expectedVersion: number, values: { text: string; dueOn: string | null; status: CommitmentStatus }): Promise<boolean> {
  const result = await db.execute(sql`
    update pact_commitments set text = ${values.text}, due_on = ${values.dueOn}::date, status = ${values.status}, version = version + 1, updated_at = now()
    where id = ${commitmentId}::uuid and version = ${expectedVersion} returning id`);
  return result.rows.length === 1;
}

export async function insertCommitmentUpdate(db: DbExecutor, values: { commitmentId: string; status: CommitmentStatus; note: string; writtenByUserId: string | null }): Promise<void> {
  await db.execute(sql`
    insert into pact_commitment_updates (commitment_id, status, note, written_by_user_id)
    values (${values.commitmentId}::uuid, ${values.status}, ${values.note}, ${values.writtenByUserId}::uuid)`);
}

export async function selectCommitmentUpdates(db: DbExecutor, commitmentId: string): Promise<{ status: CommitmentStatus; note: string; writtenAt: string }[]> {
  const result = await db.execute<Record<string, unknown>>(sql`
    select status, note, written_at from pact_commitment_updates where commitment_id = ${commitmentId}::uuid order by written_at, id`);
  return result.rows.map((row) => ({ status: row.status as CommitmentStatus, note: row.note as string, writtenAt: iso(row.written_at) }));
}

/** The dashboard order: late first, then planned, on track, done, dropped (COMMITMENT_STATUS_ORDER); the dashboard index has the same expression. */
const statusRank = sql`case c.status when 'late' then 0 when 'planned' then 1 when 'on_track' then 2 when 'done' then 3 else 4 end`;

/**
 * The pact's first `limit` commitments (of one organization if given), late first, then by due date (none last) and
 * organization: read in the order of pact_commitments_dashboard_idx.
 */
export async function selectPactCommitments(db: DbExecutor, pactId: string, limit: number, organizationId?: string): Promise<CommitmentRow[]> {
  const result = await db.execute<Record<string, unknown>>(sql`
    select ${commitmentColumns} from ${commitmentFrom} where c.pact_id = ${pactId}::uuid
    ${organizationId ? sql`and c.organization_id = ${organizationId}::uuid` : sql``}
    order by ${statusRank}, c.due_on nulls last, o.legal_name, c.id limit ${limit}`);
  return result.rows.map(toCommitmentRow);
}

export type StatusCounts = Record<CommitmentStatus, number>;

const zeroCounts = (): StatusCounts => ({ planned: 0, on_track: 0, late: 0, done: 0, dropped: 0 });

/** The pact's commitments counted by status (of one organization if given), in SQL. */
export async function countPactCommitments(db: DbExecutor, pactId: string, organizationId?: string): Promise<StatusCounts> {
  const result = await db.execute<{ status: CommitmentStatus; n: number }>(sql`
    select status, count(*)::int as n from pact_commitments where pact_id = ${pactId}::uuid
    ${organizationId ? sql`and organization_id = ${organizationId}::uuid` : sql``} group by status`);
  const counts = zeroCounts();
  for (const row of result.rows) counts[row.status] = row.n;
  return counts;
}

export interface SignatoryCountsRow {
  organizationId: string;
  organizationName: string;
  counts: StatusCounts;
}

/**
 * The pact's signatory organizations: a valid signature of any version (read from pact_signatures_signatories_idx
 * alone). Every organization with a commitment is one: commitments are only made for signatories, signatures are
 * never withdrawn, and a merge moves both to the kept organization.
 */
const organizationsOfPact = (pactId: string) => sql`
  select distinct organization_id from pact_signatures where pact_id = ${pactId}::uuid and status = 'valid'`;

export async function countSignatories(db: DbExecutor, pactId: string): Promise<number> {
  const result = await db.execute<{ n: number }>(sql`select count(*)::int as n from (${organizationsOfPact(pactId)}) op`);
  return result.rows[0]!.n;
}

/**
 * One page of the pact's signatory organizations (see organizationsOfPact), those with late commitments first (most
 * late first), then by name, with their commitments counted by status. Only the late ones are counted for the whole
 * pact (to order); the full counts are read for the page's organizations alone. `total`: every signatory.
 */
export async function selectSignatoryPage(db: DbExecutor, pactId: string, offset: number, limit: number): Promise<{ rows: SignatoryCountsRow[]; total: number }> {
  const result = await db.execute<Record<string, unknown>>(sql`
    with late as (
      select organization_id, count(*)::int as late from pact_commitments where pact_id = ${pactId}::uuid and status = 'late' group by organization_id
    ), ranked as (
      select op.organization_id, o.legal_name as organization_name, coalesce(l.late, 0) as late, count(*) over ()::int as total
      from (${organizationsOfPact(pactId)}) op
        join organization_names o on o.id = op.organization_id
        left join late l on l.organization_id = op.organization_id
      order by coalesce(l.late, 0) desc, o.legal_name, op.organization_id
      limit ${limit} offset ${offset}
    )
    select r.organization_id, r.organization_name, r.total, r.late, c.planned, c.on_track, c.done, c.dropped
    from ranked r cross join lateral (
      select count(*) filter (where status = 'planned')::int as planned,
        count(*) filter (where status = 'on_track')::int as on_track,
        count(*) filter (where status = 'done')::int as done,
        count(*) filter (where status = 'dropped')::int as dropped
      from pact_commitments pc where pc.pact_id = ${pactId}::uuid and pc.organization_id = r.organization_id
    ) c
    order by r.late desc, r.organization_name, r.organization_id`);
  const rows = result.rows.map((row) => ({
    organizationId: row.organization_id as string,
    organizationName: row.organization_name as string,
    counts: { planned: row.planned as number, on_track: row.on_track as number, late: row.late as number, done: row.done as number, dropped: row.dropped as number },
  }));
  // A page past the end has no rows to carry the total.
  const total = result.rows[0] ? (result.rows[0].total as number) : offset === 0 ? 0 : await countSignatories(db, pactId);
  return { rows, total };
}

/** Open commitments past their due date on `today` (Italy's day): the daily job's candidates. */
export async function selectOverdueCommitments(db: DbExecutor, today: string): Promise<CommitmentRow[]> {
  const result = await db.execute<Record<string, unknown>>(sql`
    select ${commitmentColumns} from ${commitmentFrom}
    where c.status in ('planned', 'on_track') and c.due_on < ${today}::date order by c.due_on, c.id`);
  return result.rows.map(toCommitmentRow);
}

/**
 * Marks a commitment late if it still is open and overdue (a compare-and-set: two processes running the same morning
 * mark it once); true when this call marked it.
 */
export async function markCommitmentLate(db: DbExecutor, commitmentId: string, today: string): Promise<boolean> {
  const result = await db.execute(sql`
    update pact_commitments set status = 'late', late_noticed_on = ${today}::date, version = version + 1, updated_at = now()
    where id = ${commitmentId}::uuid and status in ('planned', 'on_track') and due_on < ${today}::date returning id`);
  return result.rows.length === 1;
}

/** The users who signed (or acknowledged) the pact for the organization, with a valid signature: whom a late notice reaches. */
export async function selectSignerUserIds(db: DbExecutor, pactId: string, organizationId: string): Promise<string[]> {
  const result = await db.execute<{ signed_by_user_id: string }>(sql`
    select distinct signed_by_user_id from pact_signatures
    where pact_id = ${pactId}::uuid and organization_id = ${organizationId}::uuid and status = 'valid' and signed_by_user_id is not null`);
  return result.rows.map((row) => row.signed_by_user_id);
}

// ── Timeline ─────────────────────────────────────────────────────────────────

export interface TimelineRow {
  at: string;
  kind: 'signature' | 'acknowledgement' | 'version' | 'commitment_done';
  versionNumber: number | null;
  status: string | null;
  organizationId: string | null;
  organizationName: string | null;
  text: string | null;
}

/**
 * The pact's story in time order: valid signatures and acknowledgements (the network growing), each version created
 * and its latest status change (amendments, entry into force), and commitments reported done (from their updates).
 * `includeDrafts`: versions still drafts are the managers'.
 */
export async function selectTimeline(db: DbExecutor, pactId: string, includeDrafts: boolean): Promise<TimelineRow[]> {
  const result = await db.execute<Record<string, unknown>>(sql`
    select s.signed_at as at, s.kind as kind, v.number as version_number, null::text as status, s.organization_id, o.legal_name as organization_name, null::text as text
      from pact_signatures s join pact_versions v on v.id = s.pact_version_id join organization_names o on o.id = s.organization_id
      where s.pact_id = ${pactId}::uuid and s.status = 'valid'
    union all
    select v.status_changed_at, 'version', v.number, v.status, null, null, null
      from pact_versions v where v.pact_id = ${pactId}::uuid ${includeDrafts ? sql`` : sql`and v.status <> 'draft'`}
    union all
    select u.written_at, 'commitment_done', null, 'done', c.organization_id, o.legal_name, c.text
      from pact_commitment_updates u join pact_commitments c on c.id = u.commitment_id join organization_names o on o.id = c.organization_id
      where c.pact_id = ${pactId}::uuid and u.status = 'done'
    order by 1, 2`);
  return result.rows.map((row) => ({
    at: iso(row.at),
    kind: row.kind as TimelineRow['kind'],
    versionNumber: (row.version_number as number | null) ?? null,
    status: (row.status as string | null) ?? null,
    organizationId: (row.organization_id as string | null) ?? null,
    organizationName: (row.organization_name as string | null) ?? null,
    text: (row.text as string | null) ?? null,
  }));
}
