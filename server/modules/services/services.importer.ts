import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { SERVICE_COST_CENTS_MAX, type TServiceCreate, type TServiceImportReport } from '../../../common/contracts/services';
import { parseMoney, type MoneyParseProblem } from '../../../common/domain/money';
import { parseScheduleText } from '../../../common/domain/services';
import { assertCan } from '../../platform/access/policy';
import { AppError } from '../../platform/errors/app-error';
import { recordAudit } from '../../platform/audit/audit';
import { inTransaction, type UseCaseContext } from '../../platform/use-case';
import { applySupplyChange, captureSupply } from './service-supply';
import { validateServiceInput, writeNewService } from './create-service';
import { ServiceActions } from './services.policy';
import { selectOrganizationIdByReference, selectServiceIdByName } from './services.repository';

/**
 * CSV columns (header row required, UTF-8, comma or semicolon separated); lists inside a cell are separated by "|".
 * See data/examples/services.csv and data/examples/README.md.
 */
export const SERVICE_CSV_COLUMNS = [
  'organization', 'name', 'description', 'categories', 'target_groups', 'open_to', 'cost', 'cost_amount',
  'cost_description', 'how_to_access', 'email', 'url', 'phone', 'languages', 'eligibility', 'minimum_age',
  'maximum_age', 'capacity_total', 'capacity_free', 'capacity_unit', 'capacity_period', 'location_name', 'address',
  'postal_code', 'municipality', 'latitude', 'longitude', 'service_area', 'schedule', 'status',
] as const;
const REQUIRED_COLUMNS = ['organization', 'name'] as const;

type Row = Partial<Record<(typeof SERVICE_CSV_COLUMNS)[number], string>>;

const list = (value: string | undefined) => (value ?? '').split('|').map((item) => item.trim()).filter(Boolean);
const text = (value: string | undefined) => (value ?? '').trim();
const orNull = (value: string | undefined) => (text(value) === '' ? null : text(value));

function numberOrNull(value: string | undefined, column: string, reasons: string[]): number | null {
  const raw = text(value).replace(',', '.');
  if (raw === '') return null;
  const number = Number(raw);
  if (!Number.isFinite(number)) {
    reasons.push(`${column}: "${raw}" is not a number`);
    return null;
  }
  return number;
}

const MONEY_PROBLEMS: Record<Exclude<MoneyParseProblem, 'empty'>, string> = {
  format: 'is not an amount of euros (write 12,50 or 12.50)',
  grouping: 'is unclear: three digits after the separator could be thousands or decimals (write 2600 or 2.600,00 for two thousand six hundred, 2,60 for two euros sixty)',
  precision: 'has more than two decimals (write 1234,50 without a thousands separator)',
  range: 'is too large',
};

/** A cell of euros as people write them ("12,50", "12.50", "1.234,56") → exact cents, or the problem in the row's reasons. */
function centsOrNull(value: string | undefined, column: string, reasons: string[]): number | null {
  const raw = text(value);
  const parsed = parseMoney(raw);
  if (!parsed.ok) {
    if (parsed.problem !== 'empty') reasons.push(`${column}: "${raw}" ${MONEY_PROBLEMS[parsed.problem]}`);
    return null;
  }
  if (parsed.money.cents < 0 || parsed.money.cents > SERVICE_COST_CENTS_MAX) {
    reasons.push(`${column}: "${raw}" must be between 0 and ${SERVICE_COST_CENTS_MAX / 100} euros`);
    return null;
  }
  return parsed.money.cents;
}

/** A CSV schedule cell → weekly rules, or the problem to report (see parseScheduleText). */
export function parseScheduleCell(cell: string): { rules: TServiceCreate['schedules']; problem: string | null } {
  const parsed = parseScheduleText(cell);
  return { rules: parsed.rules, problem: parsed.problem ? `schedule: ${parsed.problem}` : null };
}

function reasonsOf(error: unknown): string[] {
  if (error instanceof AppError) {
    const fields = (error.details?.fields as { path: string; message: string }[] | undefined) ?? [];
    return fields.length > 0 ? fields.map((field) => `${field.path}: ${field.message}`) : [error.message];
  }
  throw error;
}

/**
 * Imports services from CSV (platform admins, and the CLI). Every row is validated through the same use case as the
 * API; the report gives each row's line number and, when refused, the reasons. With `dryRun` nothing is written.
 * Without it, nothing is written either unless every row is valid, so a corrected file can simply be sent again.
 */
