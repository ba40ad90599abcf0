import { diffLines } from 'diff';
import {
  ZMinutesCorrection,
  ZMinutesDiffQuery,
  ZMinutesPublish,
  ZMinutesSave,
  type TMinutes,
  type TMinutesCorrection,
  type TMinutesDiff,
  type TMinutesPublish,
  type TMinutesSave,
} from '../../../common/contracts/groups';
import { actorUserId } from '../../platform/access/actor';
import { assertCan, can } from '../../platform/access/policy';
import { recordAudit } from '../../platform/audit/audit';
import { peopleByIds } from '../../platform/auth/people';
import { fieldError, notFound, staleVersion } from '../../platform/errors/app-error';
import { parseInput } from '../../platform/errors/parse-input';
import { inTransaction, type UseCaseContext } from '../../platform/use-case';
import { peopleNamedIn, toDecision, toMinutesVersion } from './group-views';
import { minutesNotPublished, minutesPublished } from './groups.errors';
import { GroupActions } from './groups.policy';
import {
  insertMinutesDraft,
  insertPublishedCorrection,
  publishMinutesDraft,
  selectDecisionsOfMeeting,
  selectMinutesVersions,
  updateMinutesDraft,
  type MinutesVersionRow,
} from './groups.repository';
import { loadReadableMeeting, type MeetingContext } from './meetings';

function visibleVersions(context: UseCaseContext, loaded: MeetingContext, versions: MinutesVersionRow[]): MinutesVersionRow[] {
  return can(context.actor, GroupActions['groups.read-drafts'], loaded.standing) ? versions : versions.filter((version) => version.status === 'published');
}

/**
 * A meeting's minutes, newest version first: drafts are read by the group's members and the district's coordinators
 * only; any other viewer of an open group reads the published versions.
 */
export async function getMinutes(context: UseCaseContext, meetingId: string): Promise<TMinutes> {
  assertCan(context.actor, GroupActions['groups.signed-in']);
  const db = context.db.orm;
  const loaded = await loadReadableMeeting(db, context.actor, meetingId);
  const all = await selectMinutesVersions(db, meetingId);
  const versions = visibleVersions(context, loaded, all);
  const people = await peopleByIds(db, peopleNamedIn({ versions }));
  const latest = all[0] ?? null;
  const writer = can(context.actor, GroupActions['groups.write'], loaded.standing);
  // Decisions are part of the minutes: read only when the viewer reads a version of them.
  const decisions = versions.length > 0 ? await selectDecisionsOfMeeting(db, meetingId) : [];
  return {
    meetingId,
    status: versions[0]?.status ?? null,
    versions: versions.map((version) => toMinutesVersion(version, people)),
    version: latest?.status === 'draft' && versions.includes(latest) ? latest.version : 0,
    canEdit: writer && loaded.meeting.status === 'held' && latest?.status !== 'published',
    canPublish: writer && latest?.status === 'draft',
    canCorrect: writer && loaded.meeting.status === 'held' && latest?.status === 'published',
    decisions: decisions.map(toDecision),
  };
}

function assertMinutesWritable(context: UseCaseContext, loaded: MeetingContext): void {
  assertCan(context.actor, GroupActions['groups.write'], loaded.standing);
  if (loaded.meeting.status !== 'held') throw fieldError('meetingId', 'minutes are written for a meeting that was held');
}

/**
 * Creates (version 0) or saves the draft of the minutes (Markdown). Once published they cannot change: 409
 * GROUPS.MINUTES_PUBLISHED naming `body` — a correction is a new version.
 */
