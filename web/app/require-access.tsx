import type { ReactNode } from 'react';
import { Link, Navigate, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TSessionResponse } from '../../common/contracts/auth';
import type { Role } from '../../common/domain/roles';
import { Loading } from '../ui/loading';
import { PageHeader } from '../ui/page-header';
import { ErrorAlert } from '../ui/error-alert';
import { useSession } from './session';
import { paths } from './paths';

/**
 * Shows `children` only to whom `allow` accepts: anonymous visitors are sent to the login page (and brought
 * back afterwards), signed-in users without the right are told which roles may use the page (`roles`, the ones
 * `allow` accepts) and led back to their home, where their own way starts.
 */
export function RequireAccess({ allow, roles, children }: { allow: (session: TSessionResponse) => boolean; roles?: readonly Role[]; children: ReactNode }) {
  const { t } = useTranslation();
  const { session, isLoading } = useSession();
  const location = useLocation();
  if (isLoading) return <Loading />;
  if (!session.user) {
    return <Navigate to={paths.login} replace state={{ from: `${location.pathname}${location.search}` }} />;
  }
  if (!allow(session)) {
    const who = (roles ?? []).map((role) => t(`access.roles.${role}`));
    return (
      <>
        <PageHeader title={t('access.forbiddenTitle')} />
        <ErrorAlert message={who.length > 0 ? t('access.forbiddenFor', { roles: who.join(t('access.rolesSeparator')) }) : t('access.forbidden')} />
        <p>
          <Link to={paths.home}>{t('access.yourWay')}</Link>
        </p>
      </>
    );
  }
  return <>{children}</>;
}
