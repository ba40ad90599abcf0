import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button, Col, Row } from 'design-react-kit';
import type { TNeed } from '../../../common/contracts/needs';
import { NEED_STATUSES, canChangeNeedStatus, type NeedStatus } from '../../../common/domain/needs';
import { fieldsOf, isApiError } from '../../app/api-client';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { SelectField } from '../../ui/form-field';
import { Loading } from '../../ui/loading';
import { answeringServicesQuery, changeNeedStatus } from './needs.queries';

/** A need's next status (only the moves the domain allows); "answered by a service" asks which one. */
export function NeedStatusForm({ need, categoryLabel, onDone }: { need: TNeed; categoryLabel: string; onDone: () => void }) {
  const { t } = useTranslation('needs');
  const queryClient = useQueryClient();
  const targets = NEED_STATUSES.filter((status) => canChangeNeedStatus(need.status, status));
  const [status, setStatus] = useState<NeedStatus>(targets[0]!);
  const [serviceId, setServiceId] = useState('');
  const services = useQuery({ ...answeringServicesQuery(need.categoryCode, need.municipalityCode), enabled: status === 'answered_by_service' });
  const mutation = useMutation({
    mutationFn: () => changeNeedStatus(need.id, { version: need.version, status, answeredByServiceId: status === 'answered_by_service' ? serviceId || null : null }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['needs'] });
      onDone();
    },
  });
  // The server's reason is for developers (in English); the person is told what to do, in their language.
  const fieldError = isApiError(mutation.error) && fieldsOf(mutation.error.details).some((field) => field.path === 'answeredByServiceId' || field.path === 'body.answeredByServiceId') ? t('status.serviceError') : undefined;
  return (
    <form
      className="p-2"
      onSubmit={(event) => {
        event.preventDefault();
        mutation.mutate();
      }}
    >
      <Row>
        <Col md={5}>
          <SelectField id={`need-status-${need.id}`} label={t('status.newStatus', { category: categoryLabel, municipality: need.municipalityName })} value={status} onChange={(event) => setStatus(event.target.value as NeedStatus)}>
            {targets.map((target) => (
              <option key={target} value={target}>
                {t(`statuses.${target}`)}
              </option>
            ))}
          </SelectField>
        </Col>
        {status === 'answered_by_service' && (
          <Col md={5}>
            {services.isPending ? (
              <Loading />
            ) : services.data && services.data.length === 0 ? (
              <p className="small">{t('status.noServices')}</p>
            ) : (
              <SelectField id={`need-service-${need.id}`} label={t('status.service')} help={t('status.serviceHelp')} error={fieldError} isRequired value={serviceId} onChange={(event) => setServiceId(event.target.value)}>
                <option value="">{t('status.choose')}</option>
                {(services.data ?? []).map((service) => (
                  <option key={service.id} value={service.id}>
                    {service.name} — {service.provider.name}
                  </option>
                ))}
              </SelectField>
            )}
          </Col>
        )}
      </Row>
      {mutation.isError && !fieldError && <ApiErrorAlert error={mutation.error} />}
      <Button color="primary" size="sm" type="submit" disabled={mutation.isPending}>
        {t('status.save')}
      </Button>{' '}
      <Button color="secondary" outline size="sm" type="button" onClick={onDone}>
        {t('status.cancel')}
      </Button>
    </form>
  );
}
