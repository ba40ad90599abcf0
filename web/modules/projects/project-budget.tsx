import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'design-react-kit';
import type { TBudgetLine, TFundingSource, TProject } from '../../../common/contracts/projects';
import { BUDGET_CATEGORIES, FUNDING_KINDS, type BudgetCategory, type FundingKind } from '../../../common/domain/projects';
import { formatMoneyInput, moneyLocaleOf, moneyOfCents } from '../../../common/domain/money';
import { DataTable } from '../../ui/data-table';
import { SelectField, TextField } from '../../ui/form-field';
import { Loading } from '../../ui/loading';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { slicesByKey } from './project-chart-data';
import { readAmountField } from './project-money';
import { PrintableSection, SectionForm } from '../../ui/printable-section';
import { addBudgetLine, addFundingSource, updateBudgetLine } from './projects.queries';
import { useProjectMutation } from './use-project-mutation';
import { useProjectLabels, type ProjectLabels } from './use-project-labels';

const ProjectChart = lazy(() => import('./project-chart'));

/** The amount field's problem in words, or null when it holds an amount. */
function useAmountError() {
  const { t } = useTranslation('projects');
  return (text: string, isChecked: boolean) => {
    if (!isChecked) return null;
    const read = readAmountField(text);
    return read.ok ? null : t(`budget.amountProblem.${read.problem}`);
  };
}

/** The budget: totals (public), charts by funding source and by partner, the lines and the funding sources (members only). */
export function ProjectBudgetSection({ project }: { project: TProject }) {
  const { t } = useTranslation('projects');
  const labels = useProjectLabels();
  const totals = project.totals;
  const bySource = useMemo(() => slicesByKey(totals.byFundingKind, (row) => row.kind, (row) => row.committedCents, (kind) => labels.fundingKind(kind)), [totals, labels]);
  const byPartner = useMemo(
    () => slicesByKey(totals.byPartner, (row) => row.organizationId ?? 'project', (row) => row.amountCents, (_key, row) => row.organizationName ?? t('budget.wholeProject')),
    [totals, t],
  );
  return (
    <PrintableSection id="project-budget" title={t('budget.title')}>
      <dl className="facts facts--compact">
        <dt>{t('budget.total')}</dt>
        <dd>{labels.money(totals.budgetCents)}</dd>
        <dt>{t('budget.committed')}</dt>
        <dd>{labels.money(totals.committedCents)}</dd>
        <dt>{t('budget.spent')}</dt>
        <dd>{labels.money(totals.spentCents)}</dd>
        <dt>{totals.uncoveredCents >= 0 ? t('budget.uncovered') : t('budget.overCommitted')}</dt>
        <dd>{labels.money(Math.abs(totals.uncoveredCents))}</dd>
        <dt>{t('budget.coFinancing')}</dt>
        <dd>{t('budget.coFinancingValue', { amount: labels.money(totals.coFinancingCents), share: labels.basisPoints(totals.coFinancingShareBasisPoints) })}</dd>
      </dl>
      <div className="row g-3">
        <BudgetChart id="budget-by-source" title={t('budget.bySource')} slices={bySource} labels={labels} />
        <BudgetChart id="budget-by-partner" title={t('budget.byPartner')} slices={byPartner} labels={labels} />
      </div>
      {project.budgetLines === null ? <p className="small">{t('budget.privateNote')}</p> : <BudgetLines project={project} lines={project.budgetLines} />}
      {project.fundingSources !== null && <FundingSources project={project} sources={project.fundingSources} />}
    </PrintableSection>
  );
}

function BudgetChart({ id, title, slices, labels }: { id: string; title: string; slices: ReturnType<typeof slicesByKey>; labels: ProjectLabels }) {
  const { t } = useTranslation('projects');
  return (
    <div className="col-md-6" data-testid={id}>
      <h3 className="h5">{title}</h3>
      {slices.length === 0 ? (
        <p>{t('budget.nothingYet')}</p>
      ) : (
        <>
          <Suspense fallback={<Loading />}>
            <ProjectChart kind="bar" slices={slices} ariaLabel={t('budget.chartLabel', { title })} formatValue={labels.money} />
          </Suspense>
          <DataTable
            caption={title}
            isCaptionHidden
            columns={[
              { key: 'label', header: t('budget.item'), isRowHeader: true, cell: (slice: (typeof slices)[number]) => slice.label },
              { key: 'amount', header: t('budget.amount'), isNumeric: true, cell: (slice) => labels.money(slice.value) },
              { key: 'share', header: t('budget.share'), isNumeric: true, cell: (slice) => labels.basisPoints(Math.round(slice.share * 10_000)) },
            ]}
            rows={slices}
            rowKey={(slice) => slice.key}
          />
        </>
      )}
    </div>
  );
}

