import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import type { TProject } from '../../../common/contracts/projects';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { paths } from '../../app/paths';
import { Loading } from '../../ui/loading';
import { PageHeader } from '../../ui/page-header';
import { projectPaths } from './project-paths';
import { projectQuery } from './projects.queries';

export type Crumbs = { label: string; to?: string }[];

/**
 * The project named by the route's `:id`, loaded for a page (the project page, its printable sheet): a spinner while
 * it loads, a titled error with a retry if it cannot, otherwise `children` with the project and the crumbs above it.
 */
export function LoadedProject({ children }: { children: (project: TProject, crumbs: Crumbs) => ReactNode }) {
  const { t } = useTranslation('projects');
  const { t: tCommon } = useTranslation();
  const { id = '' } = useParams();
  const project = useQuery(projectQuery(id));
  const crumbs: Crumbs = [{ label: tCommon('nav.home'), to: paths.home }, { label: t('list.title'), to: projectPaths.list }];
  if (project.isPending) return <Loading />;
  if (project.isError) {
    return (
      <>
        <PageHeader title={t('project.errorTitle')} breadcrumbs={[...crumbs, { label: t('project.errorTitle') }]} />
        <ApiErrorAlert error={project.error} onRetry={() => void project.refetch()} />
      </>
    );
  }
  return <>{children(project.data, crumbs)}</>;
}
