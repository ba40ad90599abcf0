import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Card, CardBody } from 'design-react-kit';
import type { THome, THomeDistrictWork, THomeOrganizationWork } from '../../../common/contracts/home';
import { HOME_RECENT_RESPONSES_DAYS, HOME_REFERRAL_WAITING_DAYS } from '../../../common/contracts/home';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { formatNumber } from '../../app/format';
import { paths } from '../../app/paths';
import { DataTable } from '../../ui/data-table';
import { Loading } from '../../ui/loading';
import { matchingPaths, ProposalAnswerButtons, ReferralAcceptButton } from '../matching';
import { DistrictGroupsLink, HomeGroupsCard } from '../groups';
import { practicesPaths } from '../practices';
import { MemberAnswerButton, surveyPaths } from '../surveys';
import { DistrictProjectsLink, OrganizationProjectsLink } from '../projects';
import { LabelsLink } from '../labels';
import { DistrictPactsLink, PactsLink } from '../pacts';
import { homeQuery } from './home.queries';

/** One thing to do: what it is, how many, and the link to where it is done (its text says where). */
function WorkItem({ label, count, to, linkText }: { label: string; count: number; to: string; linkText: string }) {
  const { i18n } = useTranslation();
  return (
    <li className="mb-2">
      <span>
        {label}: <strong>{formatNumber(count, i18n.language)}</strong>
      </span>{' '}
      {count > 0 && <Link to={to}>{linkText}</Link>}
    </li>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card className="distretto-card mb-4" tag="section" aria-labelledby={id}>
      <CardBody>
        <h2 id={id} className="h4">
          {title}
        </h2>
        {children}
      </CardBody>
    </Card>
  );
}

function DistrictWork({ work }: { work: THomeDistrictWork }) {
  const { t } = useTranslation('home');
  return (
    <Section id={`home-district-${work.districtId}`} title={t('district.title', { name: work.districtName })}>
      <ul className="list-unstyled mb-0">
        <WorkItem label={t('district.membershipRequests')} count={work.membershipRequests} to={paths.district(work.districtId)} linkText={t('district.membershipsLink')} />
        <WorkItem label={t('district.membershipInvitations')} count={work.membershipInvitations} to={paths.district(work.districtId)} linkText={t('district.invitationsLink')} />
        <WorkItem label={t('district.recentResponses', { days: HOME_RECENT_RESPONSES_DAYS })} count={work.recentResponses} to={surveyPaths.list} linkText={t('district.surveysLink')} />
        <WorkItem label={t('district.openGaps')} count={work.openGaps} to={matchingPaths.gapsOfDistrict(work.districtId)} linkText={t('district.gapsLink')} />
        <WorkItem label={t('district.proposalsWaiting')} count={work.proposalsWaiting} to={matchingPaths.gapsOfDistrict(work.districtId)} linkText={t('district.proposalsLink')} />
        <WorkItem label={t('district.referralsWaiting', { days: HOME_REFERRAL_WAITING_DAYS })} count={work.referralsWaiting} to={matchingPaths.referralsOfDistrict(work.districtId)} linkText={t('district.referralsLink')} />
        <WorkItem label={t('district.staleServices')} count={work.staleServices} to="/servizi/da-confermare" linkText={t('district.staleLink')} />
        <WorkItem label={t('district.failedMails')} count={work.failedMails} to={`${surveyPaths.outbox}?stato=failed`} linkText={t('district.mailLink')} />
        <li className="mb-2">
          <DistrictProjectsLink districtId={work.districtId} />
        </li>
        <li className="mb-2">
          <DistrictPactsLink districtId={work.districtId} />
        </li>
        <li className="mb-2">
          <LabelsLink />
        </li>
      </ul>
      <p className="mt-3 mb-0">
        <DistrictGroupsLink districtId={work.districtId} />
      </p>
    </Section>
  );
}

