/** What other web modules may use from accounts (pages are reached through the router, not imported). */
/** The platform's re-authentication flow for sensitive acts: runs a call and asks the password again when the server wants it. */
export { useSensitiveAction } from './use-sensitive-action';
