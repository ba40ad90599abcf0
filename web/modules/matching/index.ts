/** What other web modules may use from matching (pages are reached through the router, not imported). */
export { matchingPaths } from './matching-paths';
/** Answer buttons the person's home shows beside each proposal and referral addressed to their organization. */
export { ProposalAnswerButtons, ReferralAcceptButton } from './home-answers';
