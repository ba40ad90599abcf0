import type { TService, TServiceCreate } from '../../../common/contracts/services';
import { formatMoneyInput, moneyOfCents, parseMoney, type MoneyLocale } from '../../../common/domain/money';
import { formatScheduleText, parseScheduleText, type CostKind, type OpenTo, type TargetGroup } from '../../../common/domain/services';

/** What the provider's form holds: strings as typed, turned into the API's input by `toServiceInput`. */
export interface ServiceFormValues {
  name: string;
  description: string;
  howToAccess: string;
  status: 'active' | 'suspended' | 'ended';
  categoryCodes: string[];
  targetGroups: TargetGroup[];
  openTo: OpenTo[];
  costKind: CostKind;
  /** Euros as typed ("12,50" or "12.50"), sent as cents. */
  costAmount: string;
  costDescription: string;
  capacityTotal: string;
  capacityFree: string;
  capacityUnit: 'places' | 'hours';
  eligibilityDescription: string;
  minimumAge: string;
  maximumAge: string;
  phone: string;
  email: string;
  url: string;
  locationName: string;
  locationAddress: string;
  locationMunicipality: { istatCode: string; name: string } | null;
  schedule: string;
}

export function emptyServiceForm(): ServiceFormValues {
  return {
    name: '', description: '', howToAccess: '', status: 'active', categoryCodes: [], targetGroups: [], openTo: ['all_residents'],
    costKind: 'free', costAmount: '', costDescription: '', capacityTotal: '', capacityFree: '', capacityUnit: 'places',
    eligibilityDescription: '', minimumAge: '', maximumAge: '', phone: '', email: '', url: '',
    locationName: '', locationAddress: '', locationMunicipality: null, schedule: '',
  };
}

export function serviceFormOf(service: TService, locale: MoneyLocale = 'it'): ServiceFormValues {
  const location = service.locations[0];
  return {
    name: service.name,
    description: service.description,
    howToAccess: service.howToAccess,
    status: service.status,
    categoryCodes: service.categories.map((category) => category.code),
    targetGroups: service.targetGroups,
    openTo: service.openTo,
    costKind: service.costKind,
    costAmount: service.costCents === null ? '' : formatMoneyInput(moneyOfCents(service.costCents), locale),
    costDescription: service.costDescription,
    capacityTotal: service.capacity?.total == null ? '' : String(service.capacity.total),
    capacityFree: service.capacity?.free == null ? '' : String(service.capacity.free),
    capacityUnit: service.capacity?.unit ?? 'places',
    eligibilityDescription: service.eligibilityDescription,
    minimumAge: service.minimumAge === null ? '' : String(service.minimumAge),
    maximumAge: service.maximumAge === null ? '' : String(service.maximumAge),
    phone: service.phone ?? '',
    email: service.email ?? '',
    url: service.url ?? '',
    locationName: location?.name ?? '',
    locationAddress: location?.address ?? '',
    locationMunicipality: location ? { istatCode: location.municipalityCode, name: location.municipalityName } : null,
    schedule: formatScheduleText(service.schedules),
  };
}

export type ServiceFormProblems = Partial<Record<'name' | 'schedule' | 'costAmount' | 'capacityTotal' | 'capacityFree' | 'minimumAge' | 'maximumAge' | 'locationName', string>>;

const numberOrNull = (text: string) => (text.trim() === '' ? null : Number(text.replace(',', '.')));

/** Checks what the browser can check and builds the API input; the server checks everything again. */
export function toServiceInput(values: ServiceFormValues): { input: Omit<TServiceCreate, 'organizationId'> | null; problems: ServiceFormProblems } {
  const problems: ServiceFormProblems = {};
  if (values.name.trim().length < 3) problems.name = 'tooShort';
  const schedule = parseScheduleText(values.schedule);
  if (schedule.problem) problems.schedule = schedule.problem;
  const cost = parseMoney(values.costAmount);
  // Exact cents from the typed text: "19,99" must not become 1998.9999 through a float.
  if (!cost.ok && cost.problem !== 'empty') problems.costAmount = cost.problem;
  if (cost.ok && cost.money.cents < 0) problems.costAmount = 'range';
  for (const key of ['capacityTotal', 'capacityFree', 'minimumAge', 'maximumAge'] as const) {
    const value = numberOrNull(values[key]);
    if (value !== null && (!Number.isFinite(value) || value < 0)) problems[key] = 'notNumber';
  }
  if (values.locationMunicipality && values.locationName.trim().length < 2) problems.locationName = 'tooShort';
  if (Object.keys(problems).length > 0) return { input: null, problems };
  const total = numberOrNull(values.capacityTotal);
  const free = numberOrNull(values.capacityFree);
  return {
    problems,
    input: {
      name: values.name.trim(),
      description: values.description.trim(),
      howToAccess: values.howToAccess.trim(),
      status: values.status,
      categoryCodes: values.categoryCodes,
      targetGroups: values.targetGroups,
      openTo: values.openTo,
      costKind: values.costKind,
      costCents: cost.ok ? cost.money.cents : null,
      costDescription: values.costDescription.trim(),
      capacity: total !== null || free !== null ? { total, free, unit: values.capacityUnit, period: null } : null,
      eligibilityDescription: values.eligibilityDescription.trim(),
      minimumAge: numberOrNull(values.minimumAge),
      maximumAge: numberOrNull(values.maximumAge),
      phone: values.phone.trim() || null,
      email: values.email.trim() || null,
      url: values.url.trim() || null,
      locations: values.locationMunicipality
        ? [{ name: values.locationName.trim(), address: values.locationAddress.trim(), municipalityCode: values.locationMunicipality.istatCode }]
        : [],
      schedules: schedule.rules,
    },
  };
}
