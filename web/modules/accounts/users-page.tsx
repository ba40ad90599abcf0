import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button } from 'design-react-kit';
import { z } from 'zod';
import { ZUserList, type TGrantRoleRequest, type TUserSummary } from '../../../common/contracts/auth';
import { ZDistrictList } from '../../../common/contracts/districts';
import { ZOrganizationPage } from '../../../common/contracts/organizations';
import { ROLES, type Role } from '../../../common/domain/roles';
import { api } from '../../app/api-client';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { describeError } from '../../app/error-messages';
import { isPlatformAdmin } from '../../app/access';
import { paths } from '../../app/paths';
import { RequireAccess } from '../../app/require-access';
import { useSession } from '../../app/session';
import { SelectField, TextField } from '../../ui/form-field';
import { Loading } from '../../ui/loading';
import { PageHeader } from '../../ui/page-header';
import { useSensitiveAction } from './use-sensitive-action';

const usersKey = (q: string) => ['users', q] as const;

/** User administration (platform administrators): search, grant and revoke roles, deactivate and reactivate. */
export function UsersPage() {
  const { t } = useTranslation('accounts');
  const { t: tRoot } = useTranslation();
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  const users = useQuery({
    queryKey: usersKey(q),
    queryFn: ({ signal }) => api.get('/api/users', ZUserList, { signal, query: { q, limit: 100 } }),
    placeholderData: keepPreviousData,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setQ(search.trim());
  };
  return (
    <RequireAccess allow={isPlatformAdmin} roles={['platform_admin']}>
      <PageHeader title={t('users.title')} breadcrumbs={[{ label: tRoot('nav.home'), to: paths.home }, { label: t('users.title') }]} lead={t('users.lead')} />
      <form onSubmit={submit} className="d-flex align-items-end gap-2 mb-4" role="search">
        <TextField id="users-search" type="search" label={t('users.search')} value={search} onChange={(event) => setSearch(event.target.value)} className="flex-grow-1 mb-0" />
        <Button type="submit" color="primary" className="mb-3">
          {t('users.searchSubmit')}
        </Button>
      </form>
      {users.isPending && <Loading />}
      {users.isError && <ApiErrorAlert error={users.error} onRetry={() => void users.refetch()} />}
      {users.data && <UsersTable users={users.data.items} total={users.data.total} />}
    </RequireAccess>
  );
}

function UsersTable({ users, total }: { users: TUserSummary[]; total: number }) {
  const { t } = useTranslation('accounts');
  const { t: tRoot } = useTranslation();
  const { session } = useSession();
  const queryClient = useQueryClient();
  const sensitive = useSensitiveAction();
  const [grantingFor, setGrantingFor] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const act = async (work: () => Promise<unknown>) => {
    setMessage(null);
    setError(null);
    try {
      const done = await sensitive.run(async () => {
        await work();
        return true;
      });
      if (done) {
        setMessage(t('users.saved'));
        setGrantingFor(null);
      }
    } catch (caught) {
      setError(caught);
    } finally {
      await queryClient.invalidateQueries({ queryKey: ['users'] });
    }
  };

  return (
    <>
      <p>{t('users.total', { count: total })}</p>
      {sensitive.prompt}
      <div role="status">{message && <div className="alert alert-success">{message}</div>}</div>
      <div role="alert">{error !== null && <div className="alert alert-danger">{describeError(error, tRoot)}</div>}</div>
      {users.length === 0 ? (
        <p>{t('users.empty')}</p>
      ) : (
        <div className="table-responsive" tabIndex={0} role="region" aria-label={t('users.title')}>
          <table className="table">
            <caption className="visually-hidden">{t('users.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('users.name')}</th>
                <th scope="col">{t('users.email')}</th>
                <th scope="col">{t('users.roles')}</th>
                <th scope="col">{t('users.state')}</th>
                <th scope="col">{t('users.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {users.map((user) => (
                <UserRow
                  key={user.id}
                  user={user}
                  isSelf={user.id === session.user?.id}
                  isGranting={grantingFor === user.id}
                  onToggleGrant={() => setGrantingFor((current) => (current === user.id ? null : user.id))}
                  onRevoke={(grantId) => act(() => api.delete(`/api/users/${user.id}/grants/${grantId}`, null))}
                  onActive={(isActive) => act(() => api.put(`/api/users/${user.id}/active`, z.null().or(z.undefined()), { isActive }))}
                  onGrant={(grant) => act(() => api.post(`/api/users/${user.id}/grants`, z.object({ id: z.string() }), grant))}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function UserRow(props: {
  user: TUserSummary;
  isSelf: boolean;
  isGranting: boolean;
  onToggleGrant: () => void;
  onRevoke: (grantId: string) => Promise<void>;
  onActive: (isActive: boolean) => Promise<void>;
  onGrant: (grant: TGrantRoleRequest) => Promise<void>;
}) {
  const { t } = useTranslation('accounts');
  const { user } = props;
  return (
    <>
      <tr>
        <td>
          {user.displayName}
          {user.hasTotp && <span className="badge bg-secondary ms-2">{t('users.totp')}</span>}
        </td>
        <td>{user.email}</td>
        <td>
          {user.grants.length === 0 && <span>{t('users.noRoles')}</span>}
          <ul className="list-unstyled mb-0">
            {user.grants.map((grant) => (
              <li key={grant.id} className="mb-1">
                {t(`roles.${grant.role}`)}
                {grant.scopeName ? ` · ${grant.scopeName}` : ''}{' '}
                <Button
                  type="button"
                  size="xs"
                  color="danger"
                  outline
                  aria-label={t('users.revoke', { role: t(`roles.${grant.role}`), name: user.displayName })}
                  onClick={() => void props.onRevoke(grant.id)}
                >
                  {t('users.revokeShort')}
                </Button>
              </li>
            ))}
          </ul>
        </td>
        <td>{user.isActive ? t('users.active') : t('users.inactive')}</td>
        <td>
          <div className="d-flex flex-wrap gap-2">
            <Button type="button" size="xs" color="primary" outline aria-expanded={props.isGranting} aria-label={t('users.grantTitle', { name: user.displayName })} onClick={props.onToggleGrant}>
              {t('users.grantShort')}
            </Button>
            {!props.isSelf && (
              <Button
                type="button"
                size="xs"
                color={user.isActive ? 'danger' : 'success'}
                aria-label={user.isActive ? t('users.deactivateLabel', { name: user.displayName }) : t('users.reactivateLabel', { name: user.displayName })}
                onClick={() => void props.onActive(!user.isActive)}
              >
                {user.isActive ? t('users.deactivate') : t('users.reactivate')}
              </Button>
            )}
          </div>
        </td>
      </tr>
      {props.isGranting && (
        <tr>
          <td colSpan={5}>
            <GrantForm user={user} onGrant={props.onGrant} />
          </td>
        </tr>
      )}
    </>
  );
}

function GrantForm({ user, onGrant }: { user: TUserSummary; onGrant: (grant: TGrantRoleRequest) => Promise<void> }) {
  const { t } = useTranslation('accounts');
  const [role, setRole] = useState<Role>('organization_member');
  const [scopeId, setScopeId] = useState('');
  const [scopeError, setScopeError] = useState<string | null>(null);
  const needsDistrict = role === 'district_coordinator';
  const needsOrganization = role === 'organization_admin' || role === 'organization_member';
  const districts = useQuery({
    queryKey: ['districts', 'list'],
    queryFn: ({ signal }) => api.get('/api/districts', ZDistrictList, { signal }).then((list) => list.items),
    enabled: needsDistrict,
  });
  const organizations = useQuery({
    queryKey: ['organizations', 'for-grants'],
    queryFn: ({ signal }) => api.get('/api/organizations', ZOrganizationPage, { signal, query: { limit: 200 } }).then((page) => page.items),
    enabled: needsOrganization,
  });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if ((needsDistrict || needsOrganization) && !scopeId) return setScopeError(t('required'));
    setScopeError(null);
    await onGrant(needsDistrict ? { role, districtId: scopeId } : needsOrganization ? { role, organizationId: scopeId } : { role });
  };
  const idPrefix = `grant-${user.id}`;
  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label={t('users.grantTitle', { name: user.displayName })} className="d-flex flex-wrap align-items-end gap-3">
      <SelectField id={`${idPrefix}-role`} label={t('users.role')} value={role} onChange={(event) => { setRole(event.target.value as Role); setScopeId(''); }}>
        {ROLES.map((option) => (
          <option key={option} value={option}>
            {t(`roles.${option}`)}
          </option>
        ))}
      </SelectField>
      {needsDistrict && (
        <SelectField id={`${idPrefix}-district`} label={t('users.district')} isRequired value={scopeId} error={scopeError} onChange={(event) => setScopeId(event.target.value)}>
          <option value="">{t('users.chooseDistrict')}</option>
          {(districts.data ?? []).map((district) => (
            <option key={district.id} value={district.id}>
              {district.name}
            </option>
          ))}
        </SelectField>
      )}
      {needsOrganization && (
        <SelectField id={`${idPrefix}-organization`} label={t('users.organization')} isRequired value={scopeId} error={scopeError} onChange={(event) => setScopeId(event.target.value)}>
          <option value="">{t('users.chooseOrganization')}</option>
          {(organizations.data ?? []).map((organization) => (
            <option key={organization.id} value={organization.id}>
              {organization.shortName ?? organization.legalName}
            </option>
          ))}
        </SelectField>
      )}
      <Button type="submit" color="primary" className="mb-3">
        {t('users.grant')}
      </Button>
    </form>
  );
}