export async function saveMinutes(context: UseCaseContext, meetingId: string, raw: TMinutesSave): Promise<TMinutes> {
  assertCan(context.actor, GroupActions['groups.signed-in']);
  const input = parseInput(ZMinutesSave, raw);
  await inTransaction(context, async (tx) => {
    const loaded = await loadReadableMeeting(tx, context.actor, meetingId, { forUpdate: true });
    assertMinutesWritable(context, loaded);
    const [latest] = await selectMinutesVersions(tx, meetingId, { forUpdate: true });
    if (latest?.status === 'published') throw minutesPublished();
    if (!latest) {
      if (input.version !== 0) throw staleVersion('minutes', meetingId, input.version, 0);
      if (!(await insertMinutesDraft(tx, meetingId, input.body, actorUserId(context.actor)))) throw staleVersion('minutes', meetingId, input.version, null);
    } else {
      if (latest.version !== input.version) throw staleVersion('minutes', meetingId, input.version, latest.version);
      if (!(await updateMinutesDraft(tx, meetingId, latest.number, input.version, input.body, actorUserId(context.actor)))) throw staleVersion('minutes', meetingId, input.version, null);
    }
    await recordAudit(tx, context, { action: 'groups.save-minutes', entityType: 'group_minutes', entityId: meetingId, before: latest ? { body: latest.body } : null, after: { body: input.body } });
  });
  return getMinutes(context, meetingId);
}

/** The secretary (or the chair, or a coordinator) publishes the draft: from then on it never changes. */
export async function publishMinutes(context: UseCaseContext, meetingId: string, raw: TMinutesPublish): Promise<TMinutes> {
  assertCan(context.actor, GroupActions['groups.signed-in']);
  const input = parseInput(ZMinutesPublish, raw);
  await inTransaction(context, async (tx) => {
    const loaded = await loadReadableMeeting(tx, context.actor, meetingId, { forUpdate: true });
    assertMinutesWritable(context, loaded);
    const [latest] = await selectMinutesVersions(tx, meetingId, { forUpdate: true });
    if (!latest) throw notFound('minutes', meetingId);
    if (latest.status === 'published') throw minutesPublished();
    if (latest.version !== input.version) throw staleVersion('minutes', meetingId, input.version, latest.version);
    if (latest.body.trim() === '') throw fieldError('body', 'empty minutes cannot be published', 'required');
    if (!(await publishMinutesDraft(tx, meetingId, latest.number, input.version, actorUserId(context.actor)))) throw staleVersion('minutes', meetingId, input.version, null);
    await recordAudit(tx, context, { action: 'groups.publish-minutes', entityType: 'group_minutes', entityId: meetingId, after: { number: latest.number } });
  });
  return getMinutes(context, meetingId);
}

/** A correction of published minutes: a new published version with its reason; every earlier version is kept. */
export async function correctMinutes(context: UseCaseContext, meetingId: string, raw: TMinutesCorrection): Promise<TMinutes> {
  assertCan(context.actor, GroupActions['groups.signed-in']);
  const input = parseInput(ZMinutesCorrection, raw);
  await inTransaction(context, async (tx) => {
    const loaded = await loadReadableMeeting(tx, context.actor, meetingId, { forUpdate: true });
    assertMinutesWritable(context, loaded);
    const [latest] = await selectMinutesVersions(tx, meetingId, { forUpdate: true });
    if (!latest || latest.status !== 'published') throw minutesNotPublished();
    if (latest.body === input.body) throw fieldError('body', 'the correction must change the text', 'must-differ');
    await insertPublishedCorrection(tx, meetingId, latest.number + 1, input.body, input.reason, actorUserId(context.actor));
    await recordAudit(tx, context, { action: 'groups.correct-minutes', entityType: 'group_minutes', entityId: meetingId, before: { number: latest.number }, after: { number: latest.number + 1, reason: input.reason } });
  });
  return getMinutes(context, meetingId);
}

/** What changed between two versions the viewer may read, line by line (jsdiff). */
export async function diffMinutes(context: UseCaseContext, meetingId: string, raw: unknown): Promise<TMinutesDiff> {
  assertCan(context.actor, GroupActions['groups.signed-in']);
  const input = parseInput(ZMinutesDiffQuery, raw);
  const db = context.db.orm;
  const loaded = await loadReadableMeeting(db, context.actor, meetingId);
  const versions = visibleVersions(context, loaded, await selectMinutesVersions(db, meetingId));
  const from = versions.find((version) => version.number === input.from);
  const to = versions.find((version) => version.number === input.to);
  if (!from) throw fieldError('from', 'no such version', 'not-found');
  if (!to) throw fieldError('to', 'no such version', 'not-found');
  const parts = diffLines(from.body, to.body).map((part) => ({ kind: part.added ? ('added' as const) : part.removed ? ('removed' as const) : ('same' as const), text: part.value }));
  return { from: from.number, to: to.number, reason: to.reason, parts };
}
