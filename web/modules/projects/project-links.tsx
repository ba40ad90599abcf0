import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session';
import { projectPaths } from './project-paths';

/** The district's projects (the list filtered on it), for the district page and its coordinators' home. */
export function DistrictProjectsLink({ districtId, className }: { districtId: string; className?: string }) {
  const { t } = useTranslation('projects');
  const { session } = useSession();
  // The list is for signed-in people; a visitor of the public district page sees no link that would refuse them.
  if (!session.user) return null;
  return (
    <Link className={className} to={projectPaths.listOfDistrict(districtId)}>
      {t('links.districtProjects')}
    </Link>
  );
}

/** The projects an organization is a partner of, for the home of its people. */
export function OrganizationProjectsLink({ organizationId, organizationName }: { organizationId: string; organizationName: string }) {
  const { t } = useTranslation('projects');
  return <Link to={projectPaths.listOfOrganization(organizationId)}>{t('links.organizationProjects', { organization: organizationName })}</Link>;
}
