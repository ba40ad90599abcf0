import { PACTS_WEB_PATHS } from '../../../common/contracts/pacts';

/** Routes of the pact pages (Italian, like the rest of the interface). */
export const pactPaths = {
  list: '/patti',
  /** The list of one district's pacts (from the district page and the coordinator's home). */
  listOfDistrict: (districtId: string) => `/patti?distretto=${encodeURIComponent(districtId)}`,
  newPact: '/patti/nuovo',
  newPactOfDistrict: (districtId: string) => `/patti/nuovo?distretto=${encodeURIComponent(districtId)}`,
  /** The pact's page: text, versions, signatures, acknowledgements, adhesions. */
  pact: (id: string) => `/patti/${encodeURIComponent(id)}`,
  /** What changed between two versions, article by article. */
  diff: (id: string, from: number, to: number) => `/patti/${encodeURIComponent(id)}/confronto?da=${from}&a=${to}`,
  /** Commitments of the signatories and their dashboard, late first. */
  commitments: PACTS_WEB_PATHS.commitments,
  /** The story of the network: signatures over time, amendments, commitments done. */
  timeline: (id: string) => `/patti/${encodeURIComponent(id)}/storia`,
  /** The printable pact with its signatories and their commitments. */
  print: (id: string) => `/patti/${encodeURIComponent(id)}/stampa`,
  /** The public page of a pact the district made public (no sign-in). */
  publicPact: (id: string) => `/patti-pubblici/${encodeURIComponent(id)}`,
} as const;

/** The address parameters (Italian words, so the address reads like the page). */
export const PACT_PARAMS = { districtId: 'distretto', from: 'da', to: 'a' } as const;
