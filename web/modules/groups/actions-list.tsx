import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import type { TAction } from '../../../common/contracts/groups';
import { ACTION_STATUSES, type ActionStatus } from '../../../common/domain/groups';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { groupsPaths } from './groups-paths';
import { GROUPS_KEY, updateAction } from './groups.queries';
import { useGroupLabels } from './group-labels';
import { formatDueDay } from './meeting-time';

/**
 * Actions as a list: what, who (person and organization), by when (with the day of the week), status; an overdue
 * action is marked by a bar and the words "In ritardo", and whoever may change its status does it in place.
 */
export function ActionsList({ actions, idPrefix, showGroup = false, showOwner = true }: { actions: readonly TAction[]; idPrefix: string; showGroup?: boolean; showOwner?: boolean }) {
  const { t } = useTranslation('groups');
  if (actions.length === 0) return <p>{t('actions.none')}</p>;
  return (
    <ul className="list-unstyled">
      {actions.map((action) => (
        <ActionItem key={action.id} action={action} idPrefix={idPrefix} showGroup={showGroup} showOwner={showOwner} />
      ))}
    </ul>
  );
}

function ActionItem({ action, idPrefix, showGroup, showOwner }: { action: TAction; idPrefix: string; showGroup: boolean; showOwner: boolean }) {
  const { t, i18n } = useTranslation('groups');
  const labels = useGroupLabels();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<ActionStatus>(action.status);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [isSaving, setSaving] = useState(false);
  const statusId = `${idPrefix}-action-${action.id}-status`;
  return (
    <li className={`mb-3 pb-2 border-bottom${action.isOverdue ? ' action-overdue' : ''}`} data-testid="group-action">
      <p className="mb-1">
        <strong>{action.title}</strong>
        {action.decisionReference && <> · {t('actions.fromDecision', { reference: action.decisionReference })}</>}
        {action.isOverdue && (
          <>
            {' '}
            <span className="badge bg-danger">{t('actions.overdue')}</span>
          </>
        )}
      </p>
      <p className="mb-1">
        {showOwner && <>{t('actions.owner', { person: action.ownerName, organization: action.ownerOrganizationName })} · </>}
        {t('actions.dueOn', { day: formatDueDay(action.dueOn, i18n.language) })} · {t('actions.statusIs', { status: labels.actionStatus(action.status) })}
      </p>
      {action.description && <p className="mb-1">{action.description}</p>}
      <p className="mb-1 small">
        {showGroup && (
          <>
            <Link to={groupsPaths.group(action.groupId)}>{action.groupName}</Link>
            {' · '}
          </>
        )}
        <Link to={groupsPaths.meeting(action.meetingId)}>{t('actions.decidedAt', { meeting: action.meetingTitle })}</Link>
      </p>
      {action.canUpdate && (
        <form
          className="d-flex flex-wrap align-items-end gap-2 mt-2"
          onSubmit={async (event) => {
            event.preventDefault();
            setSaving(true);
            setError(null);
            setSaved(false);
            try {
              await updateAction(action.id, { version: action.version, status });
              setSaved(true);
              await queryClient.invalidateQueries({ queryKey: GROUPS_KEY });
            } catch (caught) {
              setError(caught);
            } finally {
              setSaving(false);
            }
          }}
        >
          <div className="select-wrapper mb-0">
            <label htmlFor={statusId}>
              {t('actions.newStatus')}
              <span className="visually-hidden"> — {action.title}</span>
            </label>
            <select id={statusId} value={status} onChange={(event) => setStatus(event.target.value as ActionStatus)}>
              {ACTION_STATUSES.map((value) => (
                <option key={value} value={value}>
                  {labels.actionStatus(value)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="btn btn-outline-primary btn-sm" disabled={isSaving || status === action.status}>
            {t('actions.saveStatus')}
          </button>
        </form>
      )}
      <div role="status">{saved && <p className="small text-success mb-0">{t('actions.statusSaved')}</p>}</div>
      {error !== null && <ApiErrorAlert error={error} />}
    </li>
  );
}
