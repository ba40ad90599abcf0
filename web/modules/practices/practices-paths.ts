/** The practices pages' addresses (Italian, like every address); other modules link through index.ts. */
export const practicesPaths = {
  list: '/pratiche',
  /** The list narrowed to one district (the district page links here). */
  ofDistrict: (districtId: string) => `/pratiche?distretto=${encodeURIComponent(districtId)}`,
  /** The "failures and lessons" view of the list. */
  lessons: '/pratiche?lezioni=1',
  practice: (id: string) => `/pratiche/${encodeURIComponent(id)}`,
  create: '/pratiche/nuova',
  edit: (id: string) => `/pratiche/${encodeURIComponent(id)}/modifica`,
} as const;
