import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button } from 'design-react-kit';
import { CRITERION_KINDS } from '../../../common/domain/labels';
import { PageHeader } from '../../ui/page-header';
import { Loading } from '../../ui/loading';
import { SelectField, TextAreaField, TextField } from '../../ui/form-field';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { fieldText } from '../../app/error-messages';
import { paths } from '../../app/paths';
import { isDistrictCoordinator, isPlatformAdmin } from '../../app/access';
import { useSession } from '../../app/session';
import { districtsQuery } from '../districts';
import { draftMaxTotal, schemeDraftProblems, schemeRequestOf, type CriterionDraft, type SchemeDraft } from './label-rules';
import { labelPaths } from './label-paths';
import { assessorCandidatesQuery, createScheme } from './labels.queries';
import { useLabelWords } from './use-label-words';

const EMPTY_CRITERION: CriterionDraft = { description: '', evidenceRequired: '', kind: 'mandatory', maxScore: '' };

/** A new label scheme: who defines it (a district the person coordinates, or the Region for platform admins), criteria, threshold, validity, assessors. */
export function NewSchemePage() {
  const { t } = useTranslation('labels');
  const { t: tCommon } = useTranslation();
  return (
    <>
      <PageHeader title={t('new.title')} breadcrumbs={[{ label: tCommon('nav.home'), to: paths.home }, { label: t('list.title'), to: labelPaths.list }, { label: t('new.title') }]} lead={t('new.lead')} />
      <NewSchemeForm />
    </>
  );
}

