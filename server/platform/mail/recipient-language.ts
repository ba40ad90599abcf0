import { selectLocalesByEmail } from '../auth/auth.repository';
import type { DbExecutor } from '../db/database';
import { DEFAULT_LANGUAGE, type Language } from '../texts';

/**
 * The language to write each recipient in: the one their account chose (users.locale, set in "my account"), else
 * Italian, the platform's language (an organization's contact address belongs to no account).
 */
export async function recipientLanguages(db: DbExecutor, emails: string[]): Promise<(email: string) => Language> {
  const locales = await selectLocalesByEmail(db, emails);
  return (email) => locales.get(email.toLowerCase()) ?? DEFAULT_LANGUAGE;
}
