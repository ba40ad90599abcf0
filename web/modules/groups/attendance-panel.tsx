import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import type { TAttendance, TGroupMember } from '../../../common/contracts/groups';
import { ATTENDANCE_STATUSES, type AttendanceStatus } from '../../../common/domain/groups';
import { formatNumber } from '../../app/format';
import { DataTable } from '../../ui/data-table';
import { useFieldProblems } from './field-problems';
import { candidatesQuery, saveAttendance } from './groups.queries';
import { useGroupLabels } from './group-labels';
import { useGroupWrite, WriteOutcome } from './use-group-write';

/** The attendance summary: organizations represented out of the member organizations, the share, and the quorum. */
export function AttendanceSummary({ attendance }: { attendance: TAttendance }) {
  const { t, i18n } = useTranslation('groups');
  const number = (value: number) => formatNumber(value, i18n.language);
  if (!attendance.recorded) return <p>{t('attendance.notRecorded')}</p>;
  return (
    <ul className="list-unstyled mb-3" aria-label={t('attendance.summary')}>
      <li>
        {t('attendance.represented', { count: attendance.memberOrganizations, represented: number(attendance.organizationsRepresented), total: number(attendance.memberOrganizations) })}
        {attendance.presentPercent !== null && <> ({t('attendance.percent', { percent: attendance.presentPercent })})</>}
      </li>
      <li>
        {attendance.quorumPercent === null || attendance.quorumReached === null
          ? t('attendance.noQuorum')
          : attendance.quorumReached
            ? t('attendance.quorumReached', { percent: attendance.quorumPercent })
            : t('attendance.quorumMissed', { percent: attendance.quorumPercent })}
      </li>
    </ul>
  );
}

interface Row {
  status: AttendanceStatus | '';
  substitutedByUserId: string;
}

/** Who came: one choice per member (present, absent, excused, substituted by whom), saved together. */
export function AttendancePanel({ meetingId, groupId, attendance, members, canRecord }: { meetingId: string; groupId: string; attendance: TAttendance; members: readonly TGroupMember[]; canRecord: boolean }) {
  const { t } = useTranslation('groups');
  const labels = useGroupLabels();
  const candidates = useQuery({ ...candidatesQuery(groupId), enabled: canRecord, retry: false });
  const [rows, setRows] = useState<Record<string, Row>>(() =>
    Object.fromEntries(attendance.entries.map((entry) => [entry.memberId, { status: entry.status ?? '', substitutedByUserId: entry.substitutedByUserId ?? '' }])),
  );
  const { run, error, notice, isBusy } = useGroupWrite();
  const problem = useFieldProblems(error);
  /** Who may go in a member's place: the substitute the organization named, and the people of the organization. */
  const substitutesOf = (memberId: string, organizationId: string, userId: string) => {
    const named = members.find((member) => member.id === memberId);
    const people = new Map<string, string>();
    if (named?.substituteUserId && named.substituteName) people.set(named.substituteUserId, named.substituteName);
    for (const person of candidates.data?.find((candidate) => candidate.organizationId === organizationId)?.people ?? []) people.set(person.userId, person.name);
    const current = attendance.entries.find((entry) => entry.memberId === memberId);
    if (current?.substitutedByUserId && current.substitutedByName) people.set(current.substitutedByUserId, current.substitutedByName);
    people.delete(userId);
    return [...people.entries()];
  };

  if (!canRecord) {
    return (
      <>
        <AttendanceSummary attendance={attendance} />
        {attendance.recorded && (
          <DataTable
            caption={t('attendance.title')}
            isCaptionHidden
            rows={attendance.entries}
            rowKey={(entry) => entry.memberId}
            columns={[
              { key: 'person', header: t('members.person'), isRowHeader: true, cell: (entry) => entry.personName },
              { key: 'organization', header: t('members.organization'), cell: (entry) => entry.organizationName },
              {
                key: 'status',
                header: t('attendance.status.title'),
                cell: (entry) =>
                  entry.status === null
                    ? t('attendance.unknown')
                    : entry.status === 'substituted'
                      ? t('attendance.substitutedBy', { name: entry.substitutedByName ?? '' })
                      : labels.attendance(entry.status),
              },
            ]}
          />
        )}
      </>
    );
  }

  return (
    <>
      <AttendanceSummary attendance={attendance} />
      <form
        noValidate
        aria-label={t('attendance.formTitle')}
        onSubmit={(event) => {
          event.preventDefault();
          void run(async () => {
            await saveAttendance(meetingId, {
              entries: attendance.entries
                .filter((entry) => rows[entry.memberId]?.status)
                .map((entry) => {
                  const row = rows[entry.memberId]!;
                  return { memberId: entry.memberId, status: row.status as AttendanceStatus, substitutedByUserId: row.status === 'substituted' && row.substitutedByUserId ? row.substitutedByUserId : null };
                }),
            });
            return t('attendance.saved');
          });
        }}
      >
        <div className="table-responsive attendance-table">
          <table className="table table-sm">
            <caption className="visually-hidden">{t('attendance.formTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('members.person')}</th>
                <th scope="col">{t('attendance.status.title')}</th>
              </tr>
            </thead>
            <tbody>
              {attendance.entries.map((entry, index) => {
                const row = rows[entry.memberId] ?? { status: '', substitutedByUserId: '' };
                const set = (change: Partial<Row>) => setRows((all) => ({ ...all, [entry.memberId]: { ...row, ...change } }));
                const name = `attendance-${entry.memberId}`;
                const substitutes = substitutesOf(entry.memberId, entry.organizationId, entry.userId);
                return (
                  <tr key={entry.memberId}>
                    <th scope="row">
                      {entry.personName}
                      <span className="d-block small fw-normal">{entry.organizationName} · {labels.memberRole(entry.role)}</span>
                    </th>
                    <td>
                      <fieldset>
                        <legend className="visually-hidden">{t('attendance.legend', { name: entry.personName })}</legend>
                        <div className="d-flex flex-wrap gap-3">
                          {ATTENDANCE_STATUSES.map((status) => (
                            <div key={status} className="form-check mb-0">
                              <input className="form-check-input" type="radio" name={name} id={`${name}-${status}`} checked={row.status === status} onChange={() => set({ status })} />
                              <label className="form-check-label" htmlFor={`${name}-${status}`}>
                                {labels.attendance(status)}
                              </label>
                            </div>
                          ))}
                        </div>
                        {row.status === 'substituted' && (
                          <div className="select-wrapper mt-2 mb-0">
                            <label htmlFor={`${name}-by`}>{t('attendance.substituteOf', { name: entry.personName })}</label>
                            <select id={`${name}-by`} value={row.substitutedByUserId} onChange={(event) => set({ substitutedByUserId: event.target.value })} aria-invalid={problem(`entries.${index}.substitutedByUserId`) ? true : undefined}>
                              <option value="">{t('attendance.chooseSubstitute')}</option>
                              {substitutes.map(([userId, personName]) => (
                                <option key={userId} value={userId}>
                                  {personName}
                                </option>
                              ))}
                            </select>
                            {problem(`entries.${index}.substitutedByUserId`) && <div className="invalid-feedback d-block">{problem(`entries.${index}.substitutedByUserId`)}</div>}
                          </div>
                        )}
                      </fieldset>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <button type="submit" className="btn btn-primary" disabled={isBusy || attendance.entries.length === 0}>
          {t('attendance.save')}
        </button>
        <WriteOutcome notice={notice} error={error} />
      </form>
    </>
  );
}
