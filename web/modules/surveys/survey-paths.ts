const enc = encodeURIComponent;

/** The surveys module's routes (Italian, like the rest of the interface). */
export const surveyPaths = {
  list: '/questionari',
  create: '/questionari/nuovo',
  builder: (id: string) => `/questionari/${enc(id)}`,
  invitations: (id: string) => `/questionari/${enc(id)}/inviti`,
  /** The report page belongs to the survey-reports module. */
  report: (id: string) => `/questionari/${enc(id)}/rapporto`,
  outbox: '/posta-in-uscita',
  answer: (token: string) => `/rispondi/${enc(token)}`,
} as const;
