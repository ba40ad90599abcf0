import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session';
import { pactPaths } from './pact-paths';

/** The district's pacts (the list on that district), for the district page and its coordinators' home. */
export function DistrictPactsLink({ districtId, className }: { districtId: string; className?: string }) {
  const { t } = useTranslation('pacts');
  const { session } = useSession();
  // The list is for signed-in people; a visitor of the public district page sees no link that would refuse them.
  if (!session.user) return null;
  return (
    <Link className={className} to={pactPaths.listOfDistrict(districtId)}>
      {t('links.districtPacts')}
    </Link>
  );
}

/** The pacts of the districts the person's organization belongs to, for the home of its people. */
export function PactsLink({ className }: { className?: string }) {
  const { t } = useTranslation('pacts');
  return (
    <Link className={className} to={pactPaths.list}>
      {t('links.pacts')}
    </Link>
  );
}
