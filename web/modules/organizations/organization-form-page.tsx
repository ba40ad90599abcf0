import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button } from 'design-react-kit';
import { ORGANIZATION_KIND_CODES } from '../../../common/domain/organizations';
import { ORGANIZATION_SIZE_CLASSES } from '../../../common/domain/organization-registry';
import type { TOrganizationProfile } from '../../../common/contracts/organizations';
import { PageHeader } from '../../ui/page-header';
import { Loading } from '../../ui/loading';
import { SelectField, TextAreaField, TextField } from '../../ui/form-field';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { isApiError } from '../../app/api-client';
import { describeError, fieldText } from '../../app/error-messages';
import { paths } from '../../app/paths';
import { MunicipalityPicker, type PickedMunicipality } from '../territory';
import { createOrganization, organizationQuery, updateOrganization } from './organizations.queries';
import { toOrganizationBody, validateOrganizationForm, type FormProblem, type OrganizationFormValues } from './organization-form';
import { kindLabel, sizeLabel } from './organization-labels';

function valuesOf(o: TOrganizationProfile | null): OrganizationFormValues {
  return {
    legalName: o?.legalName ?? '', shortName: o?.shortName ?? '', kind: o?.kind ?? '', fiscalCode: o?.fiscalCode ?? '', vatNumber: o?.vatNumber ?? '',
    sizeClass: o?.sizeClass ?? '', activityCode: o?.activityCode ?? '', address: o?.address ?? '', postalCode: o?.postalCode ?? '',
    municipalityCode: o?.municipalityCode ?? '', website: o?.website ?? '', email: o?.email ?? '', pec: o?.pec ?? '',
    phone: o?.private?.phone ?? '', notes: o?.private?.notes ?? '', description: o?.description ?? '', tags: o?.tags.join(', ') ?? '',
    status: o?.status === 'dissolved' ? 'dissolved' : 'active',
  };
}

/** Create (no id in the URL) or edit an organization; problems are explained inline while typing, in Italian. */
export function OrganizationFormPage() {
  const { id } = useParams();
  const organization = useQuery({ ...organizationQuery(id ?? ''), enabled: Boolean(id) });
  if (id && organization.isPending) return <Loading />;
  if (id && organization.isError) return <ApiErrorAlert error={organization.error} />;
  return <OrganizationForm key={organization.data?.version ?? 'new'} organization={organization.data ?? null} />;
}

