/** Routes of the matching pages (Italian, like the rest of the interface). */
export const matchingPaths = {
  gaps: '/abbinamento',
  proposal: (id: string) => `/abbinamento/proposte/${encodeURIComponent(id)}`,
  referrals: '/abbinamento/segnalazioni',
  referral: (id: string) => `/abbinamento/segnalazioni/${encodeURIComponent(id)}`,
} as const;
