import { lazy } from 'react';
import { createBrowserRouter, isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AppLayout } from './layout/app-layout';
import { HomePage } from '../modules/home/home-page';
import { PageHeader } from '../ui/page-header';
import { ErrorAlert } from '../ui/error-alert';
import { paths } from './paths';

// Each page is its own chunk, fetched the first time it is visited.
const TerritoryExplorerPage = lazy(() =>
  import('../modules/territory/territory-explorer-page').then((m) => ({ default: m.TerritoryExplorerPage })),
);
const MunicipalityPage = lazy(() => import('../modules/territory/municipality-page').then((m) => ({ default: m.MunicipalityPage })));
const DistrictsPage = lazy(() => import('../modules/districts/districts-page').then((m) => ({ default: m.DistrictsPage })));
const DistrictPage = lazy(() => import('../modules/districts/district-page').then((m) => ({ default: m.DistrictPage })));
const ZoningsPage = lazy(() => import('../modules/zonings/zonings-page').then((m) => ({ default: m.ZoningsPage })));
const ZoningPage = lazy(() => import('../modules/zonings/zoning-page').then((m) => ({ default: m.ZoningPage })));
const ZoningUploadPage = lazy(() => import('../modules/zonings/zoning-upload-page').then((m) => ({ default: m.ZoningUploadPage })));
const ZoningComparePage = lazy(() => import('../modules/zonings/zoning-compare-page').then((m) => ({ default: m.ZoningComparePage })));
const OrganizationsDirectoryPage = lazy(() => import('../modules/organizations/organizations-directory-page').then((m) => ({ default: m.OrganizationsDirectoryPage })));
const OrganizationPage = lazy(() => import('../modules/organizations/organization-page').then((m) => ({ default: m.OrganizationPage })));
const OrganizationFormPage = lazy(() => import('../modules/organizations/organization-form-page').then((m) => ({ default: m.OrganizationFormPage })));
const OrganizationDuplicatesPage = lazy(() => import('../modules/organizations/organization-duplicates-page').then((m) => ({ default: m.OrganizationDuplicatesPage })));
const OrganizationImportPage = lazy(() => import('../modules/organizations/organization-import-page').then((m) => ({ default: m.OrganizationImportPage })));
const AuditLogPage = lazy(() => import('../modules/audit/audit-log-page').then((m) => ({ default: m.AuditLogPage })));
const SettingsPage = lazy(() => import('../modules/settings/settings-page').then((m) => ({ default: m.SettingsPage })));
const AboutPage = lazy(() => import('../modules/about/about-page').then((m) => ({ default: m.AboutPage })));
const LoginPage = lazy(() => import('../modules/accounts/login-page').then((m) => ({ default: m.LoginPage })));
const ServicesSearchPage = lazy(() => import('../modules/services/services-search-page').then((m) => ({ default: m.ServicesSearchPage })));
const ServicePage = lazy(() => import('../modules/services/service-page').then((m) => ({ default: m.ServicePage })));
const ServiceEditPage = lazy(() => import('../modules/services/service-edit-page').then((m) => ({ default: m.ServiceEditPage })));
const ServiceCreatePage = lazy(() => import('../modules/services/service-edit-page').then((m) => ({ default: m.ServiceCreatePage })));
const StaleServicesPage = lazy(() => import('../modules/services/stale-services-page').then((m) => ({ default: m.StaleServicesPage })));
const TaxonomyPage = lazy(() => import('../modules/services/taxonomy-page').then((m) => ({ default: m.TaxonomyPage })));
const MatchingPage = lazy(() => import('../modules/matching/matching-page').then((m) => ({ default: m.MatchingPage })));
const ProposalPage = lazy(() => import('../modules/matching/proposal-page').then((m) => ({ default: m.ProposalPage })));
const ReferralsPage = lazy(() => import('../modules/matching/referrals-page').then((m) => ({ default: m.ReferralsPage })));
const NewReferralPage = lazy(() => import('../modules/matching/new-referral-page').then((m) => ({ default: m.NewReferralPage })));
const ReferralPage = lazy(() => import('../modules/matching/referrals-page').then((m) => ({ default: m.ReferralPage })));
const SurveysPage = lazy(() => import('../modules/surveys/surveys-page').then((m) => ({ default: m.SurveysPage })));
const SurveyCreatePage = lazy(() => import('../modules/surveys/survey-create-page').then((m) => ({ default: m.SurveyCreatePage })));
const SurveyBuilderPage = lazy(() => import('../modules/surveys/survey-builder-page').then((m) => ({ default: m.SurveyBuilderPage })));
const SurveyInvitationsPage = lazy(() => import('../modules/surveys/survey-invitations-page').then((m) => ({ default: m.SurveyInvitationsPage })));
const OutboxPage = lazy(() => import('../modules/surveys/outbox-page').then((m) => ({ default: m.OutboxPage })));
const NeedsPage = lazy(() => import('../modules/needs/needs-page').then((m) => ({ default: m.NeedsPage })));
const SurveyReportPage = lazy(() => import('../modules/survey-reports/survey-report-page').then((m) => ({ default: m.SurveyReportPage })));
const AnswerPage = lazy(() => import('../modules/surveys/answer-page').then((m) => ({ default: m.AnswerPage })));
const AccountPage = lazy(() => import('../modules/accounts/account-page').then((m) => ({ default: m.AccountPage })));
const ForgotPasswordPage = lazy(() => import('../modules/accounts/forgot-password-page').then((m) => ({ default: m.ForgotPasswordPage })));
const ResetPasswordPage = lazy(() => import('../modules/accounts/reset-password-page').then((m) => ({ default: m.ResetPasswordPage })));
const UsersPage = lazy(() => import('../modules/accounts/users-page').then((m) => ({ default: m.UsersPage })));
const InvitationsPage = lazy(() => import('../modules/accounts/invitations-page').then((m) => ({ default: m.InvitationsPage })));
const AcceptInvitationPage = lazy(() => import('../modules/accounts/accept-invitation-page').then((m) => ({ default: m.AcceptInvitationPage })));
const ServicesImportPage = lazy(() => import('../modules/services/services-import-page').then((m) => ({ default: m.ServicesImportPage })));

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('notFound.title')} />
      <p>{t('notFound.text')}</p>
      <Link to={paths.home}>{t('notFound.home')}</Link>
    </>
  );
}

