import { createBrowserRouter, isRouteErrorResponse, Link, useRouteError, type RouteObject } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AppLayout } from './layout/app-layout';
import { PageHeader } from '../ui/page-header';
import { ErrorAlert } from '../ui/error-alert';
import { paths } from './paths';
import { WEB_MODULES } from './web-modules';

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

/** Every module's pages (web-modules.ts), each a lazy chunk but the home page; react-router ranks them, so order does not matter. */
function moduleRoutes(): RouteObject[] {
  return WEB_MODULES.flatMap((module) =>
    module.routes.map((route) => ('index' in route ? { index: true, element: <route.page /> } : { path: route.path, element: <route.page /> })),
  );
}

export function createAppRouter() {
  return createBrowserRouter([
    {
      path: '/',
      element: <AppLayout />,
      errorElement: <RouteError />,
      children: [
        ...moduleRoutes(),
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}
