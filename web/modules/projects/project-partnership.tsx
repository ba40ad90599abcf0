import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueries } from '@tanstack/react-query';
import { Button } from 'design-react-kit';
import type { TPartner, TProject } from '../../../common/contracts/projects';
import { PARTNER_ROLES, type PartnerRole } from '../../../common/domain/projects';
import { DataTable } from '../../ui/data-table';
import { SelectField, TextField } from '../../ui/form-field';
import { Loading } from '../../ui/loading';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { formatNumber } from '../../app/format';
import { countsByKey } from './project-chart-data';
import { PrintableSection, SectionForm } from '../../ui/printable-section';
import { addPartner, districtOrganizationsQuery } from './projects.queries';
import { useProjectMutation } from './use-project-mutation';
import { useProjectLabels } from './use-project-labels';

const ProjectChart = lazy(() => import('./project-chart'));

/** The partnership: who, with which role and share of work, its sector mix, and the partnership rule check. */
export function ProjectPartnershipSection({ project }: { project: TProject }) {
  const { t } = useTranslation('projects');
  const labels = useProjectLabels();
  const number = (value: number) => formatNumber(value, labels.language);
  const sectorMix = useMemo(() => countsByKey(project.partners.filter((partner) => !partner.leftOn), (partner) => partner.sector ?? 'unknown', (sector) => labels.sector(sector === 'unknown' ? null : sector)), [project.partners, labels]);
  return (
    <PrintableSection id="project-partnership" title={t('partnership.title')}>
      <DataTable
        caption={t('partnership.caption', { count: project.partners.length })}
        columns={[
          { key: 'name', header: t('partnership.organization'), isRowHeader: true, cell: (partner: TPartner) => partner.organizationName },
          { key: 'kind', header: t('partnership.kind'), cell: (partner) => labels.organizationKind(partner.organizationKind) },
          { key: 'role', header: t('partnership.role'), cell: (partner) => labels.role(partner.role) },
          { key: 'share', header: t('partnership.share'), isNumeric: true, cell: (partner) => t('partnership.percent', { value: number(partner.workSharePercent) }) },
          { key: 'joined', header: t('partnership.joined'), cell: (partner) => labels.day(partner.joinedOn) },
          { key: 'left', header: t('partnership.left'), cell: (partner) => labels.day(partner.leftOn) },
        ]}
        rows={project.partners}
        rowKey={(partner) => partner.id}
        emptyText={t('partnership.empty')}
      />
      <div className="row g-3">
        <div className="col-md-6">
          <h3 className="h5">{t('partnership.sectorMix')}</h3>
          {sectorMix.length === 0 ? (
            <p>{t('partnership.empty')}</p>
          ) : (
            <>
              <Suspense fallback={<Loading />}>
                <ProjectChart kind="doughnut" slices={sectorMix} ariaLabel={t('partnership.sectorMixChart')} formatValue={(value) => t('partnership.organizations', { count: value })} />
              </Suspense>
              <ul className="small">
                {sectorMix.map((slice) => (
                  <li key={slice.key}>{t('partnership.sectorItem', { sector: slice.label, count: slice.value, share: labels.basisPoints(Math.round(slice.share * 10_000)) })}</li>
                ))}
              </ul>
            </>
          )}
        </div>
        <div className="col-md-6">
          <h3 className="h5">{t('partnership.ruleTitle')}</h3>
          <p className={project.partnershipCheck.passed ? 'text-success' : 'text-danger'}>
            <strong>{project.partnershipCheck.passed ? t('partnership.rulePassed') : t('partnership.ruleFailed')}</strong>
          </p>
          <ul className="list-unstyled" aria-label={t('partnership.ruleTitle')}>
            {project.partnershipCheck.conditions.map((condition) => (
              <li key={condition.code}>
                <span aria-hidden="true">{condition.passed ? '✓' : '✗'}</span> {labels.condition(condition.code)}:{' '}
                {condition.passed ? t('partnership.conditionMet') : t('partnership.conditionNotMet')}
              </li>
            ))}
          </ul>
        </div>
      </div>
      {project.access.canEdit && <PartnerForm project={project} />}
    </PrintableSection>
  );
}

function PartnerForm({ project }: { project: TProject }) {
  const { t } = useTranslation('projects');
  const labels = useProjectLabels();
  const candidates = useQueries({
    queries: project.districts.map((district) => districtOrganizationsQuery(district.id)),
    combine: (results) => {
      const seen = new Map<string, string>();
      for (const result of results) for (const organization of result.data ?? []) seen.set(organization.id, organization.shortName ?? organization.legalName);
      return { isPending: results.some((result) => result.isPending), organizations: [...seen.entries()].sort((a, b) => a[1].localeCompare(b[1])) };
    },
  });
  const [organizationId, setOrganizationId] = useState('');
  const [role, setRole] = useState<PartnerRole>('partner');
  const [share, setShare] = useState('0');
  const [isChecked, setChecked] = useState(false);
  const add = useProjectMutation(project.id, (input: Parameters<typeof addPartner>[1]) => addPartner(project.id, input), () => {
    setOrganizationId('');
    setShare('0');
    setChecked(false);
  });
  const shareNumber = Number(share);
  const shareError = isChecked && !(/^\d{1,3}$/.test(share.trim()) && shareNumber <= 100) ? t('partnership.shareInvalid') : null;
  const available = candidates.organizations.filter(([id]) => !project.partners.some((partner) => partner.organizationId === id));
  return (
    <SectionForm
      id="partner-form"
      title={t('partnership.addTitle')}
      onSubmit={() => {
        setChecked(true);
        if (!organizationId || !(/^\d{1,3}$/.test(share.trim()) && shareNumber <= 100)) return;
        add.mutate({ organizationId, role, workSharePercent: shareNumber, joinedOn: null, leftOn: null });
      }}
    >
      <div className="row g-2">
        <SelectField id="partner-organization" label={t('partnership.organization')} value={organizationId} onChange={(event) => setOrganizationId(event.target.value)} isRequired className="col-md-6" error={isChecked && !organizationId ? t('form.requiredField') : null}>
          <option value="">{candidates.isPending ? t('form.loading') : t('form.choose')}</option>
          {available.map(([id, name]) => (
            <option key={id} value={id}>
              {name}
            </option>
          ))}
        </SelectField>
        <SelectField id="partner-role" label={t('partnership.role')} value={role} onChange={(event) => setRole(event.target.value as PartnerRole)} className="col-md-3">
          {PARTNER_ROLES.map((code) => (
            <option key={code} value={code}>
              {labels.role(code)}
            </option>
          ))}
        </SelectField>
        <TextField id="partner-share" label={t('partnership.shareField')} value={share} onChange={(event) => setShare(event.target.value)} inputMode="numeric" className="col-md-3" error={shareError} />
      </div>
      {add.isError && <ApiErrorAlert error={add.error} />}
      <Button type="submit" color="primary" disabled={add.isPending}>
        {t('partnership.add')}
      </Button>
    </SectionForm>
  );
}
