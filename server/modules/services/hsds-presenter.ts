import { createHash } from 'node:crypto';
import { moneyOfCents, toDecimalString, toEuroNumber } from '../../../common/domain/money';
import { describeSchedule, type Weekday } from '../../../common/domain/services';
import type { LocationRow } from './services.repository';
import type { TaxonomyTermRow } from './service-taxonomy.repository';
import type { HsdsOrganizationRow } from './service-hsds.repository';
import type { loadServiceViews } from './service-views';

/**
 * Open Referral HSDS 3.x objects (https://docs.openreferral.org). Our ids are uuids; child objects HSDS wants
 * but we keep as columns (cost option, service area, language, attribute) get a uuid derived from their parent's
 * id, stable from one export to the next. HSDS fields are never null: absent values are left out.
 */
export const HSDS_VERSION = '3.1';

type ServiceView = Awaited<ReturnType<typeof loadServiceViews>>[number];
type Json = Record<string, unknown>;

export function derivedUuid(...parts: string[]): string {
  const hex = createHash('md5').update(parts.join(':')).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

function compact<T extends Json>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== null && value !== undefined)) as T;
}

const STATUS = { active: 'active', suspended: 'temporarily closed', ended: 'defunct' } as const;
const COST_OPTION_IT = { free: 'Gratuito', fee: 'A pagamento', means_tested: 'In base all’ISEE' } as const;
const LANGUAGE_NAMES: Record<string, string> = { it: 'Italiano', en: 'English', fr: 'Français', de: 'Deutsch', es: 'Español', ar: 'العربية', ro: 'Română', sq: 'Shqip', zh: '中文', uk: 'Українська' };

export function hsdsOrganization(row: HsdsOrganizationRow): Json {
  return compact({
    id: row.id,
    name: row.legal_name,
    alternate_name: row.short_name ?? undefined,
    description: row.description,
    // Only values the HSDS formats accept (an address typed without https:// is left out rather than invalid).
    email: row.email && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(row.email) ? row.email : undefined,
    website: row.website && /^https?:\/\/\S+$/.test(row.website) ? row.website : undefined,
    tax_id: row.tax_id ?? undefined,
    // No phones: an organization's phone is in its profile's private block (issue 11, finding 2). Open data carries only
    // what the organization made public; a service's own phone is published with the service.
  });
}

export function hsdsLocation(row: Omit<LocationRow, 'service_id' | 'service_at_location_id'>): Json {
  return compact({
    id: row.id,
    location_type: 'physical',
    organization_id: row.organization_id,
    name: row.name,
    latitude: row.latitude,
    longitude: row.longitude,
    external_identifier: row.municipality_code,
    external_identifier_type: 'ISTAT municipality code',
    addresses: [
      {
        id: derivedUuid(row.id, 'address'),
        location_id: row.id,
        address_1: row.address || row.name,
        city: row.municipality_name,
        state_province: row.province_abbreviation,
        postal_code: row.postal_code ?? '',
        country: 'IT',
        address_type: 'physical',
      },
    ],
  });
}

export function hsdsServiceAtLocation(link: { id: string; service_id: string; location_id: string }, location?: Json): Json {
  return compact({ id: link.id, service_id: link.service_id, location_id: link.location_id, location });
}

