import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button } from 'design-react-kit';
import type { TLabelScheme } from '../../../common/contracts/labels';
import { PageHeader } from '../../ui/page-header';
import { Loading } from '../../ui/loading';
import { SelectField } from '../../ui/form-field';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { paths } from '../../app/paths';
import { useSession } from '../../app/session';
import { labelPaths } from './label-paths';
import { applyForLabel, schemeQuery } from './labels.queries';
import { useLabelWords } from './use-label-words';

/** One label scheme: who defines it, its criteria, threshold, validity and assessors; "apply" for the organizations the person administers. */
export function SchemePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('labels');
  const { t: tCommon } = useTranslation();
  const words = useLabelWords();
  const scheme = useQuery(schemeQuery(id));
  if (scheme.isPending) return <Loading />;
  if (scheme.isError) return <ApiErrorAlert error={scheme.error} onRetry={() => void scheme.refetch()} />;
  const s = scheme.data;
  return (
    <>
      <PageHeader
        title={s.name}
        breadcrumbs={[{ label: tCommon('nav.home'), to: paths.home }, { label: t('list.title'), to: labelPaths.list }, { label: s.name }]}
        lead={s.districtName ? t('scheme.definedByDistrict', { district: s.districtName }) : t('scheme.definedByRegion')}
      />
      {s.description && <p>{s.description}</p>}
      <section aria-labelledby="scheme-facts-heading">
        <h2 id="scheme-facts-heading" className="h4">
          {t('scheme.facts')}
        </h2>
        <ul>
          <li>{t('scheme.validity', { validity: words.validity(s.validityMonths) })}</li>
          <li>{s.thresholdScore > 0 ? t('scheme.threshold', { threshold: s.thresholdScore, max: s.maxTotalScore }) : t('scheme.onlyMandatory')}</li>
          <li>{t('scheme.validLabels', { count: s.validLabelCount })}</li>
        </ul>
      </section>
      <section aria-labelledby="scheme-criteria-heading">
        <h2 id="scheme-criteria-heading" className="h4">
          {t('scheme.criteria')}
        </h2>
        <ol>
          {s.criteria.map((criterion) => (
            <li key={criterion.id} className="mb-2">
              {criterion.description}{' '}
              <span className="text-muted">
                ({words.kind(criterion.kind)}
                {criterion.maxScore !== null && `, ${t('scheme.upTo', { count: criterion.maxScore })}`})
              </span>
              {criterion.evidenceRequired && <div className="small">{t('scheme.evidence', { text: criterion.evidenceRequired })}</div>}
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="scheme-assessors-heading">
        <h2 id="scheme-assessors-heading" className="h4">
          {t('scheme.assessors')}
        </h2>
        <p>{s.assessors.map((assessor) => assessor.name).join(', ')}</p>
      </section>
      <ApplyForm scheme={s} />
    </>
  );
}

function ApplyForm({ scheme }: { scheme: TLabelScheme }) {
  const { t } = useTranslation('labels');
  const { session } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const administered = session.roles.filter((grant) => grant.role === 'organization_admin' && grant.scopeId !== null);
  const [organizationId, setOrganizationId] = useState('');
  const chosen = organizationId || administered[0]?.scopeId || '';
  const apply = useMutation({
    mutationFn: applyForLabel,
    onSuccess: (application) => {
      void queryClient.invalidateQueries({ queryKey: ['labels', 'applications'] });
      void navigate(labelPaths.application(application.id));
    },
  });
  return (
    <section aria-labelledby="scheme-apply-heading" className="border-top pt-3 mt-4">
      <h2 id="scheme-apply-heading" className="h4">
        {t('scheme.applyTitle')}
      </h2>
      {administered.length === 0 ? (
        <p>{t('scheme.noOrganization')}</p>
      ) : (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            apply.mutate({ schemeId: scheme.id, organizationId: chosen });
          }}
        >
          <SelectField id="apply-organization" label={t('scheme.applyFor')} value={chosen} onChange={(event) => setOrganizationId(event.target.value)}>
            {administered.map((grant) => (
              <option key={grant.scopeId} value={grant.scopeId!}>
                {grant.scopeName ?? grant.scopeId}
              </option>
            ))}
          </SelectField>
          {apply.isError && <ApiErrorAlert error={apply.error} />}
          <Button type="submit" color="primary" disabled={apply.isPending}>
            {t('scheme.apply')}
          </Button>
        </form>
      )}
    </section>
  );
}
