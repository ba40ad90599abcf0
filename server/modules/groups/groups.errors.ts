import { AppError } from '../../platform/errors/app-error';

const field = (path: string, message: string, reason?: string) => ({ fields: [{ path, message, ...(reason ? { reason } : {}) }] });

export const alreadyMember = (path: 'userId' | 'substituteUserId') =>
  new AppError('GROUPS.ALREADY_MEMBER', 'This person is already a member of the group', field(path, 'already a member of this group', 'already-used'));

export const invalidGroupStatusChange = (from: string, to: string) =>
  new AppError('GROUPS.INVALID_STATUS_CHANGE', `A group cannot go from ${from} to ${to}`, { from, to, ...field('status', `cannot go from ${from} to ${to}`) });

export const groupClosed = () => new AppError('GROUPS.GROUP_CLOSED', 'The group is closed', field('groupId', 'the group is closed'));

export const meetingNotScheduled = (status: string, path = 'status') =>
  new AppError('GROUPS.MEETING_NOT_SCHEDULED', `The meeting is ${status}, not scheduled`, { status, ...field(path, `the meeting is ${status}`) });

export const meetingNotMinuted = () =>
  new AppError(
    'GROUPS.MEETING_NOT_MINUTED',
    'A decision is recorded with the minutes of a meeting that was held: this meeting was not held or has no minutes yet',
    field('meetingId', 'the meeting was not held or has no minutes'),
  );

export const minutesPublished = () =>
  new AppError('GROUPS.MINUTES_PUBLISHED', 'Published minutes cannot change: record a correction (a new version) with its reason', field('body', 'the minutes are published'));

export const minutesNotPublished = () =>
  new AppError('GROUPS.MINUTES_NOT_PUBLISHED', 'The minutes are not published yet: edit the draft', field('body', 'the minutes are not published yet'));
