export { labelsModule, REMIND_EXPIRING_LABELS_JOB } from './labels.module';
/** The use cases, for the access matrix's world, the demo and other modules' tests (each checks access itself). */
export { createScheme } from './create-scheme';
export { getScheme, listSchemes } from './read-schemes';
export { applyForLabel } from './apply-for-label';
export { getApplication, listApplications } from './read-applications';
export { saveEvidence } from './save-evidence';
export { assessCriterion } from './assess-criterion';
export { transitionApplication } from './transition-application';
export { revokeLabel } from './revoke-label';
export { verifyLabel, labelBadge } from './verify-label';
export { remindExpiringLabels } from './remind-expiring-labels';
/** For the services directory: the organizations' valid labels (badge on a provider's services) and the search filter. */
export { hasValidLabelSql, validLabelsOfOrganizations, type ValidLabel } from './organization-labels.repository';
