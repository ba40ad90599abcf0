import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button } from 'design-react-kit';
import type { TDistrict } from '../../../common/contracts/districts';
import { SelectField } from '../../ui/form-field';
import { describeError } from '../../app/error-messages';
import { paths } from '../../app/paths';
import { zoningQuery, zoningsQuery } from '../zonings';
import { defineDistrictArea, districtBoundariesQuery, districtQuery, districtsQuery } from './districts.queries';

/** How the district's area is defined (a zone of a reference zoning, or custom) and, for its coordinators, a form to set it to a zone. */
export function DistrictArea({ district, canEdit }: { district: TDistrict; canEdit: boolean }) {
  const { t } = useTranslation('districts');
  const zone = district.referenceZone;
  return (
    <section aria-labelledby="district-area-heading" className="mt-4">
      <h2 id="district-area-heading" className="h4">{t('area.title')}</h2>
      {zone ? (
        <p>
          {t('area.byZone', { zone: `${zone.zoneCode} — ${zone.zoneName}` })} <Link to={paths.zoning(zone.zoningId)}>{zone.zoningName}</Link>.{' '}
          <Link to={paths.zoningCompare(zone.zoningId, 'districts')}>{t('area.compare')}</Link>
        </p>
      ) : (
        <p>{t('area.custom')}</p>
      )}
      {canEdit && <ZoneChooser district={district} />}
    </section>
  );
}

function ZoneChooser({ district }: { district: TDistrict }) {
  const { t } = useTranslation('districts');
  const { t: tc } = useTranslation();
  const queryClient = useQueryClient();
  const zonings = useQuery(zoningsQuery);
  const [zoningId, setZoningId] = useState(district.referenceZone?.zoningId ?? '');
  const [zoneId, setZoneId] = useState(district.referenceZone?.zoneId ?? '');
  const zoning = useQuery({ ...zoningQuery(zoningId), enabled: Boolean(zoningId) });
  const mutation = useMutation({
    mutationFn: () => defineDistrictArea(district.id, { kind: 'zone', zoneId, version: district.version }),
    onSuccess: (updated) => {
      queryClient.setQueryData(districtQuery(district.id).queryKey, updated);
      void queryClient.invalidateQueries({ queryKey: districtBoundariesQuery(district.id).queryKey });
      void queryClient.invalidateQueries({ queryKey: districtsQuery.queryKey, exact: true });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (zoneId) mutation.mutate();
  };
  return (
    <form onSubmit={submit} noValidate className="edit-panel" aria-labelledby="district-zone-heading">
      <h3 id="district-zone-heading" className="h5">{t('area.chooseTitle')}</h3>
      <p className="small">{t('area.chooseHelp')}</p>
      <SelectField id="district-zoning" label={t('area.zoning')} value={zoningId} onChange={(event) => { setZoningId(event.target.value); setZoneId(''); }}>
        <option value="">{t('area.chooseZoning')}</option>
        {(zonings.data ?? []).map((z) => <option key={z.id} value={z.id}>{z.name}</option>)}
      </SelectField>
      <SelectField id="district-zone" label={t('area.zone')} value={zoneId} disabled={!zoning.data} onChange={(event) => setZoneId(event.target.value)}>
        <option value="">{t('area.chooseZone')}</option>
        {(zoning.data?.zones ?? []).map((z) => <option key={z.id} value={z.id}>{`${z.code} — ${z.name} (${z.municipalityCount})`}</option>)}
      </SelectField>
      {mutation.isError && <Alert fade={false} color="danger" role="alert">{describeError(mutation.error, tc)}</Alert>}
      {mutation.isSuccess && <p role="status">{t('area.saved')}</p>}
      <Button type="submit" color="primary" disabled={!zoneId || mutation.isPending}>{t('area.apply')}</Button>
    </form>
  );
}
