import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ZJobCounts } from '../../../common/contracts/jobs';
import { api } from '../../app/api-client';

/** How often the menu asks again: a failure shows up within a minute without reloading the page. */
const REFRESH_MS = 60_000;

/**
 * The number of dead jobs beside "Attività in background" in an administrator's menu, so a failure is seen where they
 * look rather than found by chance; nothing when there is none (or the count cannot be read: the page says why).
 * Its query key starts with 'jobs', so a retry on the page (which invalidates ['jobs']) refreshes it at once.
 */
export function DeadJobsBadge() {
  const { t } = useTranslation('jobs');
  const counts = useQuery({
    queryKey: ['jobs', 'counts'],
    queryFn: ({ signal }) => api.get('/api/jobs/counts', ZJobCounts, { signal }),
    refetchInterval: REFRESH_MS,
  });
  const dead = counts.data?.dead ?? 0;
  if (dead === 0) return null;
  return (
    <>
      <span className="badge bg-danger ms-2" aria-hidden="true">
        {dead}
      </span>
      <span className="visually-hidden">{`: ${t('deadBadge', { count: dead })}`}</span>
    </>
  );
}
