/** The needs register's vocabulary (issue 6), shared by the server and the web app. */
export const NEED_STATUSES = ['open', 'answered_by_service', 'answered_by_project', 'closed'] as const;
export type NeedStatus = (typeof NEED_STATUSES)[number];

export const NEED_SOURCES = ['survey', 'manual'] as const;
export type NeedSource = (typeof NEED_SOURCES)[number];

/**
 * Allowed status changes: an open need is answered (by a service or a project) or closed; an answered or closed
 * need may be reopened. Anything else (e.g. answered → closed) goes through `open`, so the history stays readable.
 */
export function canChangeNeedStatus(from: NeedStatus, to: NeedStatus): boolean {
  if (from === to) return false;
  return from === 'open' || to === 'open';
}
