import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TSessionResponse } from '../../common/contracts/auth';
import { Loading } from '../ui/loading';
import { PageHeader } from '../ui/page-header';
import { ErrorAlert } from '../ui/error-alert';
import { useSession } from './session';
import { paths } from './paths';

/**
 * Shows `children` only to whom `allow` accepts: anonymous visitors are sent to the login page (and brought
 * back afterwards), signed-in users without the right see a short explanation.
 */
export function RequireAccess({ allow, children }: { allow: (session: TSessionResponse) => boolean; children: ReactNode }) {
  const { t } = useTranslation();
  const { session, isLoading } = useSession();
  const location = useLocation();
  if (isLoading) return <Loading />;
  if (!session.user) {
    return <Navigate to={paths.login} replace state={{ from: `${location.pathname}${location.search}` }} />;
  }
  if (!allow(session)) {
    return (
      <>
        <PageHeader title={t('access.forbiddenTitle')} />
        <ErrorAlert message={t('access.forbidden')} />
      </>
    );
  }
  return <>{children}</>;
}
