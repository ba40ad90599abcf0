import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'design-react-kit';
import { useQuery } from '@tanstack/react-query';
import type { TCoverageGroup } from '../../../common/contracts/matching';
import { DataTable } from '../../ui/data-table';
import { Loading } from '../../ui/loading';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { formatCoverage, formatDecimal, formatNumber } from '../../app/format';
import { groupDetailQuery, type CoverageFilters } from './matching.queries';
import { ReferralForm } from './referral-form';
import { organizationGrants } from '../../app/access';
import { useSession } from '../../app/session';

/** The "why" of one group's numbers: the needs counted and the services considered, with capacity and freshness. */
export function GroupWhy({ group, filters }: { group: TCoverageGroup; filters: CoverageFilters }) {
  const { t, i18n } = useTranslation('matching');
  const detail = useQuery(
    groupDetailQuery({
      districtId: filters.districtId,
      zoneKind: filters.zoneKind,
      zoningId: filters.zoneKind === 'zoning' ? filters.zoningId : undefined,
      zoneKey: group.zoneKey,
      categoryCode: group.categoryCode,
      targetGroup: group.targetGroup,
      radiusKm: filters.radiusKm,
    }),
  );
  const number = (value: number) => formatNumber(value, i18n.language);
  const { session } = useSession();
  const canRefer = organizationGrants(session).length > 0;
  const [referringTo, setReferringTo] = useState<string | null>(null);
  if (detail.isPending) return <Loading />;
  if (detail.isError) return <ApiErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />;
  return (
    <div className="why-panel">
      <h3 className="h5">{t('why.title', { zone: group.zoneLabel, category: group.categoryLabel })}</h3>
      <p>
        {t('why.formula', { free: number(group.freeCapacity), people: number(group.peopleCount), coverage: formatCoverage(group.coverage, i18n.language, filters.threshold), threshold: formatDecimal(filters.threshold, i18n.language) })}
        {group.servicesWithUnknownCapacity > 0 && ` ${t('why.unknownCapacity', { count: group.servicesWithUnknownCapacity })}`}
      </p>
      <p className="small">{t('why.notAllocated')}</p>
      <DataTable
        caption={t('why.needsCaption', { count: detail.data.needs.length })}
        columns={[
          { key: 'organization', header: t('why.organization'), isRowHeader: true, cell: (n) => n.organizationName ?? (detail.data.canSeeOrganizations ? t('why.anonymous') : t('why.hidden')) },
          { key: 'municipality', header: t('groups.zone'), cell: (n) => n.municipalityName },
          { key: 'people', header: t('groups.people'), isNumeric: true, cell: (n) => number(n.peopleCount) },
          { key: 'relevance', header: t('why.relevance'), isNumeric: true, cell: (n) => (n.relevance === null ? '—' : String(n.relevance)) },
          { key: 'expressed', header: t('why.expressedOn'), cell: (n) => n.expressedOn },
        ]}
        rows={detail.data.needs}
        rowKey={(n) => n.id}
      />
      <DataTable
        caption={t('why.servicesCaption', { count: detail.data.services.length })}
        columns={[
          { key: 'name', header: t('why.service'), isRowHeader: true, cell: (s) => s.name },
          { key: 'provider', header: t('why.provider'), cell: (s) => s.providerName },
          { key: 'reach', header: t('why.reachedBy'), cell: (s) => (s.reachedBy === 'location' ? t('why.reach.location', { km: formatDecimal(s.distanceKm, i18n.language, 1) }) : t(`why.reach.${s.reachedBy}`)) },
          { key: 'free', header: t('groups.freeCapacity'), isNumeric: true, cell: (s) => (s.freeCapacity === null ? t('why.unknown') : number(s.freeCapacity)) },
          { key: 'fresh', header: t('why.freshness'), cell: (s) => t(`why.fresh.${s.freshness}`, { days: s.confirmedDaysAgo }) },
          { key: 'open', header: t('why.openToCommunity'), cell: (s) => (s.isOpenToCommunity ? t('why.yes') : t('why.no')) },
          ...(canRefer
            ? [{
                key: 'refer',
                header: t('groups.actions'),
                cell: (s: (typeof detail.data.services)[number]) => (
                  <Button size="xs" color="primary" outline aria-expanded={referringTo === s.id} onClick={() => setReferringTo(referringTo === s.id ? null : s.id)}>
                    {t('referralForm.action')} <span className="visually-hidden">{s.name}</span>
                  </Button>
                ),
              }]
            : []),
        ]}
        rows={detail.data.services}
        rowKey={(s) => s.id}
        emptyText={t('why.noServices')}
      />
      {referringTo && (() => {
        const service = detail.data.services.find((s) => s.id === referringTo);
        return service ? <ReferralForm districtId={filters.districtId} serviceId={service.id} serviceName={service.name} municipalityCode={group.municipalityCodes[0] ?? group.zoneKey} /> : null;
      })()}
    </div>
  );
}