function BudgetLines({ project, lines }: { project: TProject; lines: TBudgetLine[] }) {
  const { t } = useTranslation('projects');
  const labels = useProjectLabels();
  const [editing, setEditing] = useState<string | null>(null);
  // The reader may add lines for the whole project (lead, coordinator) or for their own organizations in the partnership.
  const ownPartners = project.partners.filter((partner) => project.access.canEdit || project.access.ownOrganizationIds.includes(partner.organizationId));
  return (
    <>
      <DataTable
        caption={t('budget.linesCaption')}
        columns={[
          { key: 'description', header: t('budget.description'), isRowHeader: true, cell: (line: TBudgetLine) => line.description || labels.budgetCategory(line.category) },
          { key: 'category', header: t('budget.category'), cell: (line) => labels.budgetCategory(line.category) },
          { key: 'partner', header: t('budget.partner'), cell: (line) => line.organizationName ?? t('budget.wholeProject') },
          { key: 'amount', header: t('budget.amount'), isNumeric: true, cell: (line) => labels.money(line.amountCents) },
          {
            key: 'edit',
            header: <span className="visually-hidden">{t('budget.actions')}</span>,
            cell: (line) =>
              line.canEdit ? (
                <Button size="xs" color="primary" outline onClick={() => setEditing(editing === line.id ? null : line.id)} aria-expanded={editing === line.id}>
                  {t('budget.editLine', { line: line.description || labels.budgetCategory(line.category) })}
                </Button>
              ) : null,
          },
        ]}
        rows={lines}
        rowKey={(line) => line.id}
        emptyText={t('budget.noLines')}
        renderAfterRow={(line) =>
          editing === line.id ? (
            <tr>
              <td colSpan={5}>
                <EditLineForm project={project} line={line} onDone={() => setEditing(null)} />
              </td>
            </tr>
          ) : null
        }
      />
      {(project.access.canEdit || ownPartners.length > 0) && <AddLineForm project={project} partners={ownPartners} />}
    </>
  );
}

function EditLineForm({ project, line, onDone }: { project: TProject; line: TBudgetLine; onDone: () => void }) {
  const { t, i18n } = useTranslation('projects');
  const labels = useProjectLabels();
  const amountError = useAmountError();
  const [amount, setAmount] = useState(formatMoneyInput(moneyOfCents(line.amountCents), moneyLocaleOf(i18n.language)));
  const [description, setDescription] = useState(line.description);
  const [isChecked, setChecked] = useState(false);
  const update = useProjectMutation(project.id, (input: Parameters<typeof updateBudgetLine>[2]) => updateBudgetLine(project.id, line.id, input), onDone);
  return (
    <SectionForm
      id={`edit-line-${line.id}`}
      title={t('budget.editTitle', { line: line.description || labels.budgetCategory(line.category) })}
      onSubmit={() => {
        setChecked(true);
        const read = readAmountField(amount);
        if (!read.ok) return;
        update.mutate({ amountCents: read.cents, description });
      }}
    >
      <div className="row g-2">
        <TextField id={`edit-line-${line.id}-description`} label={t('budget.description')} value={description} onChange={(event) => setDescription(event.target.value)} className="col-md-8" />
        <TextField id={`edit-line-${line.id}-amount`} label={t('budget.amountField')} value={amount} onChange={(event) => setAmount(event.target.value)} inputMode="decimal" className="col-md-4" error={amountError(amount, isChecked)} />
      </div>
      {update.isError && <ApiErrorAlert error={update.error} />}
      <Button type="submit" color="primary" disabled={update.isPending}>
        {t('budget.saveLine')}
      </Button>
    </SectionForm>
  );
}

