/**
 * The tables the platform's own migrations (server/platform/migrations, server/platform/auth/migrations, server/platform/jobs/migrations, server/platform/files/migrations) create, plus the migration ledger the runner
 * creates itself: owned by "platform" (ADR 0026). Modules reach them through the platform's functions (auth, audit,
 * mail, settings), never by name.
 */
export const PLATFORM_TABLES = [
  'schema_migrations',
  'audit_log',
  'audit_chain_head',
  'app_settings',
  'mail_outbox',
  'mail_settings',
  'users',
  'sessions',
  'role_grants',
  'login_throttles',
  'password_reset_tokens',
  'user_totp',
  'user_recovery_codes',
  'jobs',
  'job_schedule_runs',
  'stored_files',
  'stored_file_contents',
] as const;

/** Platform tables modules may read by name: none; the platform exports functions instead. */
export const PLATFORM_PUBLISHES: readonly string[] = [];
