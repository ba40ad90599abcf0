import { lazy } from 'react';
import { isPlatformAdmin, isSignedIn } from '../../app/access';
import { mayInvite } from '../../app/access-invitations';
import { paths } from '../../app/paths';
import type { WebModule } from '../../app/web-module';
import it from './i18n/it.json';
import en from './i18n/en.json';

const LoginPage = lazy(() => import('./login-page').then((m) => ({ default: m.LoginPage })));
const AccountPage = lazy(() => import('./account-page').then((m) => ({ default: m.AccountPage })));
const ForgotPasswordPage = lazy(() => import('./forgot-password-page').then((m) => ({ default: m.ForgotPasswordPage })));
const ResetPasswordPage = lazy(() => import('./reset-password-page').then((m) => ({ default: m.ResetPasswordPage })));
const UsersPage = lazy(() => import('./users-page').then((m) => ({ default: m.UsersPage })));
const InvitationsPage = lazy(() => import('./invitations-page').then((m) => ({ default: m.InvitationsPage })));
const AcceptInvitationPage = lazy(() => import('./accept-invitation-page').then((m) => ({ default: m.AcceptInvitationPage })));

const translations = { namespace: 'accounts', it, en } as const;

export const accountsWebModule: WebModule<typeof translations> = {
  name: 'accounts',
  translations,
  routes: [
    { path: 'accedi', page: LoginPage },
    { path: 'account', page: AccountPage },
    { path: 'password-dimenticata', page: ForgotPasswordPage },
    { path: 'reimposta-password', page: ResetPasswordPage },
    { path: 'amministrazione/utenti', page: UsersPage },
    { path: 'inviti', page: InvitationsPage },
    { path: 'invito', page: AcceptInvitationPage },
  ],
  navigation: [
    { to: paths.invitations, label: (t): string => t('invitations.navLabel', { ns: 'accounts' }), isVisible: (session) => isSignedIn(session) && mayInvite(session), group: 'administration' },
    { to: paths.users, label: (t): string => t('users.title', { ns: 'accounts' }), isVisible: isPlatformAdmin, group: 'administration' },
  ],
};