function OrganizationWork({ work }: { work: THomeOrganizationWork }) {
  const { t, i18n } = useTranslation('home');
  const queryClient = useQueryClient();
  // What was just answered here: said in a notice of the section, which stays when the answered row leaves the lists.
  const [notices, setNotices] = useState<string[]>([]);
  const refresh = (notice: string) => {
    setNotices((current) => [...current, notice]);
    void queryClient.invalidateQueries({ queryKey: homeQuery.queryKey });
  };
  const day = (iso: string) => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long', timeZone: 'Europe/Rome' }).format(new Date(`${iso}T12:00:00Z`));
  const prefix = `home-organization-${work.organizationId}`;
  return (
    <Section id={prefix} title={work.organizationName}>
      <div role="status">
        {notices.map((notice, index) => <p key={index} className="alert alert-success mb-2">{notice}</p>)}
      </div>
      <h3 id={`${prefix}-surveys`} className="h5 mt-3">{t('organization.surveysTitle')}</h3>
      {work.surveysToAnswer.length === 0 ? <p>{t('organization.noSurveys')}</p> : (
        <ul className="list-unstyled" aria-labelledby={`${prefix}-surveys`}>
          {work.surveysToAnswer.map((survey) => (
            <li key={survey.invitationId} className="mb-3">
              <p className="mb-1">
                <strong>{survey.title}</strong>
                {survey.closesOn && <> · {t('organization.closesOn', { day: day(survey.closesOn) })}</>}
                {survey.responseStatus === 'in_progress' && <> · {t('organization.started')}</>}
              </p>
              <MemberAnswerButton surveyId={survey.surveyId} organizationId={work.organizationId} title={survey.title} hasStarted={survey.responseStatus === 'in_progress'} />
            </li>
          ))}
        </ul>
      )}

      <h3 id={`${prefix}-proposals`} className="h5 mt-3">{t('organization.proposalsTitle')}</h3>
      {work.proposalsToAnswer.length === 0 ? <p>{t('organization.noProposals')}</p> : (
        <ul className="list-unstyled" aria-labelledby={`${prefix}-proposals`}>
          {work.proposalsToAnswer.map((proposal) => (
            <li key={`${proposal.proposalId}-${proposal.role}`} className="mb-3">
              <p className="mb-1">
                <Link to={matchingPaths.proposal(proposal.proposalId)}>{proposal.title}</Link>
                {' · '}
                {proposal.role === 'provider' ? t('organization.asProvider', { service: proposal.serviceName ?? '' }) : t('organization.asRequester')}
              </p>
              <ProposalAnswerButtons proposalId={proposal.proposalId} title={proposal.title} organizationId={work.organizationId} role={proposal.role} onAnswered={refresh} />
            </li>
          ))}
        </ul>
      )}

      <h3 id={`${prefix}-referrals`} className="h5 mt-3">{t('organization.referralsTitle')}</h3>
      {work.referralsToAnswer.length === 0 ? <p>{t('organization.noReferrals')}</p> : (
        <ul className="list-unstyled" aria-labelledby={`${prefix}-referrals`}>
          {work.referralsToAnswer.map((referral) => (
            <li key={referral.referralId} className="mb-3">
              <p className="mb-1">
                <Link to={matchingPaths.referral(referral.referralId)}>{t('organization.referralLink', { service: referral.serviceName })}</Link>
                {' · '}
                {t('organization.referralFrom', { organization: referral.referringOrganizationName, category: referral.categoryLabel, municipality: referral.municipalityName, count: referral.peopleCount })}
              </p>
              <ReferralAcceptButton referralId={referral.referralId} version={referral.version} serviceName={referral.serviceName} onAnswered={refresh} />
            </li>
          ))}
        </ul>
      )}

      <h3 className="h5 mt-3">{t('organization.moreTitle')}</h3>
      <ul className="list-unstyled mb-0">
        <WorkItem label={t('organization.referralsAwaitingInfo')} count={work.referralsAwaitingInfo} to={matchingPaths.referrals} linkText={t('organization.referralsLink')} />
        <WorkItem label={t('organization.staleServices')} count={work.staleServices} to={paths.organization(work.organizationId)} linkText={t('organization.servicesLink')} />
        {work.isAdmin && (
          <WorkItem label={t('organization.membershipInvitations')} count={work.membershipInvitations} to="#own-pending-memberships" linkText={t('organization.invitationsLink')} />
        )}
        <li className="mb-2">
          <OrganizationProjectsLink organizationId={work.organizationId} organizationName={work.organizationName} />
        </li>
        <li className="mb-2">
          <PactsLink />
        </li>
        <li className="mb-2">
          {t('organization.needs')}:{' '}
          {work.needsByStatus.length === 0 ? t('organization.noNeeds') : work.needsByStatus.map((row) => `${t(`needStatus.${row.status}`)} ${formatNumber(row.count, i18n.language)}`).join(', ')}{' '}
          <Link to={paths.needs}>{t('organization.needsLink')}</Link>
        </li>
        <li className="mb-2">
          {t('organization.practices')}{' '}
          <Link to={practicesPaths.create}>{t('organization.practiceCreateLink')}</Link>
          {' · '}
          <Link to={practicesPaths.lessons}>{t('organization.practiceLessonsLink')}</Link>
        </li>
        {work.missingProfileFields.length > 0 && (
          <li className="mb-2">
            {t('organization.profileMissing', { fields: work.missingProfileFields.map((field) => t(`profileField.${field}`)).join(', ') })}{' '}
            {work.isAdmin ? <Link to={paths.organizationEdit(work.organizationId)}>{t('organization.profileLink')}</Link> : t('organization.profileAskAdmin')}
          </li>
        )}
      </ul>
    </Section>
  );
}