function NewSchemeForm() {
  const { t } = useTranslation('labels');
  const { t: tCommon } = useTranslation();
  const { session } = useSession();
  const words = useLabelWords();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const districts = useQuery(districtsQuery);
  const choosable = (districts.data ?? []).filter((district) => isDistrictCoordinator(session, district.id));
  const isAdmin = isPlatformAdmin(session);
  const [draft, setDraft] = useState<SchemeDraft | null>(null);
  const defaultDistrictId = choosable[0]?.id ?? '';
  const current: SchemeDraft = draft ?? { districtId: defaultDistrictId, name: '', description: '', criteria: [{ ...EMPTY_CRITERION }], thresholdScore: '0', validityMonths: '24', assessorUserIds: [] };
  const [isChecked, setChecked] = useState(false);
  const candidates = useQuery({ ...assessorCandidatesQuery(current.districtId), enabled: districts.isSuccess && (current.districtId !== '' || isAdmin) });
  const create = useMutation({
    mutationFn: createScheme,
    onSuccess: (scheme) => {
      void queryClient.invalidateQueries({ queryKey: ['labels', 'schemes'] });
      void navigate(labelPaths.scheme(scheme.id));
    },
  });
  if (districts.isPending) return <Loading />;
  if (districts.isError) return <ApiErrorAlert error={districts.error} onRetry={() => void districts.refetch()} />;
  if (choosable.length === 0 && !isAdmin) return <p>{t('new.noDistrict')}</p>;

  const problems = isChecked ? schemeDraftProblems(current) : {};
  const problem = (path: string) => (problems[path] ? t(`new.problems.${problems[path]}`) : (fieldText(create.error, path, tCommon) ?? null));
  const update = (patch: Partial<SchemeDraft>) => setDraft({ ...current, ...patch });
  const updateCriterion = (index: number, patch: Partial<CriterionDraft>) => update({ criteria: current.criteria.map((criterion, at) => (at === index ? { ...criterion, ...patch } : criterion)) });

  return (
    <form
      aria-labelledby="new-scheme-heading"
      className="border rounded p-3 my-3"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setChecked(true);
        if (Object.keys(schemeDraftProblems(current)).length > 0) return;
        create.mutate(schemeRequestOf(current));
      }}
    >
      <h2 id="new-scheme-heading" className="h4">
        {t('new.formTitle')}
      </h2>
      <SelectField id="new-scheme-district" label={t('new.definedBy')} value={current.districtId} onChange={(event) => update({ districtId: event.target.value, assessorUserIds: [] })}>
        {choosable.map((district) => (
          <option key={district.id} value={district.id}>
            {district.name}
          </option>
        ))}
        {isAdmin && <option value="">{t('list.region')}</option>}
      </SelectField>
      <TextField id="new-scheme-name" label={t('new.name')} value={current.name} onChange={(event) => update({ name: event.target.value })} isRequired error={problem('name')} />
      <TextAreaField id="new-scheme-description" label={t('new.description')} value={current.description} onChange={(event) => update({ description: event.target.value })} rows={3} />

      <fieldset className="mb-3">
        <legend className="h5">{t('new.criteriaTitle')}</legend>
        {current.criteria.map((criterion, index) => (
          <fieldset key={index} className="border rounded p-2 mb-2">
            <legend className="h6 px-1 w-auto">{t('new.criterion', { number: index + 1 })}</legend>
            <TextField id={`criterion-${index}-description`} label={t('new.criterionDescription')} value={criterion.description} onChange={(event) => updateCriterion(index, { description: event.target.value })} isRequired error={problem(`criteria.${index}.description`)} />
            <TextField id={`criterion-${index}-evidence`} label={t('new.evidenceRequired')} value={criterion.evidenceRequired} onChange={(event) => updateCriterion(index, { evidenceRequired: event.target.value })} />
            <div className="row g-2">
              <SelectField id={`criterion-${index}-kind`} label={t('new.kind')} value={criterion.kind} onChange={(event) => updateCriterion(index, { kind: event.target.value as CriterionDraft['kind'] })} className="col-md-6">
                {CRITERION_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {words.kind(kind)}
                  </option>
                ))}
              </SelectField>
              {criterion.kind === 'scored' && (
                <TextField id={`criterion-${index}-max`} label={t('new.maxScore')} inputMode="numeric" value={criterion.maxScore} onChange={(event) => updateCriterion(index, { maxScore: event.target.value })} isRequired error={problem(`criteria.${index}.maxScore`)} className="col-md-6" />
              )}
            </div>
            {current.criteria.length > 1 && (
              <Button type="button" color="secondary" outline size="sm" onClick={() => update({ criteria: current.criteria.filter((_, at) => at !== index) })}>
                {t('new.removeCriterion', { number: index + 1 })}
              </Button>
            )}
          </fieldset>
        ))}
        <Button type="button" color="primary" outline size="sm" onClick={() => update({ criteria: [...current.criteria, { ...EMPTY_CRITERION }] })}>
          {t('new.addCriterion')}
        </Button>
      </fieldset>

      <div className="row g-2">
        <TextField id="new-scheme-threshold" label={t('new.threshold')} inputMode="numeric" value={current.thresholdScore} onChange={(event) => update({ thresholdScore: event.target.value })} help={t('new.thresholdHelp', { max: draftMaxTotal(current.criteria) })} error={problem('thresholdScore')} className="col-md-6" />
        <TextField id="new-scheme-validity" label={t('new.validityMonths')} inputMode="numeric" value={current.validityMonths} onChange={(event) => update({ validityMonths: event.target.value })} isRequired error={problem('validityMonths')} className="col-md-6" />
      </div>

      <fieldset className="mb-3" aria-describedby="new-scheme-assessors-help">
        <legend className="h5">{t('new.assessors')}</legend>
        <p id="new-scheme-assessors-help" className="form-text">
          {t('new.assessorsHelp')}
        </p>
        {candidates.isPending && candidates.fetchStatus !== 'idle' && <Loading />}
        {candidates.isError && <ApiErrorAlert error={candidates.error} />}
        {candidates.data?.length === 0 && <p>{t('new.noCandidates')}</p>}
        {candidates.data?.map((person) => (
          <div className="form-check" key={person.userId}>
            <input
              id={`assessor-${person.userId}`}
              type="checkbox"
              className="form-check-input"
              checked={current.assessorUserIds.includes(person.userId)}
              onChange={(event) => update({ assessorUserIds: event.target.checked ? [...current.assessorUserIds, person.userId] : current.assessorUserIds.filter((id) => id !== person.userId) })}
            />
            <label htmlFor={`assessor-${person.userId}`} className="form-check-label">
              {person.name}
            </label>
          </div>
        ))}
        {problem('assessorUserIds') && <div className="invalid-feedback d-block">{problem('assessorUserIds')}</div>}
      </fieldset>
      {create.isError && <ApiErrorAlert error={create.error} />}
      <Button type="submit" color="primary" disabled={create.isPending}>
        {t('new.create')}
      </Button>
    </form>
  );
}