function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  const message = isRouteErrorResponse(error) ? `${error.status} ${error.statusText}` : t('errors.unexpected');
  return (
    <main id="main" className="container py-4">
      <h1>{t('errors.pageFailedTitle')}</h1>
      <ErrorAlert message={message} />
      <a href={paths.home}>{t('notFound.home')}</a>
    </main>
  );
}

export function createAppRouter() {
  return createBrowserRouter([
    {
      path: '/',
      element: <AppLayout />,
      errorElement: <RouteError />,
      children: [
        { index: true, element: <HomePage /> },
        { path: 'territorio', element: <TerritoryExplorerPage /> },
        { path: 'territorio/comuni/:istatCode', element: <MunicipalityPage /> },
        { path: 'distretti', element: <DistrictsPage /> },
        { path: 'distretti/:id', element: <DistrictPage /> },
        { path: 'abbinamento', element: <MatchingPage /> },
        { path: 'abbinamento/proposte/:id', element: <ProposalPage /> },
        { path: 'abbinamento/segnalazioni', element: <ReferralsPage /> },
        { path: 'abbinamento/segnalazioni/nuova', element: <NewReferralPage /> },
        { path: 'abbinamento/segnalazioni/:id', element: <ReferralPage /> },
        { path: 'zonizzazioni', element: <ZoningsPage /> },
        { path: 'zonizzazioni/carica', element: <ZoningUploadPage /> },
        { path: 'zonizzazioni/confronto', element: <ZoningComparePage /> },
        { path: 'zonizzazioni/:id', element: <ZoningPage /> },
        { path: 'organizzazioni', element: <OrganizationsDirectoryPage /> },
        { path: 'organizzazioni/nuova', element: <OrganizationFormPage /> },
        { path: 'organizzazioni/importa', element: <OrganizationImportPage /> },
        { path: 'organizzazioni/doppioni', element: <OrganizationDuplicatesPage /> },
        { path: 'organizzazioni/:id', element: <OrganizationPage /> },
        { path: 'organizzazioni/:id/modifica', element: <OrganizationFormPage /> },
        { path: 'servizi', element: <ServicesSearchPage /> },
        { path: 'servizi/scheda/:id', element: <ServicePage /> },
        { path: 'servizi/scheda/:id/modifica', element: <ServiceEditPage /> },
        { path: 'servizi/nuovo', element: <ServiceCreatePage /> },
        { path: 'servizi/da-confermare', element: <StaleServicesPage /> },
        { path: 'servizi/categorie', element: <TaxonomyPage /> },
        { path: 'servizi/importa', element: <ServicesImportPage /> },
        { path: 'questionari', element: <SurveysPage /> },
        { path: 'questionari/nuovo', element: <SurveyCreatePage /> },
        { path: 'questionari/:id', element: <SurveyBuilderPage /> },
        { path: 'questionari/:id/inviti', element: <SurveyInvitationsPage /> },
        { path: 'questionari/:id/rapporto', element: <SurveyReportPage /> },
        { path: 'bisogni', element: <NeedsPage /> },
        { path: 'posta-in-uscita', element: <OutboxPage /> },
        { path: 'rispondi/:token', element: <AnswerPage /> },
        { path: 'registro-attivita', element: <AuditLogPage /> },
        { path: 'impostazioni', element: <SettingsPage /> },
        { path: 'informazioni', element: <AboutPage /> },
        { path: 'accedi', element: <LoginPage /> },
        { path: 'account', element: <AccountPage /> },
        { path: 'password-dimenticata', element: <ForgotPasswordPage /> },
        { path: 'reimposta-password', element: <ResetPasswordPage /> },
        { path: 'amministrazione/utenti', element: <UsersPage /> },
        { path: 'inviti', element: <InvitationsPage /> },
        { path: 'invito', element: <AcceptInvitationPage /> },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}
