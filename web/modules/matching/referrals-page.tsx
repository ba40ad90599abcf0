import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { actorInWords } from '../../app/actor-words';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button } from 'design-react-kit';
import type { TReferral } from '../../../common/contracts/matching';
import { REFERRAL_TRANSITIONS, type ReferralAction } from '../../../common/domain/matching';
import { PageHeader } from '../../ui/page-header';
import { Loading } from '../../ui/loading';
import { DataTable } from '../../ui/data-table';
import { SelectField, TextAreaField } from '../../ui/form-field';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { organizationGrants } from '../../app/access';
import { useSession } from '../../app/session';
import { formatDateTime, formatNumber, formatShare } from '../../app/format';
import { paths } from '../../app/paths';
import { districtsQuery } from '../districts';
import { DISTRICT_PARAM, matchingPaths, referralsDistrict } from './matching-paths';
import { referralQuery, referralReportQuery, referralsQuery, transitionReferral } from './matching.queries';

/** Referrals the user may see (as referrer, provider or coordinator), with the report over the same set. */
export function ReferralsPage() {
  const { t, i18n } = useTranslation('matching');
  const { t: tCommon } = useTranslation();
  // The district is in the address (?distretto=…), as the district page's and the home's links write it; none: all.
  const [searchParams, setSearchParams] = useSearchParams();
  const districts = useQuery(districtsQuery);
  const districtId = referralsDistrict(searchParams.get(DISTRICT_PARAM), districts.data);
  const chooseDistrict = (id: string) => setSearchParams((current) => {
    const next = new URLSearchParams(current);
    if (id) next.set(DISTRICT_PARAM, id);
    else next.delete(DISTRICT_PARAM);
    return next;
  }, { replace: true });
  const referrals = useQuery(referralsQuery(districtId));
  const report = useQuery(referralReportQuery(districtId));
  const { session } = useSession();
  const number = (value: number) => formatNumber(value, i18n.language);
  // A referral is made by an organization's member for one of its needs: the button is theirs.
  const refers = organizationGrants(session).length > 0;
  return (
    <>
      <PageHeader
        title={t('referrals.title')}
        breadcrumbs={[{ label: tCommon('nav.home'), to: paths.home }, { label: t('title'), to: matchingPaths.gaps }, { label: t('referrals.title') }]}
        lead={t('referrals.lead')}
        aside={
          refers ? (
            <Link className="btn btn-primary" to={matchingPaths.newReferralChoosingNeed}>
              {t('referrals.new')}
            </Link>
          ) : null
        }
      />
      {districts.data && districts.data.length > 0 && (
        <SelectField id="referrals-district" label={t('district')} value={districtId ?? ''} onChange={(event) => chooseDistrict(event.target.value)}>
          <option value="">{t('referrals.allDistricts')}</option>
          {districts.data.map((district) => (
            <option key={district.id} value={district.id}>
              {district.name}
            </option>
          ))}
        </SelectField>
      )}
      {referrals.isPending && <Loading />}
      {referrals.isError && <ApiErrorAlert error={referrals.error} onRetry={() => void referrals.refetch()} />}
      {referrals.data && (
        <DataTable
          caption={t('referrals.caption', { count: referrals.data.total })}
          columns={[
            { key: 'sent', header: t('referrals.sentAt'), isRowHeader: true, cell: (r) => <Link to={matchingPaths.referral(r.id)}>{formatDateTime(r.sentAt, i18n.language)}</Link> },
            { key: 'from', header: t('referrals.from'), cell: (r) => r.referringOrganizationName },
            { key: 'service', header: t('referrals.service'), cell: (r) => `${r.serviceName} (${r.providerOrganizationName})` },
            { key: 'municipality', header: t('groups.zone'), cell: (r) => r.municipalityName },
            { key: 'status', header: t('referrals.status'), cell: (r) => t(`referralStatus.${r.status}`) },
          ]}
          rows={referrals.data.items}
          rowKey={(r) => r.id}
          emptyText={t('referrals.none')}
        />
      )}
      {report.data && report.data.total > 0 && (
        <section aria-labelledby="referral-report-heading" className="mt-4">
          <h2 id="referral-report-heading" className="h4">
            {t('referrals.reportTitle')}
          </h2>
          <p>
            {t('referrals.reportSummary', {
              total: report.data.total,
              median: report.data.medianHoursToAnswer === null ? '—' : number(report.data.medianHoursToAnswer),
              share: report.data.shareClosedWithOutcome === null ? '—' : formatShare(report.data.shareClosedWithOutcome, i18n.language),
            })}
          </p>
          {(['byProvider', 'byCategory'] as const).map((dimension) => (
            <DataTable
              key={dimension}
              caption={t(`referrals.${dimension}`)}
              columns={[
                { key: 'label', header: t(`referrals.${dimension}`), isRowHeader: true, cell: (row) => row.label },
                { key: 'total', header: t('referrals.total'), isNumeric: true, cell: (row) => number(row.total) },
                { key: 'answered', header: t('referrals.answered'), isNumeric: true, cell: (row) => number(row.answered) },
                { key: 'closed', header: t('referrals.closedWithOutcome'), isNumeric: true, cell: (row) => number(row.closedWithOutcome) },
                { key: 'median', header: t('referrals.medianHours'), isNumeric: true, cell: (row) => (row.medianHoursToAnswer === null ? '—' : number(row.medianHoursToAnswer)) },
              ]}
              rows={report.data[dimension]}
              rowKey={(row) => row.key}
            />
          ))}
        </section>
      )}
    </>
  );
}

