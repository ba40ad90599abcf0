import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button } from 'design-react-kit';
import { hasPeriodEnded } from '../../../common/domain/current-period';
import { DISTRICT_BODY_KINDS, DISTRICT_BODY_ROLES, type TDistrict, type TDistrictBody } from '../../../common/contracts/districts';
import { DataTable, type Column } from '../../ui/data-table';
import { SelectField, TextField } from '../../ui/form-field';
import { describeError, fieldText } from '../../app/error-messages';
import { formatDay } from '../../app/format';
import { addDistrictBodyMember, createDistrictBody, districtQuery, endDistrictBodyMember } from './districts.queries';

type BodyMember = TDistrictBody['members'][number];

const today = () => new Date().toISOString().slice(0, 10);

/** The district's governance bodies with who sits in them and when; its coordinators can add bodies and members. */
export function DistrictGovernance({ district, canEdit }: { district: TDistrict; canEdit: boolean }) {
  const { t } = useTranslation('districts');
  return (
    <section aria-labelledby="district-governance-heading" className="mt-5">
      <h2 id="district-governance-heading" className="h4">{t('governance.title')}</h2>
      <p>{t('governance.lead')}</p>
      {district.bodies.length === 0 && <p>{t('governance.empty')}</p>}
      {district.bodies.map((body) => (
        <BodySection key={body.id} district={district} body={body} canEdit={canEdit} />
      ))}
      {canEdit && <CreateBodyForm district={district} />}
    </section>
  );
}

function useRefreshDistrict(districtId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: districtQuery(districtId).queryKey });
}

function BodySection({ district, body, canEdit }: { district: TDistrict; body: TDistrictBody; canEdit: boolean }) {
  const { t, i18n } = useTranslation('districts');
  const day = (iso: string) => formatDay(iso, i18n.language);
  const { t: tc } = useTranslation();
  const refresh = useRefreshDistrict(district.id);
  const end = useMutation({
    mutationFn: (memberId: string) => endDistrictBodyMember(district.id, body.id, memberId, today()),
    onSuccess: () => void refresh(),
  });
  const headingId = `body-${body.id}`;
  const columns: Column<BodyMember>[] = [
    { key: 'organization', header: t('governance.organization'), isRowHeader: true, cell: (m) => m.organizationName },
    { key: 'representative', header: t('governance.representative'), cell: (m) => m.representativeName || '—' },
    { key: 'role', header: t('governance.role'), cell: (m) => t(`roles.${m.role}`) },
    { key: 'from', header: t('governance.from'), cell: (m) => day(m.startedOn) },
    { key: 'to', header: t('governance.to'), cell: (m) => (m.endedOn ? day(m.endedOn) : m.isCurrent ? t('governance.current') : t('governance.notStarted')) },
    ...(canEdit
      ? [
          {
            key: 'actions',
            header: t('governance.actions'),
            cell: (m: BodyMember) =>
              m.isCurrent && m.endedOn === null ? (
                <Button size="xs" color="primary" outline disabled={end.isPending} aria-label={t('governance.endToday', { name: m.organizationName })} onClick={() => end.mutate(m.id)}>
                  {t('governance.endTodayShort')}
                </Button>
              ) : null,
          },
        ]
      : []),
  ];
  return (
    <article aria-labelledby={headingId} className="mb-4">
      <h3 id={headingId} className="h5">
        {body.name} <span className="text-muted small">({t(`kinds.${body.kind}`)}, {t('governance.since', { date: day(body.startedOn) })}{body.endedOn ? `, ${t('governance.until', { date: day(body.endedOn) })}` : ''})</span>
      </h3>
      {body.description && <p>{body.description}</p>}
      {end.isError && <Alert fade={false} color="danger" role="alert">{describeError(end.error, tc)}</Alert>}
      <DataTable caption={t('governance.membersCaption', { name: body.name })} isCaptionHidden columns={columns} rows={body.members} rowKey={(m) => m.id} emptyText={t('governance.noMembers')} />
      {canEdit && <AddMemberForm district={district} body={body} />}
    </article>
  );
}

