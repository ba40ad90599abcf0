/** Route paths, in Italian like the rest of the public interface. */
export const paths = {
  home: '/',
  territory: '/territorio',
  municipality: (istatCode: string) => `/territorio/comuni/${encodeURIComponent(istatCode)}`,
  districts: '/distretti',
  district: (id: string) => `/distretti/${encodeURIComponent(id)}`,
  audit: '/registro-attivita',
  settings: '/impostazioni',
  about: '/informazioni',
  login: '/accedi',
  apiDocs: '/api/docs',
} as const;
