import { describe, expect, it } from 'vitest';
import {
  GROUP_STATUSES,
  canChangeGroupStatus,
  canRecordDecision,
  checkMeetingTimes,
  decisionReference,
  instantToRomeLocal,
  isActionOverdue,
  isCurrentMember,
  isGroupWriterRole,
  isOverdueNoticeDue,
  nextGroupStatuses,
  romeLocalToInstant,
  summarizeAttendance,
  type AttendanceLine,
} from './groups';

describe('group status', () => {
  it('goes forming → active → closed, or forming → closed, and never back', () => {
    const allowed = GROUP_STATUSES.flatMap((from) => GROUP_STATUSES.filter((to) => canChangeGroupStatus(from, to)).map((to) => `${from}>${to}`));
    expect(allowed).toEqual(['forming>active', 'forming>closed', 'active>closed']);
    expect(nextGroupStatuses('closed')).toEqual([]);
    expect(nextGroupStatuses('forming')).toEqual(['active', 'closed']);
  });
});

describe('meeting time in Europe/Rome', () => {
  it('converts wall-clock times to instants in winter and summer, and back', () => {
    expect(romeLocalToInstant('2026-12-14', '17:30').toISOString()).toBe('2026-12-14T16:30:00.000Z');
    expect(romeLocalToInstant('2027-06-14', '17:30').toISOString()).toBe('2027-06-14T15:30:00.000Z');
    expect(romeLocalToInstant('2027-01-01', '00:15').toISOString()).toBe('2026-12-31T23:15:00.000Z');
    expect(instantToRomeLocal(new Date('2026-12-14T16:30:00Z'))).toBe('2026-12-14T17:30');
    expect(instantToRomeLocal(new Date('2027-06-14T22:30:00Z'))).toBe('2027-06-15T00:30');
  });

  const now = new Date('2026-12-07T09:00:00Z');
  it('accepts a future meeting that ends after it starts', () => {
    expect(checkMeetingTimes({ date: '2026-12-14', startTime: '17:30', endTime: '19:00' }, now, { scheduling: true })).toEqual({
      startsAt: new Date('2026-12-14T16:30:00Z'),
      endsAt: new Date('2026-12-14T18:00:00Z'),
    });
    expect(checkMeetingTimes({ date: '2026-12-14', startTime: '23:00', endDate: '2026-12-15', endTime: '01:00' }, now, { scheduling: true })).toMatchObject({
      endsAt: new Date('2026-12-15T00:00:00Z'),
    });
  });
  it('names endTime (or endDate) when the end is not after the start', () => {
    expect(checkMeetingTimes({ date: '2026-12-14', startTime: '17:30', endTime: '17:30' }, now, { scheduling: true })).toMatchObject({ field: 'endTime' });
    expect(checkMeetingTimes({ date: '2026-12-14', startTime: '17:30', endTime: '16:00' }, now, { scheduling: false })).toMatchObject({ field: 'endTime' });
    expect(checkMeetingTimes({ date: '2026-12-14', startTime: '17:30', endDate: '2026-12-13', endTime: '18:00' }, now, { scheduling: true })).toMatchObject({ field: 'endDate' });
  });
  it('names date when a scheduled meeting would start in the past, but records a past meeting as held', () => {
    // 09:59 in Rome is 08:59Z: one minute before now
    expect(checkMeetingTimes({ date: '2026-12-07', startTime: '09:59', endTime: '11:00' }, now, { scheduling: true })).toMatchObject({ field: 'date' });
    expect(checkMeetingTimes({ date: '2026-12-07', startTime: '10:00', endTime: '11:00' }, now, { scheduling: true })).toMatchObject({ startsAt: now });
    expect(checkMeetingTimes({ date: '2026-11-30', startTime: '10:00', endTime: '11:00' }, now, { scheduling: false })).toMatchObject({ startsAt: new Date('2026-11-30T09:00:00Z') });
  });
});

describe('membership', () => {
  it('is current from its first to its last day, both included', () => {
    expect(isCurrentMember({ fromOn: '2026-12-07', toOn: null }, '2026-12-07')).toBe(true);
    expect(isCurrentMember({ fromOn: '2026-12-08', toOn: null }, '2026-12-07')).toBe(false);
    expect(isCurrentMember({ fromOn: '2026-01-01', toOn: '2026-12-07' }, '2026-12-07')).toBe(true);
    expect(isCurrentMember({ fromOn: '2026-01-01', toOn: '2026-12-06' }, '2026-12-07')).toBe(false);
  });
  it('lets the chair and the secretary write, not members nor observers', () => {
    expect([isGroupWriterRole('chair'), isGroupWriterRole('secretary'), isGroupWriterRole('member'), isGroupWriterRole('observer')]).toEqual([true, true, false, false]);
  });
});

