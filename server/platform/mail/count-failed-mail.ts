import { isPlatformAdmin } from '../access/actor';
import { can } from '../access/policy';
import type { UseCaseContext } from '../use-case';
import { coordinatedDistrictIds, MailActions } from './mail.policy';
import { selectFailedMailCounts } from './mail.repository';

/**
 * How many messages of each district the mail server refused, for the districts among `districtIds` whose outbox the
 * actor reads (its coordinated districts; every district for platform administrators); the others are left out.
 */
export async function countFailedMail(context: UseCaseContext, districtIds: string[]): Promise<Map<string, number>> {
  if (!can(context.actor, MailActions['mail.outbox.read'])) return new Map();
  const readable = isPlatformAdmin(context.actor) ? districtIds : districtIds.filter((id) => coordinatedDistrictIds(context.actor).includes(id));
  return selectFailedMailCounts(context.db.orm, readable);
}
