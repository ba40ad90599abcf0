import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button } from 'design-react-kit';
import type { TDistrict } from '../../../common/contracts/districts';
import { TextAreaField, TextField } from '../../ui/form-field';
import { isApiError } from '../../app/api-client';
import { describeError, fieldText } from '../../app/error-messages';
import { districtQuery, districtsQuery, updateDistrict } from './districts.queries';
import { DISTRICT_DESCRIPTION_MAX, DISTRICT_NAME_MAX, DISTRICT_NAME_MIN, validateDistrictForm } from './district-form';

interface FieldErrors {
  name?: string;
  description?: string;
}

/**
 * Edit name and description. Sends the version it started from; if someone saved in between the server
 * answers 409 and we ask to reload instead of overwriting their work.
 */
export function DistrictEditForm({ district, onSaved }: { district: TDistrict; onSaved: (updated: TDistrict) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState(district.name);
  const [description, setDescription] = useState(district.description);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  const mutation = useMutation({
    mutationFn: () =>
      updateDistrict(district.id, { name: name.trim(), description: description.trim(), version: district.version }),
    onSuccess: (updated) => {
      queryClient.setQueryData(districtQuery(district.id).queryKey, updated);
      void queryClient.invalidateQueries({ queryKey: districtsQuery.queryKey, exact: true });
      onSaved(updated);
    },
    onError: (error) => {
      if (isApiError(error) && error.fields.length > 0) {
        setFieldErrors({ name: fieldText(error, 'name', t), description: fieldText(error, 'description', t) });
      }
    },
  });

  const isStale = isApiError(mutation.error) && mutation.error.code === 'COMMON.STALE_VERSION';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = validateDistrictForm(name, description);
    const errors: FieldErrors = {
      name: problems.name === 'tooShort'
        ? t('districts.edit.nameTooShort', { min: DISTRICT_NAME_MIN })
        : problems.name === 'tooLong'
          ? t('districts.edit.nameTooLong', { max: DISTRICT_NAME_MAX })
          : undefined,
      description: problems.description ? t('districts.edit.descriptionTooLong', { max: DISTRICT_DESCRIPTION_MAX }) : undefined,
    };
    setFieldErrors(errors);
    if (errors.name || errors.description) {
      document.getElementById(errors.name ? 'district-name' : 'district-description')?.focus();
      return;
    }
    mutation.mutate();
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="district-edit-heading">
      {isStale ? (
        <Alert fade={false} color="warning" role="alert">
          <p className="mb-2">{t('districts.edit.stale')}</p>
          <Button
            color="primary"
            size="sm"
            onClick={() => void queryClient.invalidateQueries({ queryKey: districtQuery(district.id).queryKey })}
          >
            {t('districts.edit.reload')}
          </Button>
        </Alert>
      ) : (
        mutation.isError && (
          <Alert fade={false} color="danger" role="alert">
            {describeError(mutation.error, t)}
          </Alert>
        )
      )}
      <TextField
        id="district-name"
        label={t('districts.edit.name')}
        value={name}
        isRequired
        maxLength={DISTRICT_NAME_MAX}
        error={fieldErrors.name}
        onChange={(event) => setName(event.target.value)}
      />
      <TextAreaField
        id="district-description"
        label={t('districts.edit.description')}
        value={description}
        rows={5}
        maxLength={DISTRICT_DESCRIPTION_MAX}
        error={fieldErrors.description}
        help={t('districts.edit.descriptionHelp', { max: DISTRICT_DESCRIPTION_MAX })}
        onChange={(event) => setDescription(event.target.value)}
      />
      <Button type="submit" color="primary" disabled={mutation.isPending || isStale}>
        {mutation.isPending ? t('ui.saving') : t('ui.save')}
      </Button>
    </form>
  );
}
