import { GROUPS_MEETING_FILE_OWNER } from '../../../common/contracts/groups';
import { can } from '../../platform/access/policy';
import { AppError } from '../../platform/errors/app-error';
import type { FileOwner } from '../../platform/files/file-owners';
import type { UseCaseContext } from '../../platform/use-case';
import { GroupActions } from './groups.policy';
import { loadReadableMeeting } from './meetings';

const RECORD_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function standingFor(context: UseCaseContext, meetingId: string) {
  if (!RECORD_ID.test(meetingId)) return null;
  try {
    return await loadReadableMeeting(context.db.orm, context.actor, meetingId);
  } catch (error) {
    // No such meeting, or one this actor may not read: no record for the file store. Anything else is a failure, not a 404.
    if (error instanceof AppError && error.code === 'COMMON.NOT_FOUND') return null;
    throw error;
  }
}

/**
 * A meeting's documents (agenda papers, slides, attachments of the minutes) in the platform's file store: read by
 * whoever may read the meeting, attached and removed by the group's writers while the group is open, the meeting not
 * cancelled and its minutes not published.
 */
export const meetingFileOwner: FileOwner = {
  name: GROUPS_MEETING_FILE_OWNER,
  async canRead(context, recordId) {
    return (await standingFor(context, recordId)) !== null;
  },
  async canWrite(context, recordId) {
    const loaded = await standingFor(context, recordId);
    if (!loaded) return false;
    return (
      can(context.actor, GroupActions['groups.write'], loaded.standing) &&
      loaded.group.status !== 'closed' &&
      loaded.meeting.status !== 'cancelled' &&
      loaded.meeting.minutesStatus !== 'published'
    );
  },
};
