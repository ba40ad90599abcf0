import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Button } from 'design-react-kit';
import type { TProject } from '../../../common/contracts/projects';
import { DataTable } from '../../ui/data-table';
import { formatNumber } from '../../app/format';
import { LoadedProject, type Crumbs } from './loaded-project';
import { ProjectHeader } from './project-page';
import { projectPaths } from './project-paths';
import { useProjectLabels } from './use-project-labels';
import '../../ui/printable.css';

/** The project sheet: what a project is, who does it, with what money and by when, on paper (the print layout drops the rest). */
export function ProjectSheetPage() {
  return <LoadedProject>{(project, crumbs) => <ProjectSheet project={project} crumbs={crumbs} />}</LoadedProject>;
}

function ProjectSheet({ project: p, crumbs }: { project: TProject; crumbs: Crumbs }) {
  const { t } = useTranslation('projects');
  return (
    <div className="app-sheet">
      <ProjectHeader project={p} crumbs={[...crumbs, { label: p.title, to: projectPaths.project(p.id) }, { label: t('sheet.crumb') }]} />
      <p className="app-no-print d-flex gap-3 align-items-center">
        <Button color="primary" onClick={() => window.print()}>
          {t('sheet.print')}
        </Button>
        <Link to={projectPaths.project(p.id)}>{t('sheet.back')}</Link>
      </p>
      <SheetBody project={p} />
    </div>
  );
}

function SheetBody({ project }: { project: TProject }) {
  const { t } = useTranslation('projects');
  const labels = useProjectLabels();
  const totals = project.totals;
  const beneficiaries = (project.beneficiaries ?? []).reduce((sum, entry) => sum + entry.count, 0);
  return (
    <>
      <h2 className="h4 mt-4">{t('sheet.status')}</h2>
      <p>{t('status.current', { status: labels.status(project.status) })}</p>
      {project.evaluation && <p>{t('sheet.evaluation', { decision: labels.decision(project.evaluation.decision), reasons: project.evaluation.reasons })}</p>}
      <DataTable
        caption={t('partnership.title')}
        columns={[
          { key: 'name', header: t('partnership.organization'), isRowHeader: true, cell: (partner: TProject['partners'][number]) => partner.organizationName },
          { key: 'role', header: t('partnership.role'), cell: (partner) => labels.role(partner.role) },
          { key: 'sector', header: t('sheet.sector'), cell: (partner) => labels.sector(partner.sector) },
          { key: 'share', header: t('partnership.share'), isNumeric: true, cell: (partner) => t('partnership.percent', { value: formatNumber(partner.workSharePercent, labels.language) }) },
        ]}
        rows={project.partners}
        rowKey={(partner) => partner.id}
        emptyText={t('partnership.empty')}
      />
      <p>{project.partnershipCheck.passed ? t('partnership.rulePassed') : t('partnership.ruleFailed')}</p>
      <h2 className="h4 mt-4">{t('budget.title')}</h2>
      <p>{t('sheet.budget', { budget: labels.money(totals.budgetCents), committed: labels.money(totals.committedCents), spent: labels.money(totals.spentCents), share: labels.basisPoints(totals.coFinancingShareBasisPoints) })}</p>
      <DataTable
        caption={t('budget.bySource')}
        columns={[
          { key: 'kind', header: t('funding.kind'), isRowHeader: true, cell: (row: TProject['totals']['byFundingKind'][number]) => labels.fundingKind(row.kind) },
          { key: 'committed', header: t('funding.committed'), isNumeric: true, cell: (row) => labels.money(row.committedCents) },
          { key: 'share', header: t('budget.share'), isNumeric: true, cell: (row) => labels.basisPoints(row.shareBasisPoints) },
        ]}
        rows={totals.byFundingKind}
        rowKey={(row) => row.kind}
        emptyText={t('budget.nothingYet')}
      />
      <DataTable
        caption={t('budget.byPartner')}
        columns={[
          { key: 'partner', header: t('budget.partner'), isRowHeader: true, cell: (row: TProject['totals']['byPartner'][number]) => row.organizationName ?? t('budget.wholeProject') },
          { key: 'amount', header: t('budget.amount'), isNumeric: true, cell: (row) => labels.money(row.amountCents) },
          { key: 'share', header: t('budget.share'), isNumeric: true, cell: (row) => labels.basisPoints(row.shareBasisPoints) },
        ]}
        rows={totals.byPartner}
        rowKey={(row) => row.organizationId ?? 'project'}
        emptyText={t('budget.nothingYet')}
      />
      <DataTable
        caption={t('milestones.title')}
        columns={[
          { key: 'due', header: t('milestones.dueOn'), isRowHeader: true, cell: (row: TProject['milestones'][number]) => labels.day(row.dueOn) },
          { key: 'title', header: t('milestones.titleField'), cell: (row) => `${labels.milestoneKind(row.kind)}: ${row.title}` },
          { key: 'status', header: t('sheet.milestoneStatus'), cell: (row) => labels.milestoneStatus(row.status) },
        ]}
        rows={[...project.milestones].sort((a, b) => a.dueOn.localeCompare(b.dueOn))}
        rowKey={(row) => row.id}
        emptyText={t('milestones.empty')}
      />
      {project.beneficiaries !== null && <p>{t('beneficiaries.total', { count: beneficiaries, formatted: formatNumber(beneficiaries, labels.language) })}</p>}
      {project.mentor && <p>{t('accompaniment.mentor', { name: project.mentor.name, day: labels.day(project.mentor.assignedOn) })}</p>}
    </>
  );
}