describe('attendance and quorum', () => {
  const line = (organizationId: string, status: AttendanceLine['status'], role: AttendanceLine['role'] = 'member'): AttendanceLine => ({ organizationId, role, status });

  it('counts organizations represented (present or substituted), not people, and leaves observers out', () => {
    const summary = summarizeAttendance(
      [line('a', 'present'), line('a', 'absent'), line('b', 'substituted'), line('c', 'excused'), line('d', 'absent'), line('e', 'present', 'observer')],
      50,
    );
    expect(summary).toEqual({ organizationsRepresented: 2, memberOrganizations: 4, presentPercent: 50, quorumReached: true, recorded: true });
  });
  it('reaches the quorum exactly at the share, not below; rounds the percentage down', () => {
    const three = [line('a', 'present'), line('b', 'present'), line('c', 'absent')];
    expect(summarizeAttendance(three, 66)).toMatchObject({ presentPercent: 66, quorumReached: true });
    expect(summarizeAttendance(three, 67)).toMatchObject({ presentPercent: 66, quorumReached: false });
    expect(summarizeAttendance([line('a', 'present'), line('b', 'absent')], 51)).toMatchObject({ quorumReached: false });
    expect(summarizeAttendance([line('a', 'present'), line('b', 'absent')], 50)).toMatchObject({ quorumReached: true });
  });
  it('says nothing of the quorum when the group sets none or nothing was recorded', () => {
    expect(summarizeAttendance([line('a', 'present')], null)).toMatchObject({ quorumReached: null, presentPercent: 100 });
    expect(summarizeAttendance([line('a', null), line('b', null)], 50)).toEqual({ organizationsRepresented: 0, memberOrganizations: 2, presentPercent: 0, quorumReached: null, recorded: false });
    expect(summarizeAttendance([], 50)).toMatchObject({ presentPercent: null, quorumReached: null, memberOrganizations: 0 });
  });
});

describe('decisions', () => {
  it('are referenced as year/number', () => {
    expect(decisionReference(2027, 3)).toBe('2027/3');
  });
  it('are recorded only on a held meeting with minutes (draft or published)', () => {
    expect(canRecordDecision({ status: 'held', minutesStatus: 'draft' })).toBe(true);
    expect(canRecordDecision({ status: 'held', minutesStatus: 'published' })).toBe(true);
    expect(canRecordDecision({ status: 'held', minutesStatus: null })).toBe(false);
    expect(canRecordDecision({ status: 'scheduled', minutesStatus: 'draft' })).toBe(false);
    expect(canRecordDecision({ status: 'cancelled', minutesStatus: 'draft' })).toBe(false);
  });
});

describe('action lateness', () => {
  it('is overdue the day after its due date while open or in progress', () => {
    expect(isActionOverdue({ status: 'open', dueOn: '2026-12-06' }, '2026-12-07')).toBe(true);
    expect(isActionOverdue({ status: 'in_progress', dueOn: '2026-12-06' }, '2026-12-07')).toBe(true);
    expect(isActionOverdue({ status: 'open', dueOn: '2026-12-07' }, '2026-12-07')).toBe(false);
    expect(isActionOverdue({ status: 'done', dueOn: '2026-12-01' }, '2026-12-07')).toBe(false);
    expect(isActionOverdue({ status: 'cancelled', dueOn: '2026-12-01' }, '2026-12-07')).toBe(false);
  });

  it('is noticed on the first overdue day, then weekly, never twice within a week, and again after a new due date', () => {
    const base = { status: 'open' as const, dueOn: '2026-12-01' };
    expect(isOverdueNoticeDue({ ...base, noticedOn: null, noticedDueOn: null }, '2026-12-01')).toBe(false);
    expect(isOverdueNoticeDue({ ...base, noticedOn: null, noticedDueOn: null }, '2026-12-02')).toBe(true);
    expect(isOverdueNoticeDue({ ...base, noticedOn: '2026-12-02', noticedDueOn: '2026-12-01' }, '2026-12-02')).toBe(false);
    expect(isOverdueNoticeDue({ ...base, noticedOn: '2026-12-02', noticedDueOn: '2026-12-01' }, '2026-12-08')).toBe(false);
    expect(isOverdueNoticeDue({ ...base, noticedOn: '2026-12-02', noticedDueOn: '2026-12-01' }, '2026-12-09')).toBe(true);
    // postponed to the 10th and late again: noticed on the 11th even though the last notice was two days before
    expect(isOverdueNoticeDue({ ...base, dueOn: '2026-12-10', noticedOn: '2026-12-09', noticedDueOn: '2026-12-01' }, '2026-12-11')).toBe(true);
    expect(isOverdueNoticeDue({ ...base, status: 'done', noticedOn: null, noticedDueOn: null }, '2026-12-09')).toBe(false);
  });
});
