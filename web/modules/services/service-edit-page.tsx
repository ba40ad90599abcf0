import { useEffect, useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Col, Row } from 'design-react-kit';
import type { TService } from '../../../common/contracts/services';
import { COST_KINDS, OPEN_TO, SERVICE_STATUSES, TARGET_GROUPS } from '../../../common/domain/services';
import { moneyLocaleOf } from '../../../common/domain/money';
import { PageHeader } from '../../ui/page-header';
import { Loading } from '../../ui/loading';
import { Notice } from '../../ui/notice';
import { SelectField, TextAreaField, TextField } from '../../ui/form-field';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { fieldText } from '../../app/error-messages';
import { useSession } from '../../app/session';
import { paths } from '../../app/paths';
import { MunicipalityPicker } from '../territory';
import { emptyServiceForm, serviceFormOf, toServiceInput, type ServiceFormProblems, type ServiceFormValues } from './service-form';
import { servicePaths } from './service-paths';
import { useServiceLabels } from './service-labels';
import { createService, serviceQuery, taxonomyQuery, updateService } from './services.queries';

/** Edit an existing service (`/servizi/scheda/:id/modifica`). */
export function ServiceEditPage() {
  const { id = '' } = useParams();
  const service = useQuery(serviceQuery(id));
  if (service.isPending) return <Loading />;
  if (service.isError) return <ApiErrorAlert error={service.error} onRetry={() => void service.refetch()} />;
  return <ServiceForm service={service.data} />;
}

/** Publish a new service for one of the organizations the visitor belongs to (`/servizi/nuovo`). */
export function ServiceCreatePage() {
  return <ServiceForm service={null} />;
}

