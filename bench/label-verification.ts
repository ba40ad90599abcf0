/**
 * The public verification page of a social quality label (issue 17, measured by `npm run bench -- pacts`): every
 * signatory of the bench pact holds a label of one regional scheme with 8 criteria (one in ten revoked, one in five
 * expired), and `verifyLabel` — the page's use case, what GET /api/labels/verify/:code answers — is timed for codes
 * spread over them, with the SVG badge beside it. Baseline in the same run: the same lookup written case-insensitively
 * (`lower(public_code) = lower($1)`), which the code's unique index cannot serve, so every award is read.
 */
import { sql, type SQL } from 'drizzle-orm';
import { systemActor } from '../server/platform/access/actor';
import type { Database } from '../server/platform/db/database';
import type { UseCaseContext } from '../server/platform/use-case';
import { labelBadge, verifyLabel } from '../server/modules/labels';
import { formatMs, median, percentile, timed } from './lib/stats';

const SCHEME_ID = '8f0e4b52-6d1a-4c3e-9a7b-2f5d8c1e0b01';
const CRITERIA = 8;

/** The public code of the i-th label: deterministic, 20 characters like the real ones. */
const codeOf = (i: number) => `bench${String(i).padStart(15, '0')}`;

export interface VerificationMeasured {
  labels: number;
  verifyMs: number[];
  badgeMs: number[];
  baselineMs: number[];
  /** Labels whose answer was wrong (an unknown code, another organization's label): 0 expected. */
  wrong: number;
}

/**
 * One label per organization `organizationIdOf` (an SQL expression of the row number `i`), i = 1..count (the
 * organizations must exist), each awarded through an application, as the module stores them.
 */
export async function generateLabels(db: Database, organizationIdOf: SQL, count: number): Promise<void> {
  const exec = (query: ReturnType<typeof sql>) => db.orm.execute(query);
  await exec(sql`insert into label_schemes (id, district_id, name, threshold_score, validity_months)
    values (${SCHEME_ID}::uuid, null, 'Marchio di qualità sociale di prova', 10, 24)`);
  await exec(sql`insert into label_criteria (scheme_id, position, description, evidence_required, kind, max_score)
    select ${SCHEME_ID}::uuid, n, 'Criterio ' || n || ': descrizione del requisito verificato', 'Documento di prova',
      case when n <= 4 then 'mandatory' else 'scored' end, case when n <= 4 then null else 5 end
    from generate_series(1, ${CRITERIA}) n`);
  await exec(sql`insert into label_applications (id, scheme_id, organization_id, status, submitted_at, decided_at)
    select md5('bench-label-application:' || i)::uuid, ${SCHEME_ID}::uuid, ${organizationIdOf}, 'awarded',
      timestamptz '2025-01-01' + (i % 300) * interval '1 day', timestamptz '2025-02-01' + (i % 300) * interval '1 day'
    from generate_series(1, ${count}) i`);
  await exec(sql`insert into label_awards (scheme_id, organization_id, application_id, last_application_id, public_code, valid_from, valid_until, revoked_on, revocation_reason)
    select ${SCHEME_ID}::uuid, ${organizationIdOf}, md5('bench-label-application:' || i)::uuid, md5('bench-label-application:' || i)::uuid,
      'bench' || lpad(i::text, 15, '0'),
      case when i % 5 = 0 then date '2023-01-01' else date '2025-02-01' end + (i % 300),
      case when i % 5 = 0 then date '2024-12-31' else date '2027-01-31' end + (i % 300),
      case when i % 10 = 1 then date '2026-06-01' end, case when i % 10 = 1 then 'Requisiti non più presenti' end
    from generate_series(1, ${count}) i`);
  await exec(sql`analyze label_awards`);
}

async function baselineLookup(db: Database, code: string): Promise<number> {
  const result = await db.orm.execute(sql`
    select a.*, o.display_name as organization_name, s.name as scheme_name
    from label_awards a join label_schemes s on s.id = a.scheme_id join organization_public_fields o on o.id = a.organization_id
    where lower(a.public_code) = lower(${code})`);
  return result.rows.length;
}

/** Times the verification of `samples` labels spread over the `count` generated ones. */
export async function measureLabelVerification(db: Database, count: number, samples: number): Promise<VerificationMeasured> {
  const context: UseCaseContext = { actor: systemActor('bench'), db, requestId: null };
  const pick = (sample: number) => 1 + ((sample * 7919) % count);
  await verifyLabel(context, codeOf(1));
  const verifyMs: number[] = [];
  const badgeMs: number[] = [];
  const baselineMs: number[] = [];
  let wrong = 0;
  for (let sample = 0; sample < samples; sample++) {
    const i = pick(sample);
    const run = await timed(() => verifyLabel(context, codeOf(i)));
    verifyMs.push(run.ms);
    const expectedState = i % 10 === 1 ? 'revoked' : i % 5 === 0 ? 'expired' : 'valid';
    if (run.result.code !== codeOf(i) || run.result.state !== expectedState || run.result.criteria.length !== CRITERIA) wrong += 1;
    badgeMs.push((await timed(() => labelBadge(context, codeOf(i)))).ms);
    const baseline = await timed(() => baselineLookup(db, codeOf(i)));
    baselineMs.push(baseline.ms);
    if (baseline.result !== 1) wrong += 1;
  }
  return { labels: count, verifyMs, badgeMs, baselineMs, wrong };
}

export function describeVerification(measured: VerificationMeasured): string {
  const p = (samples: number[]) => `${formatMs(median(samples))} / ${formatMs(percentile(samples, 95))}`;
  return `verification ${p(measured.verifyMs)} ms, badge ${p(measured.badgeMs)} ms, case-insensitive scan ${p(measured.baselineMs)} ms${measured.wrong === 0 ? '' : `, ${measured.wrong} WRONG`}`;
}
