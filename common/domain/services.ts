/**
 * Services directory vocabulary shared by the server and the web app: target groups, costs, who a service is open
 * to, capacity units, statuses and the plain-language rendering of an opening schedule (RRULE-style).
 */
export const TARGET_GROUPS = [
  'children',
  'young_people',
  'adults',
  'older_people',
  'families',
  'disability',
  'non_self_sufficiency',
  'poverty',
  'migration_background',
  'unemployed',
  'caregivers',
] as const;
export type TargetGroup = (typeof TARGET_GROUPS)[number];

export const COST_KINDS = ['free', 'fee', 'means_tested'] as const;
export type CostKind = (typeof COST_KINDS)[number];

/**
 * Who may use the service. `all_residents` is the "opened to the community" attribute company-welfare plans are
 * judged on; the others describe a firm's own plan.
 */
export const OPEN_TO = ['all_residents', 'member_employees', 'member_families', 'supplier_staff'] as const;
export type OpenTo = (typeof OPEN_TO)[number];

export const SERVICE_STATUSES = ['active', 'suspended', 'ended'] as const;
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];

export const CAPACITY_UNITS = ['places', 'hours'] as const;
export const CAPACITY_PERIODS = ['day', 'week', 'month', 'year'] as const;

export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** A service whose data nobody confirmed for this many months is listed to coordinators as stale. */
export const STALE_AFTER_MONTHS = 6;

/** How fresh a confirmed figure is: up to 30 days `fresh`, up to 6 months `aging`, then `stale`. */
export type Freshness = 'fresh' | 'aging' | 'stale';
export function freshnessOf(confirmedOn: string, today: Date = new Date()): { days: number; freshness: Freshness } {
  const confirmed = Date.UTC(Number(confirmedOn.slice(0, 4)), Number(confirmedOn.slice(5, 7)) - 1, Number(confirmedOn.slice(8, 10)));
  const now = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  const days = Math.max(0, Math.round((now - confirmed) / 86_400_000));
  return { days, freshness: days <= 30 ? 'fresh' : days <= 183 ? 'aging' : 'stale' };
}

export interface ScheduleRule {
  freq: 'WEEKLY' | 'MONTHLY';
  byday: Weekday[];
  bymonthday: number[];
  opensAt: string | null;
  closesAt: string | null;
  notes: string;
}

const DAY_NAMES = {
  it: { MO: 'lunedì', TU: 'martedì', WE: 'mercoledì', TH: 'giovedì', FR: 'venerdì', SA: 'sabato', SU: 'domenica' },
  en: { MO: 'Monday', TU: 'Tuesday', WE: 'Wednesday', TH: 'Thursday', FR: 'Friday', SA: 'Saturday', SU: 'Sunday' },
} as const;

const WORDS = {
  it: { and: 'e', from: 'dalle', to: 'alle', everyDay: 'tutti i giorni', weekdays: 'dal lunedì al venerdì', monthly: 'ogni mese, il giorno', monthlyMany: 'ogni mese, i giorni', allDay: 'tutto il giorno' },
  en: { and: 'and', from: 'from', to: 'to', everyDay: 'every day', weekdays: 'Monday to Friday', monthly: 'every month, on day', monthlyMany: 'every month, on days', allDay: 'all day' },
} as const;

function joinList(items: string[], and: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * One schedule rule in plain words: `{freq: WEEKLY, byday: [MO, WE, FR], 09:00–12:30}` →
 * "Lunedì, mercoledì e venerdì dalle 9:00 alle 12:30".
 */
export function describeSchedule(rule: ScheduleRule, language: 'it' | 'en' = 'it'): string {
  const words = WORDS[language];
  const days = WEEKDAYS.filter((day) => rule.byday.includes(day));
  let when: string;
  if (rule.freq === 'MONTHLY') {
    const monthDays = [...rule.bymonthday].sort((a, b) => a - b).map(String);
    when = `${monthDays.length > 1 ? words.monthlyMany : words.monthly} ${joinList(monthDays, words.and)}`;
  } else if (days.length === 7 || days.length === 0) {
    when = words.everyDay;
  } else if (days.length === 5 && !days.includes('SA') && !days.includes('SU')) {
    when = words.weekdays;
  } else {
    when = joinList(days.map((day) => DAY_NAMES[language][day]), words.and);
  }
  const time = (value: string) => value.replace(/^0(\d)/, '$1');
  const hours = rule.opensAt && rule.closesAt ? ` ${words.from} ${time(rule.opensAt)} ${words.to} ${time(rule.closesAt)}` : '';
  const notes = rule.notes ? ` (${rule.notes})` : '';
  return `${capitalize(when)}${hours}${notes}`;
}

/**
 * Weekly opening times as short text, for CSV cells and the provider's form: `MO,WE,FR 09:00-12:30; SA 09:00-12:00`
 * or `MO-FR 08:00-18:00` (days MO TU WE TH FR SA SU, ranges with a dash, rules separated by ";").
 */
export function parseScheduleText(text: string): { rules: ScheduleRule[]; problem: string | null } {
  const rules: ScheduleRule[] = [];
  for (const part of text.split(';').map((segment) => segment.trim()).filter(Boolean)) {
    const match = /^([A-Z,-]+)(?:\s+(\d{1,2}[:.]\d{2})\s*-\s*(\d{1,2}[:.]\d{2}))?$/.exec(part.toUpperCase());
    if (!match) return { rules: [], problem: `"${part}" is not like "MO,WE 09:00-12:30"` };
    const days = new Set<Weekday>();
    for (const item of match[1]!.split(',').filter(Boolean)) {
      const range = item.split('-');
      const from = WEEKDAYS.indexOf(range[0] as Weekday);
      const to = WEEKDAYS.indexOf((range[1] ?? range[0]) as Weekday);
      if (from < 0 || to < 0 || to < from) return { rules: [], problem: `"${item}" is not a day (MO TU WE TH FR SA SU) or a range (MO-FR)` };
      for (let index = from; index <= to; index += 1) days.add(WEEKDAYS[index]!);
    }
    const time = (value: string | undefined) => (value ? value.replace('.', ':').padStart(5, '0') : null);
    rules.push({ freq: 'WEEKLY', byday: WEEKDAYS.filter((day) => days.has(day)), bymonthday: [], opensAt: time(match[2]), closesAt: time(match[3]), notes: '' });
  }
  return { rules, problem: null };
}

/** The inverse of parseScheduleText for weekly rules (monthly rules are left out: the form keeps them as they are). */
export function formatScheduleText(rules: readonly ScheduleRule[]): string {
  return rules
    .filter((rule) => rule.freq === 'WEEKLY')
    .map((rule) => `${rule.byday.join(',')}${rule.opensAt && rule.closesAt ? ` ${rule.opensAt}-${rule.closesAt}` : ''}`)
    .join('; ');
}
