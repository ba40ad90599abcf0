/**
 * Audit action names (ADR 0023): each entry of the audit log says what happened as `<module>.<verb-noun>`, kebab-case
 * after the module's (or the platform area's) name: `needs.create-need`, `auth.change-password`,
 * `matching.agree-proposal`. Each module declares its own in common/contracts/<m>.audit.ts with defineAuditActions,
 * the platform's areas below; common/contracts/audit-action-catalog.ts composes them, so `recordAudit` and
 * `recordAccess` take only a declared name (an undeclared literal does not compile) and the audit log page and the
 * activity feed can list and translate every one.
 *
 * The labels live with the declaration, in Italian and English, because not only the web shows them: the activity
 * feed and digests the server writes in the recipient's language need them too.
 *
 * The log is hash-chained and never rewritten: a renamed action lists its old names in `formerly`, so rows written
 * before the rename keep their label and `GET /api/audit?action=<name>` finds them under the new name.
 */
export interface AuditActionDeclaration {
  it: string;
  en: string;
  /** Names this action was recorded under before it was renamed (rows keep them: the chain is never rewritten). */
  formerly?: readonly string[];
}

/** A module's (or platform area's) actions, every name prefixed by its owner's name so two owners never clash. */
export function defineAuditActions<const Prefix extends string, const Table extends Record<`${Prefix}.${string}`, AuditActionDeclaration>>(
  _prefix: Prefix,
  table: Table,
): Table {
  return table;
}

/** The platform's areas, as they name their actions (they are not modules: no manifest, no common/contracts/<m>.audit.ts). */
export const PLATFORM_AUDIT_AREAS = ['auth', 'users', 'audit', 'access', 'mail', 'settings', 'db', 'jobs', 'files'] as const;

export const AUTH_AUDIT_ACTIONS = defineAuditActions('auth', {
  'auth.sign-in': { it: 'Accesso', en: 'Sign-in', formerly: ['auth.login'] },
  'auth.fail-sign-in': { it: 'Accesso non riuscito', en: 'Failed sign-in', formerly: ['auth.login_failed', 'auth.locked'] },
  'auth.sign-out': { it: 'Uscita', en: 'Sign-out', formerly: ['auth.logout'] },
  'auth.sign-out-everywhere': { it: 'Uscita da tutti i dispositivi', en: 'Signed out everywhere', formerly: ['auth.logout_everywhere'] },
  'auth.confirm-identity': { it: 'Identità confermata con la password', en: 'Identity confirmed with the password', formerly: ['auth.reauthenticate'] },
  'auth.set-locale': { it: 'Lingua del proprio account scelta', en: 'Account language chosen' },
  'auth.change-password': { it: 'Password cambiata', en: 'Password changed', formerly: ['auth.change_password'] },
  'auth.request-password-reset': { it: 'Richiesta di reimpostare la password', en: 'Password reset requested', formerly: ['auth.request_password_reset'] },
  'auth.reset-password': { it: 'Password reimpostata', en: 'Password reset', formerly: ['auth.reset_password'] },
  'auth.start-totp-enrolment': { it: 'Configurazione della verifica in due passaggi avviata', en: 'Two-step verification set-up started', formerly: ['auth.totp_enrolment_started'] },
  'auth.enable-totp': { it: 'Verifica in due passaggi attivata', en: 'Two-step verification enabled', formerly: ['auth.totp_enabled'] },
  'auth.disable-totp': { it: 'Verifica in due passaggi disattivata', en: 'Two-step verification disabled', formerly: ['auth.totp_disabled'] },
});
export const USERS_AUDIT_ACTIONS = defineAuditActions('users', {
  'users.list-users': { it: "Consultazione dell'elenco degli utenti", en: 'Users list viewed', formerly: ['users.list'] },
  'users.create-user': { it: 'Utente creato', en: 'User created', formerly: ['users.create'] },
  'users.grant-role': { it: 'Ruolo assegnato a un utente', en: 'Role granted to a user', formerly: ['users.grant_role'] },
  'users.revoke-role': { it: 'Ruolo tolto a un utente', en: 'Role revoked from a user', formerly: ['users.revoke_role'] },
  'users.deactivate-user': { it: 'Utente disattivato', en: 'User deactivated', formerly: ['users.deactivate'] },
  'users.reactivate-user': { it: 'Utente riattivato', en: 'User reactivated', formerly: ['users.reactivate'] },
});
export const AUDIT_AUDIT_ACTIONS = defineAuditActions('audit', {
  'audit.read-log': { it: 'Consultazione del registro attività', en: 'Activity log viewed', formerly: ['audit.read'] },
  'audit.verify-chain': { it: 'Verifica della catena del registro', en: 'Log chain verified', formerly: ['audit.verify'] },
});
export const ACCESS_AUDIT_ACTIONS = defineAuditActions('access', {
  'access.refuse-request': { it: 'Tentativo rifiutato', en: 'Attempt refused', formerly: ['access.refused'] },
});
export const MAIL_AUDIT_ACTIONS = defineAuditActions('mail', {
  'mail.send-message': { it: 'E-mail inviata', en: 'E-mail sent', formerly: ['mail.sent'] },
  'mail.fail-delivery': { it: 'Invio e-mail non riuscito', en: 'E-mail delivery failed', formerly: ['mail.failed'] },
  'mail.update-settings': { it: 'Impostazioni di posta modificate', en: 'Mail settings edited', formerly: ['mail.settings.update'] },
});
export const SETTINGS_AUDIT_ACTIONS = defineAuditActions('settings', {
  'settings.update-settings': { it: 'Impostazioni modificate', en: 'Settings edited', formerly: ['settings.update'] },
});
export const DB_AUDIT_ACTIONS = defineAuditActions('db', {
  'db.grant-app-role': { it: "Permessi del ruolo dell'applicazione nel database", en: 'Database app role granted', formerly: ['db.grant_app_role'] },
});
export const JOBS_AUDIT_ACTIONS = defineAuditActions('jobs', {
  'jobs.retry-job': { it: 'Lavoro in background riprovato', en: 'Background job retried', formerly: ['jobs.retry'] },
  'jobs.give-up': { it: 'Attività in background non riuscita dopo tutti i tentativi', en: 'Background job failed after every attempt' },
});
export const FILES_AUDIT_ACTIONS = defineAuditActions('files', {
  'files.store-file': { it: 'Allegato caricato', en: 'Attachment uploaded' },
  'files.delete-file': { it: 'Allegato eliminato', en: 'Attachment deleted' },
  'files.download-file': { it: 'Allegato scaricato', en: 'Attachment downloaded' },
});

/** Every action server/platform records, whatever modules are installed. */
export const PLATFORM_AUDIT_ACTIONS = {
  ...AUTH_AUDIT_ACTIONS,
  ...USERS_AUDIT_ACTIONS,
  ...AUDIT_AUDIT_ACTIONS,
  ...ACCESS_AUDIT_ACTIONS,
  ...MAIL_AUDIT_ACTIONS,
  ...SETTINGS_AUDIT_ACTIONS,
  ...DB_AUDIT_ACTIONS,
  ...JOBS_AUDIT_ACTIONS,
  ...FILES_AUDIT_ACTIONS,
} as const;