function AddMemberForm({ district, body }: { district: TDistrict; body: TDistrictBody }) {
  const { t } = useTranslation('districts');
  const { t: tc } = useTranslation();
  const refresh = useRefreshDistrict(district.id);
  const [organizationId, setOrganizationId] = useState('');
  const [role, setRole] = useState<(typeof DISTRICT_BODY_ROLES)[number]>('member');
  const [representativeName, setRepresentativeName] = useState('');
  const [startedOn, setStartedOn] = useState(today());
  // A seat held now or from a later start day is taken; one that ended (before today, the platform's rule) is free.
  const seated = new Set(body.members.filter((m) => !hasPeriodEnded(m.endedOn, today())).map((m) => m.organizationId));
  const candidates = district.members.filter((m) => !seated.has(m.organizationId));
  const mutation = useMutation({
    mutationFn: () => addDistrictBodyMember(district.id, body.id, { organizationId, role, representativeName: representativeName.trim(), startedOn }),
    onSuccess: () => {
      setOrganizationId('');
      setRepresentativeName('');
      void refresh();
    },
  });
  if (candidates.length === 0) return null;
  const prefix = `add-member-${body.id}`;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (organizationId) mutation.mutate();
    else document.getElementById(`${prefix}-organization`)?.focus();
  };
  return (
    <form onSubmit={submit} noValidate className="row g-3 align-items-end" aria-label={t('governance.addMemberTo', { name: body.name })}>
      <div className="col-md-4">
        <SelectField id={`${prefix}-organization`} label={t('governance.organization')} value={organizationId} onChange={(event) => setOrganizationId(event.target.value)}>
          <option value="">{t('governance.chooseOrganization')}</option>
          {candidates.map((m) => <option key={m.organizationId} value={m.organizationId}>{m.name}</option>)}
        </SelectField>
      </div>
      <div className="col-md-2">
        <SelectField id={`${prefix}-role`} label={t('governance.role')} value={role} onChange={(event) => setRole(event.target.value as typeof role)}>
          {DISTRICT_BODY_ROLES.map((r) => <option key={r} value={r}>{t(`roles.${r}`)}</option>)}
        </SelectField>
      </div>
      <div className="col-md-3">
        <TextField id={`${prefix}-representative`} label={t('governance.representative')} value={representativeName} maxLength={200} onChange={(event) => setRepresentativeName(event.target.value)} />
      </div>
      <div className="col-md-2">
        <TextField id={`${prefix}-from`} label={t('governance.from')} type="date" value={startedOn} onChange={(event) => setStartedOn(event.target.value)} />
      </div>
      <div className="col-md-1 mb-4">
        <Button type="submit" color="primary" size="sm" disabled={mutation.isPending}>{t('governance.add')}</Button>
      </div>
      {mutation.isError && (
        <Alert fade={false} color="danger" role="alert">
          {fieldText(mutation.error, 'organizationId', tc) ? t('governance.notMember') : describeError(mutation.error, tc)}
        </Alert>
      )}
    </form>
  );
}

function CreateBodyForm({ district }: { district: TDistrict }) {
  const { t } = useTranslation('districts');
  const { t: tc } = useTranslation();
  const refresh = useRefreshDistrict(district.id);
  const [kind, setKind] = useState<(typeof DISTRICT_BODY_KINDS)[number]>('working_group');
  const [name, setName] = useState('');
  const [startedOn, setStartedOn] = useState(today());
  const [nameError, setNameError] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: () => createDistrictBody(district.id, { kind, name: name.trim(), startedOn }),
    onSuccess: () => {
      setName('');
      void refresh();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim().length < 3) {
      setNameError(t('governance.nameTooShort'));
      document.getElementById('new-body-name')?.focus();
      return;
    }
    setNameError(null);
    mutation.mutate();
  };
  return (
    <form onSubmit={submit} noValidate className="edit-panel mt-4" aria-labelledby="new-body-heading">
      <h3 id="new-body-heading" className="h5">{t('governance.newBody')}</h3>
      <SelectField id="new-body-kind" label={t('governance.kind')} value={kind} onChange={(event) => setKind(event.target.value as typeof kind)}>
        {DISTRICT_BODY_KINDS.map((k) => <option key={k} value={k}>{t(`kinds.${k}`)}</option>)}
      </SelectField>
      <TextField id="new-body-name" label={t('governance.name')} value={name} isRequired maxLength={200} error={nameError} onChange={(event) => setName(event.target.value)} />
      <TextField id="new-body-from" label={t('governance.from')} type="date" value={startedOn} onChange={(event) => setStartedOn(event.target.value)} />
      {mutation.isError && <Alert fade={false} color="danger" role="alert">{describeError(mutation.error, tc)}</Alert>}
      <Button type="submit" color="primary" disabled={mutation.isPending}>{t('governance.create')}</Button>
    </form>
  );
}
