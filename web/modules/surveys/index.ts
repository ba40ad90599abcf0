/** What other web modules may use from surveys (pages are reached through the router, not imported). */
export { MemberAnswerButton } from './member-answer-button';
export { surveyPaths } from './survey-paths';
