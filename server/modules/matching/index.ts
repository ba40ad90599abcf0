export { matchingModule } from './matching.module';
export { getDemandCoverage } from './get-demand-coverage';
export { getGroupDetail } from './get-group-detail';
/** A proposal its reader may see (access checked): co-designed projects start from one (issue 16). */
export { getProposal } from './get-proposal';
export { createProposal } from './create-proposal';
export { respondToProposal } from './respond-to-proposal';
export { agreeProposal } from './agree-proposal';
export { createReferral } from './create-referral';
export { transitionReferral } from './transition-referral';
export { remindReferralProviders } from './remind-referral-providers';
export { DEMO_FIRM_USER, DEMO_PROPOSAL_TITLE } from './fixtures/demo-matching.seed';
/** The per-group query, only for the benchmark's naive baseline (bench/matching.bench.ts). */
export { selectGroupSupplyNaive as selectGroupSupplyNaiveForBenchmark, selectDemandCoverage as selectDemandCoverageForBenchmark } from './matching-coverage.repository';
export { countDistrictGaps, countDistrictMatching, type DistrictMatchingCounts } from './count-district-matching';
/** For the home page (the caller limits the ids to the actor's own organizations and coordinated districts). */
export { selectDistrictMatchingWork, selectProposalAnswersWaiting, selectReferralsAwaitingInfo, selectReferralsWaitingForProvider } from './matching-home.repository';
/** The matching tests' small district, for other modules' tests that need proposals and referrals (the home's). */
export { buildMatchingWorld, PINEROLO, type MatchingWorld } from './fixtures/matching-world';
