import { ZOutboxQuery, type TOutboxMessage, type TOutboxQuery } from '../../../common/contracts/mail';
import { isPlatformAdmin } from '../access/actor';
import { assertCan } from '../access/policy';
import { fieldError } from '../errors/app-error';
import { parseInput } from '../errors/parse-input';
import type { UseCaseContext } from '../use-case';
import { coordinatedDistrictIds, MailActions } from './mail.policy';
import { selectMailSettings, selectOutboxPage } from './mail.repository';

/**
 * The outbox, newest first: every message for platform administrators, the messages of their districts for
 * coordinators (invitations carry personal links: nobody else may read them). Filterable by topic and status.
 */
export async function listOutbox(
  context: UseCaseContext,
  rawQuery: TOutboxQuery,
): Promise<{ items: TOutboxMessage[]; nextCursor: string | null; deliveryConfigured: boolean }> {
  assertCan(context.actor, MailActions['mail.outbox.read']);
  const query = parseInput(ZOutboxQuery, rawQuery);
  let after: { createdAt: string; id: string } | undefined;
  if (query.cursor) {
    const [createdAt, id] = query.cursor.split('|');
    if (!createdAt || !id || Number.isNaN(Date.parse(createdAt)) || !/^[0-9a-f-]{36}$/i.test(id)) throw fieldError('cursor', 'is not a cursor this endpoint returned');
    after = { createdAt, id };
  }
  const items = await selectOutboxPage(context.db.orm, {
    districtIds: isPlatformAdmin(context.actor) ? null : coordinatedDistrictIds(context.actor),
    topicType: query.topicType, topicId: query.topicId, status: query.status, after, limit: query.limit + 1,
  });
  const page = items.slice(0, query.limit);
  const last = page[page.length - 1];
  const settings = await selectMailSettings(context.db.orm);
  return {
    items: page,
    nextCursor: items.length > query.limit && last ? `${last.createdAt}|${last.id}` : null,
    deliveryConfigured: settings.host !== null && settings.from !== null,
  };
}
