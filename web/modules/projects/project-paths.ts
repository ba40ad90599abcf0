/** Routes of the project pages (Italian, like the rest of the interface). */
export const projectPaths = {
  list: '/progetti',
  /** The list filtered on one district (from the district page and the coordinator's home). */
  listOfDistrict: (districtId: string) => `/progetti?distretto=${encodeURIComponent(districtId)}`,
  /** The list of the projects an organization is a partner of (from the home of its people). */
  listOfOrganization: (organizationId: string) => `/progetti?organizzazione=${encodeURIComponent(organizationId)}`,
  project: (id: string) => `/progetti/${encodeURIComponent(id)}`,
  /** The printable project sheet. */
  sheet: (id: string) => `/progetti/${encodeURIComponent(id)}/scheda`,
  newProject: '/progetti/nuovo',
  /** The new-project page that starts a project from a shared-service proposal. */
  fromProposal: (proposalId: string) => `/progetti/nuovo?proposta=${encodeURIComponent(proposalId)}`,
} as const;

/** The address parameters of the list's filters (Italian words, so the address reads like the page). */
export const LIST_PARAMS = {
  districtId: 'distretto',
  status: 'stato',
  strand: 'ambito',
  targetGroup: 'destinatari',
  fundingKind: 'finanziamento',
  organizationId: 'organizzazione',
} as const;
