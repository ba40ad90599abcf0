/** Italian paths of the services pages (registered in web/app/router.tsx). */
export const servicePaths = {
  search: '/servizi',
  service: (id: string) => `/servizi/scheda/${encodeURIComponent(id)}`,
  edit: (id: string) => `/servizi/scheda/${encodeURIComponent(id)}/modifica`,
  create: '/servizi/nuovo',
  stale: '/servizi/da-confermare',
  taxonomy: '/servizi/categorie',
  import: '/servizi/importa',
} as const;
