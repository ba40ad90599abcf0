import { useTranslation } from 'react-i18next';
import type { TServiceSummary } from '../../../common/contracts/services';
import { formatMoney, moneyOfCents } from '../../../common/domain/money';
import { describeSchedule } from '../../../common/domain/services';

/** Language codes (ISO 639: "it", "en", "fr") as their names in `language`; a code Intl does not know stays as it is. */
export function languageNames(codes: readonly string[], language: string): string {
  const names = new Intl.DisplayNames(language, { type: 'language', fallback: 'code' });
  return codes.map((code) => names.of(code) ?? code).join(', ');
}

/** Words for a service's facts in the visitor's language: schedule, cost, capacity, freshness, categories. */
export function useServiceLabels() {
  const { t, i18n } = useTranslation('services');
  const language = i18n.language === 'en' ? 'en' : 'it';
  return {
    language,
    category: (category: { labelIt: string; labelEn: string }) => (language === 'en' ? category.labelEn : category.labelIt),
    /** The languages a service is offered in by name ("italiano, inglese"), not by their codes. */
    languages: (codes: readonly string[]) => languageNames(codes, language),
    schedule: (service: Pick<TServiceSummary, 'schedules'>) =>
      service.schedules.length > 0 ? service.schedules.map((rule) => describeSchedule(rule, language)).join('; ') : t('card.noSchedule'),
    cost: (service: Pick<TServiceSummary, 'costKind' | 'costCents' | 'costDescription'>) =>
      [t(`costKinds.${service.costKind}`), service.costCents !== null ? formatMoney(moneyOfCents(service.costCents), language) : null, service.costDescription || null]
        .filter(Boolean)
        .join(' · '),
    capacity: (service: Pick<TServiceSummary, 'capacity'>) => {
      const capacity = service.capacity;
      if (!capacity || capacity.free === null) return t('card.capacityUnknown');
      const unit = t(`units.${capacity.unit}`);
      const period = capacity.period ? ` ${t(`periods.${capacity.period}`)}` : '';
      return capacity.total !== null
        ? t('card.capacityFree', { free: capacity.free, total: capacity.total, unit, period })
        : t('card.capacityFreeOnly', { free: capacity.free, unit, period });
    },
    freshness: (service: Pick<TServiceSummary, 'confirmation'>) => {
      const { days, freshness } = service.confirmation;
      const when = days === 0 ? t('freshness.today') : t('freshness.daysAgo', { count: days });
      return { text: t('card.confirmed', { when }), badge: t(`freshness.${freshness}`), freshness };
    },
  };
}