function ServiceForm({ service }: { service: TService | null }) {
  const { t, i18n } = useTranslation('services');
  const { t: tCommon } = useTranslation();
  const labels = useServiceLabels();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { session } = useSession();
  const taxonomy = useQuery(taxonomyQuery);
  const organizations = (session?.roles ?? []).filter((grant) => grant.scopeType === 'organization' && grant.scopeId);
  const [organizationId, setOrganizationId] = useState(organizations[0]?.scopeId ?? '');
  const [values, setValues] = useState<ServiceFormValues>(service ? serviceFormOf(service, moneyLocaleOf(i18n.language)) : emptyServiceForm());
  const [problems, setProblems] = useState<ServiceFormProblems>({});
  useEffect(() => {
    if (!organizationId && organizations[0]?.scopeId) setOrganizationId(organizations[0].scopeId);
  }, [organizationId, organizations]);

  const set = <K extends keyof ServiceFormValues>(key: K, value: ServiceFormValues[K]) => setValues((current) => ({ ...current, [key]: value }));
  const toggle = <K extends 'categoryCodes' | 'targetGroups' | 'openTo'>(key: K, item: ServiceFormValues[K][number]) =>
    setValues((current) => {
      const list = current[key] as string[];
      return { ...current, [key]: list.includes(item) ? list.filter((x) => x !== item) : [...list, item] };
    });

  const save = useMutation({
    mutationFn: (input: NonNullable<ReturnType<typeof toServiceInput>['input']>) =>
      service ? updateService(service.id, { ...input, version: service.version }) : createService({ ...input, organizationId }),
    onSuccess: (saved) => {
      queryClient.setQueryData(serviceQuery(saved.id).queryKey, saved);
      void queryClient.invalidateQueries({ queryKey: ['services', 'search'] });
      navigate(servicePaths.service(saved.id));
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { input, problems: found } = toServiceInput(values);
    setProblems(found);
    if (!input) {
      document.getElementById(`service-${Object.keys(found)[0]}`)?.focus();
      return;
    }
    save.mutate(input);
  };
  // A field's problem in words; "2.600" gets its own (thousands or cents?), not the field's "two decimals at most".
  const problem = (key: keyof ServiceFormProblems) => {
    if (!problems[key]) return fieldText(save.error, key, tCommon);
    return key === 'costAmount' && problems[key] === 'grouping' ? t('edit.problemKinds.costAmount.grouping') : t(`edit.problems.${key}`);
  };
  const title = service ? t('edit.titleEdit', { name: service.name }) : t('edit.titleCreate');
  const terms = taxonomy.data ?? [];

  return (
    <>
      <PageHeader title={title} breadcrumbs={[{ label: tCommon('nav.home'), to: paths.home }, { label: t('search.title'), to: servicePaths.search }, { label: title }]} />
      {!service && organizations.length === 0 && <Notice color="info" role="note">{t('edit.noOrganization')}</Notice>}
      {save.isError && <ApiErrorAlert error={save.error} />}
      <form onSubmit={submit} noValidate>
        {!service && organizations.length > 0 && (
          <SelectField id="service-organization" label={t('edit.organization')} value={organizationId} onChange={(event) => setOrganizationId(event.target.value)}>
            {organizations.map((grant) => (
              <option key={grant.scopeId} value={grant.scopeId ?? ''}>
                {grant.scopeName ?? grant.scopeId}
              </option>
            ))}
          </SelectField>
        )}
        <TextField id="service-name" label={t('edit.name')} isRequired value={values.name} error={problem('name')} onChange={(e) => set('name', e.target.value)} />
        <TextAreaField id="service-description" label={t('service.description')} rows={4} value={values.description} onChange={(e) => set('description', e.target.value)} />
        <TextAreaField id="service-access" label={t('card.access')} rows={2} value={values.howToAccess} onChange={(e) => set('howToAccess', e.target.value)} />
        <fieldset className="mb-3">
          <legend className="h6">{t('service.categories')}</legend>
          <Row>
            {terms.filter((term) => term.parentId !== null).map((term) => (
              <Col md={6} key={term.id}>
                <div className="form-check">
                  <input id={`category-${term.code}`} type="checkbox" checked={values.categoryCodes.includes(term.code)} onChange={() => toggle('categoryCodes', term.code)} />
                  <label htmlFor={`category-${term.code}`}>
                    {labels.category(terms.find((parent) => parent.id === term.parentId) ?? term)} › {labels.category(term)}
                  </label>
                </div>
              </Col>
            ))}
          </Row>
        </fieldset>
        <fieldset className="mb-3">
          <legend className="h6">{t('service.forWhom')}</legend>
          {TARGET_GROUPS.map((group) => (
            <div className="form-check form-check-inline" key={group}>
              <input id={`target-${group}`} type="checkbox" checked={values.targetGroups.includes(group)} onChange={() => toggle('targetGroups', group)} />
              <label htmlFor={`target-${group}`}>{t(`targetGroups.${group}`)}</label>
            </div>
          ))}
        </fieldset>
        <fieldset className="mb-3">
          <legend className="h6">{t('service.openTo')}</legend>
          {OPEN_TO.map((audience) => (
            <div className="form-check form-check-inline" key={audience}>
              <input id={`open-${audience}`} type="checkbox" checked={values.openTo.includes(audience)} onChange={() => toggle('openTo', audience)} />
              <label htmlFor={`open-${audience}`}>{t(`openTo.${audience}`)}</label>
            </div>
          ))}
        </fieldset>
        <Row>
          <Col md={4}>
            <SelectField id="service-cost-kind" label={t('card.cost')} value={values.costKind} onChange={(e) => set('costKind', e.target.value as ServiceFormValues['costKind'])}>
              {COST_KINDS.map((kind) => <option key={kind} value={kind}>{t(`costKinds.${kind}`)}</option>)}
            </SelectField>
          </Col>
          <Col md={4}>
            <TextField id="service-costAmount" label={t('edit.costAmount')} inputMode="decimal" value={values.costAmount} error={problem('costAmount') ?? fieldText(save.error, 'costCents', tCommon)} onChange={(e) => set('costAmount', e.target.value)} />
          </Col>
          <Col md={4}>
            <TextField id="service-cost-description" label={t('edit.costDescription')} value={values.costDescription} onChange={(e) => set('costDescription', e.target.value)} />
          </Col>
          <Col md={4}>
            <TextField id="service-capacityTotal" label={t('edit.capacityTotal')} inputMode="numeric" value={values.capacityTotal} error={problem('capacityTotal')} onChange={(e) => set('capacityTotal', e.target.value)} />
          </Col>
          <Col md={4}>
            <TextField id="service-capacityFree" label={t('edit.capacityFree')} inputMode="numeric" value={values.capacityFree} error={problem('capacityFree')} onChange={(e) => set('capacityFree', e.target.value)} />
          </Col>
          <Col md={4}>
            <SelectField id="service-capacity-unit" label={t('edit.capacityUnit')} value={values.capacityUnit} onChange={(e) => set('capacityUnit', e.target.value as 'places' | 'hours')}>
              <option value="places">{t('units.places')}</option>
              <option value="hours">{t('units.hours')}</option>
            </SelectField>
          </Col>
          <Col md={6}>
            <TextField id="service-schedule" label={t('edit.schedule')} help={t('edit.scheduleHelp')} value={values.schedule} error={problem('schedule')} onChange={(e) => set('schedule', e.target.value)} />
          </Col>
          <Col md={3}>
            <TextField id="service-minimumAge" label={t('edit.minimumAge')} inputMode="numeric" value={values.minimumAge} error={problem('minimumAge')} onChange={(e) => set('minimumAge', e.target.value)} />
          </Col>
          <Col md={3}>
            <TextField id="service-maximumAge" label={t('edit.maximumAge')} inputMode="numeric" value={values.maximumAge} error={problem('maximumAge')} onChange={(e) => set('maximumAge', e.target.value)} />
          </Col>
        </Row>
        <TextAreaField id="service-eligibility" label={t('service.eligibility')} rows={2} value={values.eligibilityDescription} onChange={(e) => set('eligibilityDescription', e.target.value)} />
        <fieldset className="mb-3">
          <legend className="h6">{t('edit.location')}</legend>
          <Row>
            <Col md={4}>
              <TextField id="service-locationName" label={t('edit.locationName')} value={values.locationName} error={problem('locationName')} onChange={(e) => set('locationName', e.target.value)} />
            </Col>
            <Col md={4}>
              <TextField id="service-location-address" label={t('edit.locationAddress')} value={values.locationAddress} onChange={(e) => set('locationAddress', e.target.value)} />
            </Col>
            <Col md={4}>
              <MunicipalityPicker id="service-location-municipality" label={t('edit.locationMunicipality')} value={values.locationMunicipality} onChange={(m) => set('locationMunicipality', m)} />
            </Col>
          </Row>
        </fieldset>
        <Row>
          <Col md={4}>
            <TextField id="service-phone" label={t('service.phone')} value={values.phone} onChange={(e) => set('phone', e.target.value)} />
          </Col>
          <Col md={4}>
            <TextField id="service-email" type="email" label={t('service.email')} value={values.email} onChange={(e) => set('email', e.target.value)} />
          </Col>
          <Col md={4}>
            <TextField id="service-url" type="url" label={t('service.website')} value={values.url} onChange={(e) => set('url', e.target.value)} />
          </Col>
        </Row>
        {service && (
          <SelectField id="service-status" label={t('edit.status')} value={values.status} onChange={(e) => set('status', e.target.value as ServiceFormValues['status'])}>
            {SERVICE_STATUSES.map((status) => <option key={status} value={status}>{t(`statuses.${status}`)}</option>)}
          </SelectField>
        )}
        <p className="form-text">{t('edit.confirmsToday')}</p>
        <Button type="submit" color="primary" disabled={save.isPending || (!service && !organizationId)}>
          {save.isPending ? tCommon('ui.saving') : tCommon('ui.save')}
        </Button>
      </form>
    </>
  );
}
