import type { TFunction } from 'i18next';

/**
 * Who did something, in words, for every history the server keeps (audit log, organization versions, referral
 * timeline): a person by their e-mail as stored; the server's own actors — a background job (`jobs`, `system:jobs`),
 * the start-up or a test — as an automatic process; the command line as an administrator there; a request nobody
 * signed as a person not signed in. Never the technical label itself.
 */
export function actorInWords(t: TFunction, label: string): string {
  if (label === 'system:cli') return t('ui.actors.commandLine');
  if (label === 'jobs' || label.startsWith('system:')) return t('ui.actors.automatic');
  if (label === 'anonymous') return t('ui.actors.anonymous');
  return label;
}