function OrganizationForm({ organization }: { organization: TOrganizationProfile | null }) {
  const { t } = useTranslation('organizations');
  const { t: tCommon } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [values, setValues] = useState(() => valuesOf(organization));
  const [municipality, setMunicipality] = useState<PickedMunicipality | null>(() =>
    organization?.municipalityCode ? { istatCode: organization.municipalityCode, name: organization.municipalityName ?? organization.municipalityCode } : null,
  );
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const problems = validateOrganizationForm(values);
  const canSeePrivate = organization === null || organization.private !== null;

  const mutation = useMutation({
    mutationFn: () => {
      const body = toOrganizationBody(values);
      // Someone who cannot read the private fields does not send them (and so cannot blank them by accident).
      const withPrivate = canSeePrivate ? body : { ...body, phone: undefined, notes: undefined };
      return organization ? updateOrganization(organization.id, { ...withPrivate, version: organization.version }) : createOrganization(withPrivate);
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(organizationQuery(saved.id).queryKey, saved);
      void queryClient.invalidateQueries({ queryKey: ['organizations', 'list'] });
      void navigate(paths.organization(saved.id));
    },
  });

  const message = (problem: FormProblem | undefined): string | undefined => {
    if (!problem) return undefined;
    switch (problem.key) {
      case 'tooShort': return t('form.tooShort', { min: problem.min });
      case 'fiscalCodeCheckDigit': return t('form.fiscalCodeCheckDigit', { expected: problem.expected, found: problem.found });
      case 'required': return t('form.required');
      default: return t(`form.${problem.key}`);
    }
  };
  const serverMessage = (field: string) => fieldText(mutation.error, field, tCommon);
  const errorOf = (field: keyof OrganizationFormValues) => ((submitted || touched.has(field)) ? message(problems[field]) : undefined) ?? serverMessage(field);
  const set = (field: keyof OrganizationFormValues) => (event: { target: { value: string } }) => {
    setValues((current) => ({ ...current, [field]: event.target.value }));
    setTouched((current) => new Set(current).add(field));
  };
  const duplicate = isApiError(mutation.error) && mutation.error.code === 'ORGANIZATIONS.DUPLICATE_FISCAL_CODE'
    ? (mutation.error.details as { existingOrganization?: { id: string; legalName: string } }).existingOrganization
    : undefined;
  const isStale = isApiError(mutation.error) && mutation.error.code === 'COMMON.STALE_VERSION';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    const first = Object.keys(problems)[0];
    if (first) {
      document.getElementById(`organization-${first}`)?.focus();
      return;
    }
    mutation.mutate();
  };

  const text = (field: keyof OrganizationFormValues, options: { isRequired?: boolean; help?: string; type?: string } = {}) => (
    <TextField id={`organization-${field}`} label={t(`form.${field}` as 'form.legalName')} value={values[field]} onChange={set(field)} onBlur={() => setTouched((c) => new Set(c).add(field))} error={errorOf(field)} {...options} />
  );
  const title = organization ? t('form.editTitle', { name: organization.legalName }) : t('form.createTitle');

  return (
    <>
      <PageHeader title={title} breadcrumbs={[{ label: tCommon('nav.home'), to: paths.home }, { label: t('directory.title'), to: paths.organizations }, { label: title }]} />
      <form onSubmit={submit} noValidate>
        {submitted && Object.keys(problems).length > 0 && <Alert fade={false} color="danger" role="alert">{t('form.fixErrors')}</Alert>}
        {duplicate && (
          <Alert fade={false} color="warning" role="alert">
            {t('form.duplicate')} <Link to={paths.organization(duplicate.id)}>{duplicate.legalName}</Link>
          </Alert>
        )}
        {isStale && (
          <Alert fade={false} color="warning" role="alert">
            <p className="mb-2">{t('form.stale')}</p>
            <Button color="primary" size="sm" onClick={() => organization && void queryClient.invalidateQueries({ queryKey: organizationQuery(organization.id).queryKey })}>{t('form.reload')}</Button>
          </Alert>
        )}
        {mutation.isError && !duplicate && !isStale && <Alert fade={false} color="danger" role="alert">{describeError(mutation.error, tCommon)}</Alert>}
        <div className="row">
          <div className="col-md-8">{text('legalName', { isRequired: true })}</div>
          <div className="col-md-4">{text('shortName')}</div>
          <div className="col-md-6">
            <SelectField id="organization-kind" label={t('form.kind')} isRequired value={values.kind} onChange={set('kind')} error={errorOf('kind')}>
              <option value="">{t('form.chooseKind')}</option>
              {ORGANIZATION_KIND_CODES.map((code) => <option key={code} value={code}>{kindLabel(t, code)}</option>)}
            </SelectField>
          </div>
          <div className="col-md-6">
            <SelectField id="organization-sizeClass" label={t('form.sizeClass')} value={values.sizeClass} onChange={set('sizeClass')}>
              <option value="">{t('form.noSize')}</option>
              {ORGANIZATION_SIZE_CLASSES.map((code) => <option key={code} value={code}>{sizeLabel(t, code)}</option>)}
            </SelectField>
          </div>
          <div className="col-md-6">{text('fiscalCode', { help: t('form.fiscalCodeHelp') })}</div>
          <div className="col-md-6">{text('vatNumber')}</div>
          <div className="col-md-4">{text('activityCode', { help: t('form.activityCodeHelp') })}</div>
          <div className="col-md-8">{text('address')}</div>
          <div className="col-md-4">{text('postalCode')}</div>
          <div className="col-md-8">
            {/* The municipality is chosen by its name; the form keeps its ISTAT code for the server. */}
            <MunicipalityPicker
              id="organization-municipalityCode"
              label={t('form.municipalityCode')}
              help={t('form.municipalityCodeHelp')}
              error={errorOf('municipalityCode')}
              value={municipality}
              onChange={(picked) => {
                setMunicipality(picked);
                setValues((current) => ({ ...current, municipalityCode: picked?.istatCode ?? '' }));
                setTouched((current) => new Set(current).add('municipalityCode'));
              }}
            />
          </div>
          <div className="col-md-4">{text('website', { type: 'url' })}</div>
          <div className="col-md-4">{text('email', { type: 'email' })}</div>
          <div className="col-md-4">{text('pec', { type: 'email' })}</div>
          <div className="col-12">
            <TextAreaField id="organization-description" label={t('form.description')} rows={4} value={values.description} onChange={set('description')} />
          </div>
          <div className="col-md-8">{text('tags', { help: t('form.tagsHelp') })}</div>
          <div className="col-md-4">
            <SelectField id="organization-status" label={t('form.status')} value={values.status} onChange={set('status')}>
              <option value="active">{t('statuses.active')}</option>
              <option value="dissolved">{t('statuses.dissolved')}</option>
            </SelectField>
          </div>
          {canSeePrivate && (
            <>
              <div className="col-md-4">{text('phone', { type: 'tel' })}</div>
              <div className="col-12">
                <TextAreaField id="organization-notes" label={t('form.notes')} rows={3} value={values.notes} onChange={set('notes')} />
              </div>
            </>
          )}
        </div>
        <Button type="submit" color="primary" disabled={mutation.isPending}>{mutation.isPending ? t('form.saving') : t('form.save')}</Button>
      </form>
    </>
  );
}
