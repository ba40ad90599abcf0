import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { projectPaths } from './project-paths';

/** "Avvia un progetto da questa proposta": leads a district's coordinator from a shared-service proposal to a new project carrying it over. */
export function StartProjectFromProposalLink({ proposalId }: { proposalId: string }) {
  const { t } = useTranslation('projects');
  return (
    <Link className="btn btn-primary" to={projectPaths.fromProposal(proposalId)}>
      {t('new.startLink')}
    </Link>
  );
}