/** A service with its schedules, areas, costs, languages and categories (as attributes) nested, as HSDS does. */
export function hsdsService(view: ServiceView, locations: LocationRow[], organization?: Json): Json {
  const id = view.id;
  const cost = view.costCents === null ? null : moneyOfCents(view.costCents);
  const costText = [view.costDescription, cost ? `${toDecimalString(cost)} EUR` : ''].filter(Boolean).join(' — ');
  const areas: Json[] = [];
  if (view.serviceAreaDistrict) {
    areas.push({ id: derivedUuid(id, 'area', view.serviceAreaDistrict.id), service_id: id, name: view.serviceAreaDistrict.name, extent_type: 'district', uri: undefined });
  }
  if (view.serviceAreaMunicipalities.length > 0) {
    areas.push({
      id: derivedUuid(id, 'area', 'municipalities'),
      service_id: id,
      name: view.serviceAreaMunicipalities.map((m) => m.name).join(', '),
      description: `ISTAT: ${view.serviceAreaMunicipalities.map((m) => m.istatCode).join(', ')}`,
      extent_type: 'municipalities',
    });
  }
  const attributes: Json[] = [
    ...view.categories.map((category) => ({
      id: derivedUuid(id, 'category', category.id),
      link_id: id,
      link_type: 'service',
      link_entity: 'service',
      taxonomy_term_id: category.id,
      value: category.code,
    })),
    ...view.targetGroups.map((group) => ({ id: derivedUuid(id, 'target_group', group), link_id: id, link_type: 'target_group', link_entity: 'service', value: group })),
    ...view.openTo.map((audience) => ({ id: derivedUuid(id, 'open_to', audience), link_id: id, link_type: 'open_to', link_entity: 'service', value: audience })),
  ];
  if (view.capacity) {
    attributes.push({
      id: derivedUuid(id, 'capacity'),
      link_id: id,
      link_type: 'capacity',
      link_entity: 'service',
      value: JSON.stringify({ ...view.capacity, confirmed_on: view.confirmation.confirmedOn }),
    });
  }
  return compact({
    id,
    organization_id: view.provider.id,
    name: view.name,
    description: view.description,
    url: view.url ?? undefined,
    email: view.email ?? undefined,
    status: STATUS[view.status],
    application_process: view.howToAccess,
    fees_description: [COST_OPTION_IT[view.costKind], costText].filter(Boolean).join(': '),
    eligibility_description: [view.eligibilityDescription, ...view.eligibilityConditions].filter(Boolean).join('; '),
    minimum_age: view.minimumAge ?? undefined,
    maximum_age: view.maximumAge ?? undefined,
    assured_date: view.confirmation.confirmedOn,
    last_modified: view.updatedAt,
    phones: view.phone ? [{ id: derivedUuid(id, 'phone'), service_id: id, number: view.phone }] : undefined,
    schedules: view.schedules.map((rule, index) =>
      compact({
        id: derivedUuid(id, 'schedule', String(index)),
        service_id: id,
        freq: rule.freq,
        wkst: 'MO',
        byday: rule.byday.length > 0 ? rule.byday.join(',') : undefined,
        bymonthday: rule.bymonthday.length > 0 ? rule.bymonthday.join(',') : undefined,
        opens_at: rule.opensAt ?? undefined,
        closes_at: rule.closesAt ?? undefined,
        description: describeSchedule({ ...rule, byday: rule.byday as Weekday[] }, 'it'),
        notes: rule.notes || undefined,
      }),
    ),
    service_areas: areas.map((area) => compact(area)),
    cost_options: [
      compact({
        id: derivedUuid(id, 'cost'),
        service_id: id,
        option: COST_OPTION_IT[view.costKind],
        currency: cost?.currency,
        // HSDS wants a JSON number of euros: the only place a price leaves as a float, converted from exact cents here.
        amount: cost ? toEuroNumber(cost) : undefined,
        amount_description: view.costDescription || undefined,
      }),
    ],
    languages: view.languages.map((code) => compact({ id: derivedUuid(id, 'language', code), service_id: id, code, name: LANGUAGE_NAMES[code] })),
    attributes,
    service_at_locations: locations.map((location) =>
      hsdsServiceAtLocation({ id: location.service_at_location_id, service_id: id, location_id: location.id }, hsdsLocation(location)),
    ),
    organization,
  });
}

export function hsdsTaxonomy(row: { id: string; name: string; description: string; uri: string | null; version: string | null }): Json {
  return compact({ id: row.id, name: row.name, description: row.description, uri: row.uri ?? undefined, version: row.version ?? undefined });
}

export function hsdsTaxonomyTerm(row: Pick<TaxonomyTermRow, 'id' | 'code' | 'labelIt' | 'descriptionIt' | 'parentId' | 'taxonomyId'>, taxonomyName: string): Json {
  return compact({
    id: row.id,
    code: row.code,
    name: row.labelIt,
    description: row.descriptionIt || row.labelIt,
    parent_id: row.parentId ?? undefined,
    taxonomy: taxonomyName,
    taxonomy_id: row.taxonomyId,
    language: 'it',
  });
}

/** The page envelope of the HSDS API (`total_items`, `page_number`, `contents`, …). */
export function hsdsPage(contents: Json[], total: number, page: number, perPage: number): Json {
  const totalPages = Math.max(1, Math.ceil(total / perPage));
  return {
    total_items: total,
    total_pages: totalPages,
    page_number: page,
    size: contents.length,
    first_page: page === 1,
    last_page: page >= totalPages,
    empty: contents.length === 0,
    contents,
  };
}
