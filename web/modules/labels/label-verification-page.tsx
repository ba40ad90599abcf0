import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { Badge } from 'design-react-kit';
import { LABELS_WEB_PATHS } from '../../../common/contracts/labels';
import { isApiError } from '../../app/api-client';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { formatDay } from '../../app/format';
import { Loading } from '../../ui/loading';
import { PageHeader } from '../../ui/page-header';
import { labelBadgePath, labelVerificationQuery } from './labels.queries';

const STATE_COLORS = { valid: 'success', expired: 'secondary', revoked: 'danger' } as const;

/**
 * The public verification page of a social quality label (no sign-in): whose it is, valid, expired or revoked, since
 * and until when, by which criteria; the badge and the snippet that embeds it with a link back here. An unknown code
 * shows a "not found" page.
 */
export function LabelVerificationPage() {
  const { code = '' } = useParams();
  const { t, i18n } = useTranslation('labels');
  const label = useQuery(labelVerificationQuery(code));
  if (label.isPending) return <Loading />;
  if (label.isError) {
    if (isApiError(label.error) && label.error.status === 404) {
      return (
        <>
          <PageHeader title={t('verify.notFoundTitle')} />
          <p>{t('verify.notFound')}</p>
        </>
      );
    }
    return <ApiErrorAlert error={label.error} onRetry={() => void label.refetch()} />;
  }
  const l = label.data;
  const day = (iso: string) => formatDay(iso, i18n.language);
  const origin = window.location.origin;
  const snippet = `<a href="${origin}${LABELS_WEB_PATHS.verification(l.code)}"><img src="${origin}${labelBadgePath(l.code)}" alt="${t('verify.badgeAlt', { scheme: l.schemeName, organization: l.organizationName }).replace(/"/g, '&quot;')}"></a>`;
  return (
    <>
      <PageHeader
        title={l.organizationName}
        lead={l.districtName ? t('verify.leadDistrict', { scheme: l.schemeName, district: l.districtName }) : t('verify.leadRegion', { scheme: l.schemeName })}
        aside={<Badge color={STATE_COLORS[l.state]}>{t(`states.${l.state}`)}</Badge>}
      />
      <p className="lead-text">
        {l.state === 'valid' && t('verify.valid', { from: day(l.validFrom), until: day(l.validUntil) })}
        {l.state === 'expired' && t('verify.expired', { from: day(l.validFrom), until: day(l.validUntil) })}
        {l.state === 'revoked' && t('verify.revoked', { from: day(l.validFrom), on: day(l.revokedOn ?? l.validUntil) })}
      </p>
      <h2 className="h4">{t('verify.criteria')}</h2>
      <ul>
        {l.criteria.map((criterion, index) => (
          <li key={index}>
            {criterion.description} <span className="text-muted">({t(`criterionKinds.${criterion.kind}`)})</span>
          </li>
        ))}
      </ul>
      <h2 className="h4">{t('verify.badgeTitle')}</h2>
      <p>
        <img src={labelBadgePath(l.code)} alt={t('verify.badgeAlt', { scheme: l.schemeName, organization: l.organizationName })} width={320} height={96} />
      </p>
      <label htmlFor="label-embed" className="form-label">
        {t('verify.embed')}
      </label>
      <textarea id="label-embed" className="form-control font-monospace" readOnly rows={3} value={snippet} />
    </>
  );
}
