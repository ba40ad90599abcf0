import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ZSessionResponse, type TLoginRequest, type TSessionResponse } from '../../common/contracts/auth';
import { api, setCsrfToken } from './api-client';

export const SESSION_QUERY_KEY = ['session'] as const;

const ANONYMOUS: TSessionResponse = { user: null, roles: [], csrfToken: null };

async function fetchSession(signal?: AbortSignal): Promise<TSessionResponse> {
  const session = await api.get('/api/auth/session', ZSessionResponse, { signal });
  setCsrfToken(session.csrfToken);
  return session;
}

interface SessionContextValue {
  /** The current session; anonymous until the server says otherwise. */
  session: TSessionResponse;
  isLoading: boolean;
  /** Signs in; throws ApiError (AUTH.INVALID_CREDENTIALS, AUTH.THROTTLED, AUTH.TOTP_REQUIRED, COMMON.RATE_LIMITED…) on failure. */
  login: (credentials: TLoginRequest) => Promise<TSessionResponse>;
  logout: (options?: { everywhere?: boolean }) => Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const { i18n } = useTranslation();
  const query = useQuery({
    queryKey: SESSION_QUERY_KEY,
    queryFn: ({ signal }) => fetchSession(signal),
    staleTime: 5 * 60_000,
  });

  const login = useCallback(
    async (credentials: TLoginRequest) => {
      const session = await api.post('/api/auth/login', ZSessionResponse, credentials);
      setCsrfToken(session.csrfToken);
      // What an anonymous visitor was allowed to see may differ from what this user may see.
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_QUERY_KEY[0] });
      queryClient.setQueryData(SESSION_QUERY_KEY, session);
      // The web app speaks the language the person chose in "my account" (their mails already do).
      if (session.user && session.user.locale !== i18n.resolvedLanguage) await i18n.changeLanguage(session.user.locale);
      return session;
    },
    [queryClient, i18n],
  );

  const logout = useCallback(
    async (options: { everywhere?: boolean } = {}) => {
      await api.post(options.everywhere ? '/api/auth/logout-everywhere' : '/api/auth/logout', null);
      setCsrfToken(null);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_QUERY_KEY[0] });
      queryClient.setQueryData(SESSION_QUERY_KEY, ANONYMOUS);
      // The server may hand out a fresh anonymous CSRF token.
      await queryClient.invalidateQueries({ queryKey: SESSION_QUERY_KEY });
    },
    [queryClient],
  );

  const value = useMemo<SessionContextValue>(
    () => ({ session: query.data ?? ANONYMOUS, isLoading: query.isPending, login, logout }),
    [query.data, query.isPending, login, logout],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>');
  return value;
}
