import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button, Col, Row } from 'design-react-kit';
import type { TNeed } from '../../../common/contracts/needs';
import type { TDistrict } from '../../../common/contracts/districts';
import { TARGET_GROUPS } from '../../../common/domain/services';
import { fieldsOf, isApiError } from '../../app/api-client';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { useSession } from '../../app/session';
import { SelectField, TextAreaField, TextField } from '../../ui/form-field';
import { createNeed } from './needs.queries';
import { useCategoryLabel } from './use-category-label';

/**
 * Manual entry: coordinators for any member (or anonymously), members for their own organizations. It stands at the top
 * of the register, closed behind one button so the map and the list stay in view until someone records a need.
 */
export function NeedForm({ district, canSeeAll }: { district: TDistrict; canSeeAll: boolean }) {
  const { t } = useTranslation('needs');
  const { t: ts } = useTranslation('services');
  const { session } = useSession();
  const queryClient = useQueryClient();
  const categories = useCategoryLabel();
  const ownOrganizations = new Set((session.roles ?? []).filter((grant) => grant.scopeType === 'organization').map((grant) => grant.scopeId));
  const organizations = canSeeAll ? district.members : district.members.filter((member) => ownOrganizations.has(member.organizationId));
  const empty = { organizationId: organizations[0]?.organizationId ?? '', categoryCode: '', targetGroup: '', municipalityCode: '', peopleCount: '1', relevance: '', description: '' };
  const [form, setForm] = useState(empty);
  const [saved, setSaved] = useState(false);
  const [isOpen, setOpen] = useState(false);
  const mutation = useMutation({
    mutationFn: () =>
      createNeed({
        districtId: district.id,
        organizationId: form.organizationId || null,
        categoryCode: form.categoryCode,
        targetGroup: form.targetGroup as TNeed['targetGroup'] & (typeof TARGET_GROUPS)[number],
        municipalityCode: form.municipalityCode,
        peopleCount: Number(form.peopleCount),
        relevance: form.relevance ? Number(form.relevance) : null,
        description: form.description,
      }),
    onSuccess: () => {
      setSaved(true);
      setForm(empty);
      void queryClient.invalidateQueries({ queryKey: ['needs'] });
    },
  });
  if (!canSeeAll && organizations.length === 0) return null;
  const fields = isApiError(mutation.error) ? fieldsOf(mutation.error.details) : [];
  // The contract's checks name a field `body.<field>`, the use case's `<field>`: either way the field shows it. The
  // server's reasons are for developers (in English); each field says what to do, in the person's language.
  const fieldPaths = new Set(fields.map((field) => field.path.replace(/^body\./, '')));
  const errorOf = (path: keyof typeof empty) => (fieldPaths.has(path) ? t(`form.errors.${path}`) : undefined);
  const hasFieldError = [...fieldPaths].some((path) => path in empty);
  const set = (key: keyof typeof empty) => (event: { target: { value: string } }) => {
    setSaved(false);
    setForm({ ...form, [key]: event.target.value });
  };
  return (
    <section aria-labelledby="need-form-heading" className="mb-4">
      <h2 id="need-form-heading" className="h4 mb-3">
        {t('form.title')}
      </h2>
      <Button color="primary" outline={isOpen} className="mb-3" aria-expanded={isOpen} aria-controls="need-form" onClick={() => setOpen((open) => !open)}>
        {isOpen ? t('form.hide') : t('form.show')}
      </Button>
      <form
        id="need-form"
        hidden={!isOpen}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          mutation.mutate();
        }}
      >
        <Row>
          <Col md={6}>
            <SelectField id="need-organization" label={t('form.organization')} value={form.organizationId} onChange={set('organizationId')} error={errorOf('organizationId')}>
              {canSeeAll && <option value="">{t('form.anonymous')}</option>}
              {organizations.map((member) => (
                <option key={member.organizationId} value={member.organizationId}>
                  {member.name}
                </option>
              ))}
            </SelectField>
          </Col>
          <Col md={6}>
            <SelectField id="need-category" label={t('form.category')} isRequired value={form.categoryCode} onChange={set('categoryCode')} error={errorOf('categoryCode')}>
              <option value="">{t('form.choose')}</option>
              {categories.terms
                .filter((term) => term.parentId !== null)
                .map((term) => (
                  <option key={term.code} value={term.code}>
                    {categories.label(term.code)}
                  </option>
                ))}
            </SelectField>
          </Col>
          <Col md={6}>
            <SelectField id="need-target" label={t('form.targetGroup')} isRequired value={form.targetGroup} onChange={set('targetGroup')} error={errorOf('targetGroup')}>
              <option value="">{t('form.choose')}</option>
              {TARGET_GROUPS.map((group) => (
                <option key={group} value={group}>
                  {ts(`targetGroups.${group}`)}
                </option>
              ))}
            </SelectField>
          </Col>
          <Col md={6}>
            <SelectField id="need-municipality" label={t('form.municipality')} isRequired value={form.municipalityCode} onChange={set('municipalityCode')} error={errorOf('municipalityCode')}>
              <option value="">{t('form.choose')}</option>
              {district.municipalities.map((m) => (
                <option key={m.istatCode} value={m.istatCode}>
                  {m.name}
                </option>
              ))}
            </SelectField>
          </Col>
          <Col md={3}>
            <TextField id="need-people" type="number" min={1} label={t('form.peopleCount')} value={form.peopleCount} onChange={set('peopleCount')} error={errorOf('peopleCount')} />
          </Col>
          <Col md={3}>
            <SelectField id="need-relevance" label={t('form.relevance')} value={form.relevance} onChange={set('relevance')} error={errorOf('relevance')}>
              <option value="">{t('form.relevanceNone')}</option>
              {[1, 2, 3, 4, 5].map((value) => (
                <option key={value} value={String(value)}>
                  {value}
                </option>
              ))}
            </SelectField>
          </Col>
          <Col md={12}>
            <TextAreaField id="need-description" label={t('form.description')} help={t('form.descriptionHelp')} value={form.description} onChange={set('description')} error={errorOf('description')} rows={3} />
          </Col>
        </Row>
        {mutation.isError && !hasFieldError && <ApiErrorAlert error={mutation.error} />}
        {saved && (
          <p role="status" className="text-success">
            {t('form.saved')}
          </p>
        )}
        <Button color="primary" type="submit" disabled={mutation.isPending}>
          {t('form.submit')}
        </Button>
      </form>
    </section>
  );
}
