import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueries } from '@tanstack/react-query';
import { Button } from 'design-react-kit';
import type { TProject } from '../../../common/contracts/projects';
import { TARGET_GROUPS, type TargetGroup } from '../../../common/domain/services';
import { DataTable } from '../../ui/data-table';
import { SelectField, TextField } from '../../ui/form-field';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { formatNumber } from '../../app/format';
import { districtBoundariesQuery } from '../districts';
import { PrintableSection, SectionForm } from '../../ui/printable-section';
import { addBeneficiaries } from './projects.queries';
import { useProjectMutation } from './use-project-mutation';
import { useProjectLabels } from './use-project-labels';

type Entry = NonNullable<TProject['beneficiaries']>[number];

/** People reached, counted per month by target group and municipality: aggregate numbers, never a person. */
export function ProjectBeneficiariesSection({ project }: { project: TProject }) {
  const { t } = useTranslation('projects');
  const labels = useProjectLabels();
  if (project.beneficiaries === null) return null;
  const entries = [...project.beneficiaries].sort((a, b) => b.period.localeCompare(a.period) || a.municipalityName.localeCompare(b.municipalityName));
  const total = entries.reduce((sum, entry) => sum + entry.count, 0);
  const canAdd = project.access.canEdit || project.access.ownOrganizationIds.length > 0;
  return (
    <PrintableSection id="project-beneficiaries" title={t('beneficiaries.title')}>
      <p>{t('beneficiaries.total', { count: total, formatted: formatNumber(total, labels.language) })}</p>
      <DataTable
        caption={t('beneficiaries.caption')}
        columns={[
          { key: 'period', header: t('beneficiaries.period'), isRowHeader: true, cell: (entry: Entry) => labels.month(entry.period) },
          { key: 'group', header: t('beneficiaries.targetGroup'), cell: (entry) => labels.targetGroup(entry.targetGroup) },
          { key: 'municipality', header: t('beneficiaries.municipality'), cell: (entry) => entry.municipalityName },
          { key: 'organization', header: t('beneficiaries.organization'), cell: (entry) => entry.organizationName ?? t('budget.wholeProject') },
          { key: 'count', header: t('beneficiaries.count'), isNumeric: true, cell: (entry) => formatNumber(entry.count, labels.language) },
        ]}
        rows={entries}
        rowKey={(entry) => entry.id}
        emptyText={t('beneficiaries.empty')}
      />
      {canAdd && <BeneficiaryForm project={project} />}
    </PrintableSection>
  );
}

function BeneficiaryForm({ project }: { project: TProject }) {
  const { t } = useTranslation('projects');
  const labels = useProjectLabels();
  const municipalities = useQueries({
    queries: project.districts.map((district) => districtBoundariesQuery(district.id)),
    combine: (results) => {
      const seen = new Map<string, string>();
      for (const result of results) for (const feature of result.data?.features ?? []) seen.set(feature.properties.istatCode, feature.properties.name);
      return [...seen.entries()].sort((a, b) => a[1].localeCompare(b[1]));
    },
  });
  const organizations = project.partners.filter((partner) => project.access.canEdit || project.access.ownOrganizationIds.includes(partner.organizationId));
  const [period, setPeriod] = useState('');
  const [targetGroup, setTargetGroup] = useState<TargetGroup>(TARGET_GROUPS[0]);
  const [municipalityCode, setMunicipalityCode] = useState('');
  const [organizationId, setOrganizationId] = useState(project.access.canEdit ? '' : (organizations[0]?.organizationId ?? ''));
  const [count, setCount] = useState('');
  const [isChecked, setChecked] = useState(false);
  const isCountValid = /^\d{1,7}$/.test(count.trim());
  const isPeriodValid = /^\d{4}-(0[1-9]|1[0-2])$/.test(period);
  const add = useProjectMutation(project.id, (input: Parameters<typeof addBeneficiaries>[1]) => addBeneficiaries(project.id, input), () => {
    setCount('');
    setChecked(false);
  });
  return (
    <SectionForm
      id="beneficiary-form"
      title={t('beneficiaries.addTitle')}
      onSubmit={() => {
        setChecked(true);
        if (!isPeriodValid || !municipalityCode || !isCountValid) return;
        add.mutate({ period, targetGroup, municipalityCode, organizationId: organizationId || null, count: Number(count) });
      }}
    >
      <p className="small">{t('beneficiaries.noPersonalData')}</p>
      <div className="row g-2">
        <TextField id="beneficiary-period" type="month" label={t('beneficiaries.period')} value={period} onChange={(event) => setPeriod(event.target.value)} className="col-md-4" isRequired help={t('beneficiaries.periodHelp')} error={isChecked && !isPeriodValid ? t('beneficiaries.periodInvalid') : null} />
        <SelectField id="beneficiary-target-group" label={t('beneficiaries.targetGroup')} value={targetGroup} onChange={(event) => setTargetGroup(event.target.value as TargetGroup)} className="col-md-4">
          {TARGET_GROUPS.map((code) => (
            <option key={code} value={code}>
              {labels.targetGroup(code)}
            </option>
          ))}
        </SelectField>
        <SelectField id="beneficiary-municipality" label={t('beneficiaries.municipality')} value={municipalityCode} onChange={(event) => setMunicipalityCode(event.target.value)} className="col-md-4" isRequired error={isChecked && !municipalityCode ? t('form.requiredField') : null}>
          <option value="">{t('form.choose')}</option>
          {municipalities.map(([code, name]) => (
            <option key={code} value={code}>
              {name}
            </option>
          ))}
        </SelectField>
        <SelectField id="beneficiary-organization" label={t('beneficiaries.organization')} value={organizationId} onChange={(event) => setOrganizationId(event.target.value)} className="col-md-6">
          {project.access.canEdit && <option value="">{t('budget.wholeProject')}</option>}
          {organizations.map((partner) => (
            <option key={partner.organizationId} value={partner.organizationId}>
              {partner.organizationName}
            </option>
          ))}
        </SelectField>
        <TextField id="beneficiary-count" label={t('beneficiaries.count')} value={count} onChange={(event) => setCount(event.target.value)} inputMode="numeric" className="col-md-6" isRequired error={isChecked && !isCountValid ? t('beneficiaries.countInvalid') : null} />
      </div>
      {add.isError && <ApiErrorAlert error={add.error} />}
      <Button type="submit" color="primary" disabled={add.isPending}>
        {t('beneficiaries.add')}
      </Button>
    </SectionForm>
  );
}