function DistrictComparison({ rows }: { rows: NonNullable<THome['comparison']> }) {
  const { t, i18n } = useTranslation('home');
  const number = (value: number) => formatNumber(value, i18n.language);
  return (
    <Section id="home-comparison" title={t('comparison.title')}>
      <DataTable
        caption={t('comparison.caption')}
        columns={[
          { key: 'district', header: t('comparison.district'), isRowHeader: true, cell: (row) => <Link to={paths.district(row.districtId)}>{row.districtName}</Link> },
          { key: 'members', header: t('comparison.members'), isNumeric: true, cell: (row) => number(row.members) },
          { key: 'needs', header: t('comparison.openNeeds'), isNumeric: true, cell: (row) => number(row.openNeeds) },
          { key: 'gaps', header: t('comparison.openGaps'), isNumeric: true, cell: (row) => number(row.openGaps) },
          { key: 'referrals', header: t('comparison.referrals'), isNumeric: true, cell: (row) => number(row.referrals) },
        ]}
        rows={rows}
        rowKey={(row) => row.districtId}
        emptyText={t('comparison.empty')}
      />
      <h3 className="h5 mt-3">{t('comparison.toolsTitle')}</h3>
      <ul>
        <li><Link to={paths.zonings}>{t('comparison.zonings')}</Link></li>
        <li><Link to={paths.organizationImport}>{t('comparison.imports')}</Link></li>
        <li><Link to={paths.settings}>{t('comparison.settings')}</Link></li>
        <li><Link to={paths.jobs}>{t('comparison.jobs')}</Link></li>
      </ul>
    </Section>
  );
}

/** The home of a signed-in person: their districts' next things to do, their organizations', the regional view. */
export function SignedInHome() {
  const { t } = useTranslation('home');
  const home = useQuery(homeQuery);
  if (home.isPending) return <Loading />;
  if (home.isError) return <ApiErrorAlert error={home.error} onRetry={() => void home.refetch()} />;
  const { districts, organizations, comparison } = home.data;
  const isEmpty = districts.length === 0 && organizations.length === 0 && comparison === null;
  return (
    <div className="mb-4">
      <HomeGroupsCard summary={home.data.groups} />
      {isEmpty && <p>{t('nothing')}</p>}
      {districts.map((work) => <DistrictWork key={work.districtId} work={work} />)}
      {organizations.map((work) => <OrganizationWork key={work.organizationId} work={work} />)}
      {comparison && <DistrictComparison rows={comparison} />}
    </div>
  );
}
