/** Routes of the matching pages (Italian, like the rest of the interface). */
export const matchingPaths = {
  gaps: '/abbinamento',
  proposal: (id: string) => `/abbinamento/proposte/${encodeURIComponent(id)}`,
  referrals: '/abbinamento/segnalazioni',
  /** Refer one need of the user's organization to a service. */
  newReferral: (needId: string) => `/abbinamento/segnalazioni/nuova?bisogno=${encodeURIComponent(needId)}`,
  /** The new-referral page without a need: it leads to the needs register to pick one. */
  newReferralChoosingNeed: '/abbinamento/segnalazioni/nuova',
  referral: (id: string) => `/abbinamento/segnalazioni/${encodeURIComponent(id)}`,
} as const;