/** One referral: its status and timeline, the details (referrer and provider only), and the moves the user may make. */
export function ReferralPage() {
  const { t, i18n } = useTranslation('matching');
  const { t: tCommon } = useTranslation();
  const { id = '' } = useParams();
  const referral = useQuery(referralQuery(id));
  const crumbs = [{ label: tCommon('nav.home'), to: paths.home }, { label: t('referrals.title'), to: matchingPaths.referrals }];
  if (referral.isPending) return <Loading />;
  if (referral.isError) {
    return (
      <>
        <PageHeader title={t('referrals.errorTitle')} breadcrumbs={[...crumbs, { label: t('referrals.errorTitle') }]} />
        <ApiErrorAlert error={referral.error} onRetry={() => void referral.refetch()} />
      </>
    );
  }
  const r = referral.data;
  return (
    <>
      <PageHeader title={t('referrals.one', { service: r.serviceName })} breadcrumbs={[...crumbs, { label: r.serviceName }]} lead={t(`referralStatus.${r.status}`)} />
      <dl className="facts">
        <dt>{t('referrals.from')}</dt>
        <dd>{r.referringOrganizationName}</dd>
        <dt>{t('referrals.service')}</dt>
        <dd>{`${r.serviceName} (${r.providerOrganizationName})`}</dd>
        <dt>{t('referrals.subject')}</dt>
        <dd>{r.subjectKind === 'person' ? t('referrals.person') : t('referrals.group', { count: r.peopleCount })}</dd>
        <dt>{t('groups.zone')}</dt>
        <dd>{r.municipalityName}</dd>
        {r.statusReason && (
          <>
            <dt>{t('referrals.reason')}</dt>
            <dd>{r.statusReason}</dd>
          </>
        )}
        {r.details !== null && (
          <>
            <dt>{t('referrals.details')}</dt>
            <dd className="prewrap">{r.details || '—'}</dd>
          </>
        )}
      </dl>
      <DataTable
        caption={t('referrals.timeline')}
        columns={[
          { key: 'at', header: t('referrals.when'), isRowHeader: true, cell: (e) => formatDateTime(e.at, i18n.language) },
          { key: 'to', header: t('referrals.status'), cell: (e) => t(`referralStatus.${e.toStatus as TReferral['status']}`) },
          { key: 'note', header: t('referrals.reason'), cell: (e) => e.note || '—' },
          { key: 'who', header: t('referrals.who'), cell: (e) => actorInWords(tCommon, e.actorLabel) },
        ]}
        rows={r.events}
        rowKey={(e) => `${e.at}-${e.toStatus}`}
      />
      {r.allowedActions.length > 0 && <TransitionForm referral={r} />}
    </>
  );
}

function TransitionForm({ referral }: { referral: TReferral }) {
  const { t } = useTranslation('matching');
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const move = useMutation({
    mutationFn: (action: ReferralAction) => transitionReferral(referral.id, { action, reason, version: referral.version }),
    onSuccess: (updated) => {
      setReason('');
      queryClient.setQueryData(referralQuery(referral.id).queryKey, updated);
    },
  });
  return (
    <section aria-labelledby="transition-heading" className="border rounded p-3 my-3">
      <h2 id="transition-heading" className="h5">
        {t('referrals.actionsTitle')}
      </h2>
      <TextAreaField id="transition-reason" label={t('referrals.reasonLabel')} help={t('referrals.reasonHelp')} value={reason} onChange={(event) => setReason(event.target.value)} rows={2} />
      {move.isError && <ApiErrorAlert error={move.error} />}
      <div className="d-flex flex-wrap gap-2">
        {referral.allowedActions.map((action) => (
          <Button key={action} color="primary" outline={REFERRAL_TRANSITIONS[action].reasonRequired} disabled={move.isPending} onClick={() => move.mutate(action)}>
            {t(`referralAction.${action}`)}
          </Button>
        ))}
      </div>
    </section>
  );
}
