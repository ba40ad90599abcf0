/** The address parameter naming the district a matching page opens on (the needs register reads the same one). */
export const DISTRICT_PARAM = 'distretto';

const ofDistrict = (path: string, districtId: string) => `${path}?${DISTRICT_PARAM}=${encodeURIComponent(districtId)}`;

/** Routes of the matching pages (Italian, like the rest of the interface). */
export const matchingPaths = {
  gaps: '/abbinamento',
  /** The gap map and the proposals of one district (from the district page and the coordinator's home). */
  gapsOfDistrict: (districtId: string) => ofDistrict('/abbinamento', districtId),
  proposal: (id: string) => `/abbinamento/proposte/${encodeURIComponent(id)}`,
  referrals: '/abbinamento/segnalazioni',
  /** The referrals made in one district. */
  referralsOfDistrict: (districtId: string) => ofDistrict('/abbinamento/segnalazioni', districtId),
  /** Refer one need of the user's organization to a service. */
  newReferral: (needId: string) => `/abbinamento/segnalazioni/nuova?bisogno=${encodeURIComponent(needId)}`,
  /** The new-referral page without a need: it leads to the needs register to pick one. */
  newReferralChoosingNeed: '/abbinamento/segnalazioni/nuova',
  referral: (id: string) => `/abbinamento/segnalazioni/${encodeURIComponent(id)}`,
} as const;

/**
 * The district the gap map shows: the one its address names (while the list loads, or when the reader may see it),
 * else the first the reader coordinates, else the demo district, else the first one.
 */
export function districtShown(named: string | null, coordinated: string[], districts: { id: string; isDemo: boolean }[] | undefined): string | null {
  if (named && (!districts || districts.some((district) => district.id === named))) return named;
  return coordinated[0] ?? districts?.find((district) => district.isDemo)?.id ?? districts?.[0]?.id ?? null;
}

/** The district the referrals page is filtered on: the one its address names if the reader may see it, else none (all). */
export function referralsDistrict(named: string | null, districts: { id: string }[] | undefined): string | null {
  if (!named) return null;
  return !districts || districts.some((district) => district.id === named) ? named : null;
}
