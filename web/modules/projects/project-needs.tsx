import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Button } from 'design-react-kit';
import type { TProject } from '../../../common/contracts/projects';
import { PROJECT_ANSWERING_STATUSES } from '../../../common/domain/projects';
import { DataTable } from '../../ui/data-table';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { formatNumber } from '../../app/format';
import { paths } from '../../app/paths';
import { ProjectSection } from './project-section';
import { answerNeed } from './projects.queries';
import { useProjectMutation } from './use-project-mutation';
import { useProjectLabels } from './use-project-labels';

type NeedLink = TProject['needLinks'][number];
type GroupLink = TProject['groupLinks'][number];

/** The needs of the register and the gaps (zone × category × target group) the project answers; a running project marks needs answered. */
export function ProjectNeedsSection({ project }: { project: TProject }) {
  const { t } = useTranslation('projects');
  const labels = useProjectLabels();
  const answer = useProjectMutation(project.id, (needId: string) => answerNeed(project.id, needId));
  const canAnswer = project.access.canEdit && PROJECT_ANSWERING_STATUSES.includes(project.status);
  return (
    <ProjectSection id="project-needs" title={t('needs.title')}>
      <DataTable
        caption={t('needs.groupsCaption')}
        columns={[
          { key: 'zone', header: t('needs.zone'), isRowHeader: true, cell: (link: GroupLink) => link.zoneLabel },
          { key: 'category', header: t('needs.category'), cell: (link) => link.categoryLabel ?? t('unknownValue') },
          { key: 'group', header: t('needs.targetGroup'), cell: (link) => (link.targetGroup ? labels.targetGroup(link.targetGroup) : t('needs.anyGroup')) },
          { key: 'proposal', header: t('needs.proposal'), cell: (link) => (link.proposalId ? <Link to={`${paths.matching}/proposte/${encodeURIComponent(link.proposalId)}`}>{t('needs.openProposal')}</Link> : '—') },
        ]}
        rows={project.groupLinks}
        rowKey={(link) => link.id}
        emptyText={t('needs.noGroups')}
      />
      <DataTable
        caption={t('needs.needsCaption')}
        columns={[
          { key: 'category', header: t('needs.category'), isRowHeader: true, cell: (link: NeedLink) => link.categoryLabel ?? t('unknownValue') },
          { key: 'group', header: t('needs.targetGroup'), cell: (link) => labels.targetGroup(link.targetGroup) },
          { key: 'municipality', header: t('needs.municipality'), cell: (link) => link.municipalityName },
          { key: 'people', header: t('needs.people'), isNumeric: true, cell: (link) => formatNumber(link.peopleCount, labels.language) },
          {
            key: 'answered',
            header: t('needs.answered'),
            cell: (link) =>
              link.answeredByProject ? t('needs.answeredYes') : canAnswer ? (
                <Button size="xs" color="primary" outline disabled={answer.isPending} onClick={() => answer.mutate(link.needId)}>
                  {t('needs.markAnswered', { municipality: link.municipalityName })}
                </Button>
              ) : t('needs.answeredNo'),
          },
        ]}
        rows={project.needLinks}
        rowKey={(link) => link.needId}
        emptyText={t('needs.noNeeds')}
      />
      {answer.isError && <ApiErrorAlert error={answer.error} />}
    </ProjectSection>
  );
}