export async function importServicesCsv(
  context: UseCaseContext,
  csv: string,
  options: { dryRun: boolean; onProgress?: (done: number, total: number) => void },
): Promise<TServiceImportReport> {
  assertCan(context.actor, ServiceActions['services.import']);
  const firstLine = csv.slice(0, csv.indexOf('\n') === -1 ? undefined : csv.indexOf('\n'));
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let records: { record: Row; line: number }[];
  try {
    const parsed = parse(csv, { columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()), bom: true, delimiter, skip_empty_lines: true, trim: true, info: true }) as { record: Row; info: { lines: number } }[];
    records = parsed.map((entry) => ({ record: entry.record, line: entry.info.lines }));
  } catch (error) {
    throw new AppError('COMMON.VALIDATION', `CSV could not be read: ${(error as Error).message}`, { fields: [{ path: 'csv', message: (error as Error).message }] });
  }
  const header = records[0] ? Object.keys(records[0].record) : [];
  const missing = REQUIRED_COLUMNS.filter((column) => records.length > 0 && !header.includes(column));
  if (missing.length > 0) throw new AppError('COMMON.VALIDATION', `missing columns: ${missing.join(', ')}`, { fields: [{ path: 'csv', message: `missing columns: ${missing.join(', ')}` }] });
  const unknownColumns = header.filter((column) => !(SERVICE_CSV_COLUMNS as readonly string[]).includes(column));
  if (unknownColumns.length > 0) throw new AppError('COMMON.VALIDATION', `unknown columns: ${unknownColumns.join(', ')}`, { fields: [{ path: 'csv', message: `unknown columns: ${unknownColumns.join(', ')}` }] });

  const seen = new Set<string>();
  const prepared: { line: number; name: string; input: TServiceCreate | null; reasons: string[] }[] = [];
  for (const [index, { record, line }] of records.entries()) {
    const reasons: string[] = [];
    const name = text(record.name);
    const organizations = text(record.organization) ? await selectOrganizationIdByReference(context.db.orm, text(record.organization)) : [];
    if (organizations.length === 0) reasons.push(`organization: "${text(record.organization)}" not found (give its id or exact name)`);
    if (organizations.length > 1) reasons.push(`organization: "${text(record.organization)}" matches several organizations; give its id`);
    const schedule = parseScheduleCell(text(record.schedule));
    if (schedule.problem) reasons.push(schedule.problem);
    const capacityTotal = numberOrNull(record.capacity_total, 'capacity_total', reasons);
    const capacityFree = numberOrNull(record.capacity_free, 'capacity_free', reasons);
    const input = {
      organizationId: organizations[0] ?? '00000000-0000-4000-8000-000000000000',
      name,
      description: text(record.description),
      status: (orNull(record.status) ?? 'active') as 'active',
      howToAccess: text(record.how_to_access),
      email: orNull(record.email),
      url: orNull(record.url),
      phone: orNull(record.phone),
      categoryCodes: list(record.categories),
      targetGroups: list(record.target_groups) as TServiceCreate['targetGroups'],
      openTo: (list(record.open_to).length > 0 ? list(record.open_to) : ['all_residents']) as TServiceCreate['openTo'],
      languages: list(record.languages).length > 0 ? list(record.languages) : ['it'],
      eligibilityDescription: text(record.eligibility),
      minimumAge: numberOrNull(record.minimum_age, 'minimum_age', reasons),
      maximumAge: numberOrNull(record.maximum_age, 'maximum_age', reasons),
      costKind: (orNull(record.cost) ?? 'free') as 'free',
      costCents: centsOrNull(record.cost_amount, 'cost_amount', reasons),
      costDescription: text(record.cost_description),
      capacity:
        capacityTotal !== null || capacityFree !== null
          ? { total: capacityTotal, free: capacityFree, unit: (orNull(record.capacity_unit) ?? 'places') as 'places', period: orNull(record.capacity_period) as 'week' | null }
          : null,
      serviceAreaMunicipalityCodes: list(record.service_area),
      locations: text(record.municipality)
        ? [{
            name: orNull(record.location_name) ?? name,
            address: text(record.address),
            postalCode: orNull(record.postal_code),
            municipalityCode: text(record.municipality),
            latitude: numberOrNull(record.latitude, 'latitude', reasons),
            longitude: numberOrNull(record.longitude, 'longitude', reasons),
          }]
        : [],
      schedules: schedule.rules,
    } satisfies TServiceCreate;
    if (reasons.length === 0) {
      try {
        await validateServiceInput(context, input);
      } catch (error) {
        reasons.push(...reasonsOf(error));
      }
    }
    const key = `${input.organizationId}|${name.toLowerCase()}`;
    if (reasons.length === 0 && seen.has(key)) reasons.push('name: the same service appears twice in the file');
    if (reasons.length === 0 && (await selectServiceIdByName(context.db.orm, input.organizationId, name))) {
      reasons.push('name: this organization already has a service with this name');
    }
    seen.add(key);
    prepared.push({ line, name, input: reasons.length === 0 ? input : null, reasons });
    options.onProgress?.(index + 1, records.length * (options.dryRun ? 1 : 2));
  }
  const valid = prepared.filter((row) => row.reasons.length === 0).length;
  const shouldWrite = !options.dryRun && valid === prepared.length;
  const createdIds = new Map<number, string>();
  if (shouldWrite) {
    // Access is checked per provider before anything is written; then every row goes in one transaction, so a
    // failure half-way (a constraint, a lost connection) leaves no partial import behind.
    for (const row of prepared) {
      assertCan(context.actor, ServiceActions['services.create'], { organizationId: row.input!.organizationId });
    }
    const validated: Awaited<ReturnType<typeof validateServiceInput>>[] = [];
    for (const row of prepared) validated.push(await validateServiceInput(context, row.input!));
    await inTransaction(context, async (tx) => {
      for (const [index, service] of validated.entries()) {
        createdIds.set(index, (await writeNewService(tx, context, service)).id);
        options.onProgress?.(records.length + index + 1, records.length * 2);
      }
      await applySupplyChange(tx, new Map(), await captureSupply(tx, [...createdIds.values()]));
      await recordAudit(tx, context, {
        action: 'services.import-services',
        entityType: 'service_import',
        entityId: randomUUID(),
        after: { created: createdIds.size, serviceIds: [...createdIds.values()] },
      });
    });
  }
  const created = createdIds.size;
  const rows: TServiceImportReport['rows'] = prepared.map((row, index) => ({
    line: row.line,
    name: row.name,
    status: row.reasons.length === 0 ? 'ok' : 'error',
    serviceId: createdIds.get(index) ?? null,
    reasons: row.reasons,
  }));
  return { dryRun: options.dryRun, total: prepared.length, valid, created, rows };
}
