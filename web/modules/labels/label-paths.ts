import { LABELS_WEB_PATHS } from '../../../common/contracts/labels';

/** Routes of the label pages (Italian, like the rest of the interface); the two the server links to come from the contract. */
export const labelPaths = {
  list: '/marchi',
  newScheme: '/marchi/nuovo',
  scheme: (id: string) => `/marchi/${encodeURIComponent(id)}`,
  application: LABELS_WEB_PATHS.application,
  verification: LABELS_WEB_PATHS.verification,
} as const;
