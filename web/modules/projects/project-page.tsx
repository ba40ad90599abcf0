import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Badge, Button } from 'design-react-kit';
import type { TProject } from '../../../common/contracts/projects';
import type { ProjectStrand } from '../../../common/domain/projects';
import type { TargetGroup } from '../../../common/domain/services';
import { PageHeader } from '../../ui/page-header';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { LoadedProject, type Crumbs } from './loaded-project';
import { ProjectAccompanimentSection } from './project-accompaniment';
import { ProjectBeneficiariesSection } from './project-beneficiaries';
import { ProjectBudgetSection } from './project-budget';
import { ProjectFields, projectFieldProblems, type ProjectFieldValues } from './project-fields';
import { ProjectMilestonesSection } from './project-milestones';
import { ProjectNeedsSection } from './project-needs';
import { ProjectPartnershipSection } from './project-partnership';
import { ProjectReportsSection } from './project-reports';
import { projectPaths } from './project-paths';
import { SectionForm } from '../../ui/printable-section';
import { ProjectStatusSection } from './project-status';
import { updateProject } from './projects.queries';
import { useProjectMutation } from './use-project-mutation';
import { useProjectLabels } from './use-project-labels';
import '../../ui/printable.css';

/** One project: summary, status and its next steps, partnership, budget, milestones, progress reports, needs and gaps, beneficiaries, accompaniment. */
export function ProjectPage() {
  return <LoadedProject>{(project, crumbs) => <ProjectView project={project} crumbs={crumbs} />}</LoadedProject>;
}

function ProjectView({ project: p, crumbs }: { project: TProject; crumbs: Crumbs }) {
  const { t } = useTranslation('projects');
  return (
    <>
      <ProjectHeader project={p} crumbs={crumbs} />
      <p className="app-no-print d-flex flex-wrap gap-3">
        <Link to={projectPaths.sheet(p.id)}>{t('project.sheetLink')}</Link>
      </p>
      {p.access.canEdit && <EditProject project={p} />}
      {!p.access.isMember && <p className="small">{t('project.publicOnly')}</p>}
      <ProjectStatusSection project={p} />
      <ProjectPartnershipSection project={p} />
      <ProjectBudgetSection project={p} />
      <ProjectMilestonesSection project={p} />
      <ProjectReportsSection project={p} />
      <ProjectNeedsSection project={p} />
      <ProjectBeneficiariesSection project={p} />
      <ProjectAccompanimentSection project={p} />
    </>
  );
}

/** The title, status and the facts of a project (shared with the printable sheet). */
export function ProjectHeader({ project, crumbs }: { project: TProject; crumbs: Crumbs }) {
  const { t } = useTranslation('projects');
  const labels = useProjectLabels();
  return (
    <>
      <PageHeader
        title={project.title}
        breadcrumbs={[...crumbs, { label: project.title }]}
        aside={<Badge color={project.status === 'running' ? 'success' : 'primary'}>{labels.status(project.status)}</Badge>}
      />
      {project.summary && <p className="lead prewrap">{project.summary}</p>}
      <dl className="facts">
        <dt>{t('project.districts')}</dt>
        <dd>{project.districts.map((district) => district.name).join(', ')}</dd>
        <dt>{t('project.lead')}</dt>
        <dd>{project.leadOrganizationName ?? t('project.noLead')}</dd>
        <dt>{t('project.strands')}</dt>
        <dd>{project.strands.map(labels.strand).join(', ')}</dd>
        <dt>{t('project.targetGroups')}</dt>
        <dd>{project.targetGroups.length === 0 ? t('project.noTargetGroups') : project.targetGroups.map(labels.targetGroup).join(', ')}</dd>
        <dt>{t('project.period')}</dt>
        <dd>{project.startOn || project.endOn ? t('project.periodValue', { start: labels.day(project.startOn), end: labels.day(project.endOn) }) : t('project.noPeriod')}</dd>
        <dt>{t('project.budget')}</dt>
        <dd>{t('project.budgetValue', { budget: labels.money(project.totals.budgetCents), committed: labels.money(project.totals.committedCents) })}</dd>
      </dl>
    </>
  );
}

function EditProject({ project }: { project: TProject }) {
  const { t } = useTranslation('projects');
  const [isOpen, setOpen] = useState(false);
  const initial: ProjectFieldValues = {
    title: project.title,
    summary: project.summary,
    strands: project.strands as ProjectStrand[],
    targetGroups: project.targetGroups as TargetGroup[],
    startOn: project.startOn ?? '',
    endOn: project.endOn ?? '',
  };
  const [values, setValues] = useState(initial);
  const [isChecked, setChecked] = useState(false);
  const update = useProjectMutation(project.id, (input: Parameters<typeof updateProject>[1]) => updateProject(project.id, input), () => setOpen(false));
  if (!isOpen) {
    return (
      <p className="app-no-print">
        <Button color="primary" outline size="sm" onClick={() => { setValues(initial); setChecked(false); setOpen(true); }}>
          {t('project.edit')}
        </Button>
      </p>
    );
  }
  return (
    <SectionForm
      id="edit-project-form"
      title={t('project.editTitle')}
      onSubmit={() => {
        setChecked(true);
        if (Object.keys(projectFieldProblems(values)).length > 0) return;
        update.mutate({ version: project.version, title: values.title.trim(), summary: values.summary, strands: values.strands, targetGroups: values.targetGroups, startOn: values.startOn || null, endOn: values.endOn || null });
      }}
    >
      <ProjectFields idPrefix="edit-project" values={values} onChange={setValues} showProblems={isChecked} />
      {update.isError && <ApiErrorAlert error={update.error} />}
      <div className="d-flex gap-2">
        <Button type="submit" color="primary" disabled={update.isPending}>
          {t('project.save')}
        </Button>
        <Button color="secondary" outline onClick={() => setOpen(false)}>
          {t('project.cancel')}
        </Button>
      </div>
    </SectionForm>
  );
}
