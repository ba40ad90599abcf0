export { pactsModule, NOTICE_LATE_COMMITMENTS_JOB } from './pacts.module';
export { DEMO_PACT_TITLE, seedDemoPacts } from './fixtures/demo-pacts.seed';
/** The use cases, for the access matrix's world and other modules' tests (each checks access itself). */
export { createPact, getPact, listPacts, updatePact } from './manage-pacts';
export { amendPact, changePactVersionStatus, diffPactVersions, updatePactVersion } from './pact-versions';
export { acknowledgeAmendment, decideAdhesion, signPactVersion } from './sign-pact';
export { createCommitment, getCommitment, getPactDashboard, updateCommitment } from './commitments';
export { noticeLateCommitments } from './notice-late-commitments';
export { getPactTimeline } from './pact-timeline';
