import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button } from 'design-react-kit';
import { z } from 'zod';
import { ZZone, type TZoning } from '../../../common/contracts/zonings';
import { api } from '../../app/api-client';
import { describeError } from '../../app/error-messages';
import { SelectField, TextField } from '../../ui/form-field';
import { useDebouncedValue } from '../../ui/use-debounced-value';
import { zoningQuery } from './zonings.queries';

// Only the fields this form needs from the organizations directory (its full contract belongs to that module).
const ZOrganizationChoices = z.object({ items: z.array(z.object({ id: z.string(), legalName: z.string(), shortName: z.string().nullable() })) });

/** Platform admins: set (or clear) the organization that runs a zone — the health authority, the social-services body, … */
export function ZoneOperatorForm({ zoning }: { zoning: TZoning }) {
  const { t } = useTranslation('zonings');
  const { t: tc } = useTranslation();
  const queryClient = useQueryClient();
  const [zoneId, setZoneId] = useState('');
  const [search, setSearch] = useState('');
  const [organizationId, setOrganizationId] = useState('');
  const query = useDebouncedValue(search.trim(), 300);
  const choices = useQuery({
    queryKey: ['organizations', 'choices', query],
    queryFn: ({ signal }) => api.get('/api/organizations', ZOrganizationChoices, { signal, query: { q: query, limit: 20 } }),
    enabled: query.length >= 2,
  });
  const zone = zoning.zones.find((z) => z.id === zoneId);
  const mutation = useMutation({
    mutationFn: () => api.patch(`/api/zonings/${zoning.id}/zones/${zoneId}`, ZZone, { operatingOrganizationId: organizationId || null, version: zone!.version }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: zoningQuery(zoning.id).queryKey }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (zone) mutation.mutate();
  };
  return (
    <form onSubmit={submit} noValidate className="edit-panel mt-5" aria-labelledby="zone-operator-heading">
      <h2 id="zone-operator-heading" className="h4">{t('operator.title')}</h2>
      <p className="small">{t('operator.help')}</p>
      <SelectField id="operator-zone" label={t('zoning.zone')} value={zoneId} onChange={(event) => { setZoneId(event.target.value); mutation.reset(); }}>
        <option value="">{t('operator.chooseZone')}</option>
        {zoning.zones.map((z) => <option key={z.id} value={z.id}>{`${z.code} — ${z.name}${z.operatingOrganization ? ` (${z.operatingOrganization.name})` : ''}`}</option>)}
      </SelectField>
      <TextField id="operator-search" label={t('operator.search')} value={search} help={t('operator.searchHelp')} onChange={(event) => setSearch(event.target.value)} />
      <SelectField id="operator-organization" label={t('operator.organization')} value={organizationId} onChange={(event) => setOrganizationId(event.target.value)}>
        <option value="">{t('operator.none')}</option>
        {(choices.data?.items ?? []).map((o) => <option key={o.id} value={o.id}>{o.shortName ?? o.legalName}</option>)}
      </SelectField>
      {mutation.isError && <Alert fade={false} color="danger" role="alert">{describeError(mutation.error, tc)}</Alert>}
      {mutation.isSuccess && <p role="status">{t('operator.saved')}</p>}
      <Button type="submit" color="primary" disabled={!zone || mutation.isPending}>{t('operator.save')}</Button>
    </form>
  );
}
