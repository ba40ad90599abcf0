import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { ZDistrictActivity, type TDistrictActivity } from '../../../common/contracts/district-activity';
import { api } from '../../app/api-client';
import { paths } from '../../app/paths';

type Counted = 'surveys' | 'openNeeds' | 'gaps' | 'proposals' | 'referrals';

/** Where each count leads: the page that lists what it counts. */
function targetOf(kind: Counted, districtId: string): string {
  switch (kind) {
    case 'surveys': return paths.surveys;
    case 'openNeeds': return `${paths.needs}?distretto=${encodeURIComponent(districtId)}&status=open`;
    // The matching pages read the same parameter (web/modules/matching/matching-paths.ts): they open on this district.
    case 'gaps': case 'proposals': return `${paths.matching}?distretto=${encodeURIComponent(districtId)}`;
    case 'referrals': return `${paths.matching}/segnalazioni?distretto=${encodeURIComponent(districtId)}`;
  }
}

/** A row of links to the district's surveys, needs, gaps, proposals and referrals, with counts, for those who may read them. */
export function DistrictActivityLinks({ districtId }: { districtId: string }) {
  const { t } = useTranslation('districts');
  const activity = useQuery({
    queryKey: ['districts', districtId, 'activity'],
    queryFn: ({ signal }) => api.get(`/api/districts/${encodeURIComponent(districtId)}/activity`, ZDistrictActivity, { signal }),
  });
  if (!activity.data) return null;
  const data: TDistrictActivity = activity.data;
  const kinds = (['surveys', 'openNeeds', 'gaps', 'proposals', 'referrals'] as const).filter((kind) => data[kind] !== null);
  if (kinds.length === 0) return null;
  return (
    <nav aria-label={t('activity.title')} className="mt-4 mb-4">
      <h2 className="h4">{t('activity.title')}</h2>
      <ul className="list-unstyled d-flex flex-wrap gap-3 mb-0">
        {kinds.map((kind) => (
          <li key={kind}>
            <Link className="btn btn-outline-primary" to={targetOf(kind, districtId)}>
              {t(`activity.${kind}`, { count: data[kind] ?? 0 })}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