function AddLineForm({ project, partners }: { project: TProject; partners: TProject['partners'] }) {
  const { t } = useTranslation('projects');
  const labels = useProjectLabels();
  const amountError = useAmountError();
  const [category, setCategory] = useState<BudgetCategory>('staff');
  const [organizationId, setOrganizationId] = useState(project.access.canEdit ? '' : (partners[0]?.organizationId ?? ''));
  const [description, setDescription] = useState('');
  const [amount, setAmount] = useState('');
  const [isChecked, setChecked] = useState(false);
  const add = useProjectMutation(project.id, (input: Parameters<typeof addBudgetLine>[1]) => addBudgetLine(project.id, input), () => {
    setDescription('');
    setAmount('');
    setChecked(false);
  });
  return (
    <SectionForm
      id="budget-line-form"
      title={t('budget.addLineTitle')}
      onSubmit={() => {
        setChecked(true);
        const read = readAmountField(amount);
        if (!read.ok) return;
        add.mutate({ category, organizationId: organizationId || null, description, amountCents: read.cents });
      }}
    >
      <div className="row g-2">
        <SelectField id="budget-line-category" label={t('budget.category')} value={category} onChange={(event) => setCategory(event.target.value as BudgetCategory)} className="col-md-3">
          {BUDGET_CATEGORIES.map((code) => (
            <option key={code} value={code}>
              {labels.budgetCategory(code)}
            </option>
          ))}
        </SelectField>
        <SelectField id="budget-line-partner" label={t('budget.partner')} value={organizationId} onChange={(event) => setOrganizationId(event.target.value)} className="col-md-4">
          {project.access.canEdit && <option value="">{t('budget.wholeProject')}</option>}
          {partners.map((partner) => (
            <option key={partner.organizationId} value={partner.organizationId}>
              {partner.organizationName}
            </option>
          ))}
        </SelectField>
        <TextField id="budget-line-amount" label={t('budget.amountField')} value={amount} onChange={(event) => setAmount(event.target.value)} inputMode="decimal" className="col-md-5" isRequired error={amountError(amount, isChecked)} />
      </div>
      <TextField id="budget-line-description" label={t('budget.description')} value={description} onChange={(event) => setDescription(event.target.value)} />
      {add.isError && <ApiErrorAlert error={add.error} />}
      <Button type="submit" color="primary" disabled={add.isPending}>
        {t('budget.addLine')}
      </Button>
    </SectionForm>
  );
}

function FundingSources({ project, sources }: { project: TProject; sources: TFundingSource[] }) {
  const { t } = useTranslation('projects');
  const labels = useProjectLabels();
  return (
    <>
      <DataTable
        caption={t('funding.caption')}
        columns={[
          { key: 'funder', header: t('funding.funder'), isRowHeader: true, cell: (source: TFundingSource) => source.funderName || labels.fundingKind(source.kind) },
          { key: 'kind', header: t('funding.kind'), cell: (source) => labels.fundingKind(source.kind) },
          { key: 'committed', header: t('funding.committed'), isNumeric: true, cell: (source) => labels.money(source.committedCents) },
          { key: 'spent', header: t('funding.spent'), isNumeric: true, cell: (source) => labels.money(source.spentCents) },
        ]}
        rows={sources}
        rowKey={(source) => source.id}
        emptyText={t('funding.empty')}
      />
      {project.access.canEdit && <FundingSourceForm project={project} />}
    </>
  );
}

function FundingSourceForm({ project }: { project: TProject }) {
  const { t } = useTranslation('projects');
  const labels = useProjectLabels();
  const amountError = useAmountError();
  const [kind, setKind] = useState<FundingKind>('region');
  const [funderName, setFunderName] = useState('');
  const [committed, setCommitted] = useState('');
  const [spent, setSpent] = useState('0');
  const [isChecked, setChecked] = useState(false);
  const add = useProjectMutation(project.id, (input: Parameters<typeof addFundingSource>[1]) => addFundingSource(project.id, input), () => {
    setFunderName('');
    setCommitted('');
    setSpent('0');
    setChecked(false);
  });
  return (
    <SectionForm
      id="funding-form"
      title={t('funding.addTitle')}
      onSubmit={() => {
        setChecked(true);
        const committedRead = readAmountField(committed);
        const spentRead = readAmountField(spent);
        if (!committedRead.ok || !spentRead.ok) return;
        add.mutate({ kind, funderName, organizationId: null, committedCents: committedRead.cents, spentCents: spentRead.cents });
      }}
    >
      <div className="row g-2">
        <SelectField id="funding-kind" label={t('funding.kind')} value={kind} onChange={(event) => setKind(event.target.value as FundingKind)} className="col-md-6">
          {FUNDING_KINDS.map((code) => (
            <option key={code} value={code}>
              {labels.fundingKind(code)}
            </option>
          ))}
        </SelectField>
        <TextField id="funding-funder" label={t('funding.funderField')} value={funderName} onChange={(event) => setFunderName(event.target.value)} className="col-md-6" />
        <TextField id="funding-committed" label={t('funding.committedField')} value={committed} onChange={(event) => setCommitted(event.target.value)} inputMode="decimal" className="col-md-6" isRequired error={amountError(committed, isChecked)} />
        <TextField id="funding-spent" label={t('funding.spentField')} value={spent} onChange={(event) => setSpent(event.target.value)} inputMode="decimal" className="col-md-6" error={amountError(spent, isChecked)} />
      </div>
      {add.isError && <ApiErrorAlert error={add.error} />}
      <Button type="submit" color="primary" disabled={add.isPending}>
        {t('funding.add')}
      </Button>
    </SectionForm>
  );
}
