import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { PageHeader } from '../../ui/page-header';
import { Loading } from '../../ui/loading';
import { Notice } from '../../ui/notice';
import { SelectField } from '../../ui/form-field';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { actsForOrganization } from '../../app/access';
import { useSession } from '../../app/session';
import { formatNumber } from '../../app/format';
import { paths } from '../../app/paths';
import { matchingPaths } from './matching-paths';
import { needQuery, REFERRAL_SEARCH_RADIUS_KM, referralCandidatesQuery } from './matching.queries';
import { ReferralForm } from './referral-form';

/**
 * Refer one need of the user's organization (`?bisogno=<id>`, linked from the needs register) to a service of its
 * category near its municipality. The referral carries the need: when the provider records it served, the need is
 * answered by that service.
 */
export function NewReferralPage() {
  const { t, i18n } = useTranslation('matching');
  const { t: tCommon } = useTranslation();
  const [params] = useSearchParams();
  const needId = params.get('bisogno') ?? '';
  const header = (
    <PageHeader
      title={t('newReferral.title')}
      breadcrumbs={[{ label: tCommon('nav.home'), to: paths.home }, { label: t('referrals.title'), to: matchingPaths.referrals }, { label: t('newReferral.title') }]}
      lead={t('newReferral.lead')}
    />
  );
  const need = useQuery({ ...needQuery(needId), enabled: needId !== '' });
  const { session } = useSession();
  if (needId === '') {
    return (
      <>
        {header}
        <p>{t('newReferral.missing')}</p>
        <p>
          <Link className="btn btn-primary" to={paths.needs}>
            {t('newReferral.toNeeds')}
          </Link>
        </p>
      </>
    );
  }
  if (need.isPending) return <>{header}<Loading /></>;
  if (need.isError) return <>{header}<ApiErrorAlert error={need.error} onRetry={() => void need.refetch()} /></>;
  const isOwn = actsForOrganization(session, need.data.organizationId);
  return (
    <>
      {header}
      <p className="lead">
        {t('newReferral.need', { category: need.data.categoryLabel ?? need.data.categoryCode, municipality: need.data.municipalityName, people: formatNumber(need.data.peopleCount, i18n.language) })}
      </p>
      {need.data.status !== 'open' ? (
        <Notice color="info" role="note">
          <p className="mb-0">{t('newReferral.notOpen')}</p>
        </Notice>
      ) : !isOwn || !need.data.organizationId || !need.data.districtId ? (
        <Notice color="info" role="note">
          <p className="mb-0">{t('newReferral.notYours')}</p>
        </Notice>
      ) : (
        <ServiceChoice
          need={{ id: need.data.id, organizationId: need.data.organizationId, peopleCount: need.data.peopleCount }}
          districtId={need.data.districtId}
          categoryCode={need.data.categoryCode}
          municipalityCode={need.data.municipalityCode}
        />
      )}
    </>
  );
}

function ServiceChoice({
  need,
  districtId,
  categoryCode,
  municipalityCode,
}: {
  need: { id: string; organizationId: string; peopleCount: number };
  districtId: string;
  categoryCode: string;
  municipalityCode: string;
}) {
  const { t, i18n } = useTranslation('matching');
  const candidates = useQuery(referralCandidatesQuery(categoryCode, municipalityCode));
  const [serviceId, setServiceId] = useState('');
  if (candidates.isPending) return <Loading />;
  if (candidates.isError) return <ApiErrorAlert error={candidates.error} onRetry={() => void candidates.refetch()} />;
  if (candidates.data.length === 0) {
    return (
      <Notice color="warning" role="note">
        <p className="mb-0">
          {t('newReferral.none')} <Link to={matchingPaths.gaps}>{t('title')}</Link>
        </p>
      </Notice>
    );
  }
  const chosen = candidates.data.find((service) => service.id === serviceId);
  return (
    <>
      <SelectField
        id="referral-service"
        label={t('newReferral.services')}
        help={t('newReferral.servicesHelp', { km: REFERRAL_SEARCH_RADIUS_KM })}
        value={serviceId}
        onChange={(event) => setServiceId(event.target.value)}
      >
        <option value="">{t('newReferral.choose')}</option>
        {candidates.data.map((service) => (
          <option key={service.id} value={service.id}>
            {service.distanceKm === null
              ? t('newReferral.serviceOption', { name: service.name, provider: service.provider.name })
              : t('newReferral.serviceOptionDistance', { name: service.name, provider: service.provider.name, distance: formatNumber(Math.round(service.distanceKm * 10) / 10, i18n.language) })}
          </option>
        ))}
      </SelectField>
      {chosen && <ReferralForm key={chosen.id} districtId={districtId} serviceId={chosen.id} serviceName={chosen.name} municipalityCode={municipalityCode} need={need} />}
    </>
  );
}
