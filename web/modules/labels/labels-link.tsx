import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session';
import { labelPaths } from './label-paths';

/** The social quality labels (schemes and applications), for the district page and the coordinators' home; signed-in people only. */
export function LabelsLink({ className }: { className?: string }) {
  const { t } = useTranslation('labels');
  const { session } = useSession();
  if (!session.user) return null;
  return (
    <Link className={className} to={labelPaths.list}>
      {t('links.districtLabels')}
    </Link>
  );
}
