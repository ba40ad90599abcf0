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
const AuditLogPage = lazy(() => import('../modules/audit/audit-log-page').then((m) => ({ default: m.AuditLogPage })));
const SettingsPage = lazy(() => import('../modules/settings/settings-page').then((m) => ({ default: m.SettingsPage })));
const AboutPage = lazy(() => import('../modules/about/about-page').then((m) => ({ default: m.AboutPage })));
const LoginPage = lazy(() => import('../modules/accounts/login-page').then((m) => ({ default: m.LoginPage })));

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
        { path: 'registro-attivita', element: <AuditLogPage /> },
        { path: 'impostazioni', element: <SettingsPage /> },
        { path: 'informazioni', element: <AboutPage /> },
        { path: 'accedi', element: <LoginPage /> },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}
