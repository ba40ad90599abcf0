import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { GROUPS_WEB_PATHS } from '../../../common/contracts/groups';
import type { TPracticeGroup } from '../../../common/contracts/practices';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { Loading } from '../../ui/loading';
import { OutcomeBadge } from './practice-labels';
import { practicesPaths } from './practices-paths';
import { districtGroupChoicesQuery, practiceSearchQuery } from './practices.queries';

/** How many practices the group page lists (the most recently changed first). */
const GROUP_PRACTICES_SHOWN = 20;

/**
 * The practice page's "Working groups": each group it names, a link when the reader may open the group's page (the
 * server tells, by the groups' own rule), the name alone for a by-invitation group they may not open; closed ones marked.
 */
export function PracticeGroupsSection({ groups }: { groups: TPracticeGroup[] }) {
  const { t } = useTranslation('practices');
  if (groups.length === 0) return null;
  return (
    <section className="mb-4" aria-labelledby="practice-groups">
      <h2 className="h4" id="practice-groups">{t('groups.title')}</h2>
      <ul className="list-unstyled">
        {groups.map((group) => (
          <li key={group.id} className="mb-2">
            {group.canOpen ? <Link to={GROUPS_WEB_PATHS.group(group.id)}>{group.name}</Link> : <span>{group.name}</span>}
            {group.status === 'closed' && <span className="badge bg-secondary ms-2">{t('groups.closed')}</span>}
            {!group.canOpen && <span className="d-block small text-secondary">{t('groups.byInvitation')}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The form's choice of the district's working groups (labels, never ids); a closed group is offered, marked closed. */
export function PracticeGroupsField({ districtId, value, onChange, error }: { districtId: string; value: string[]; onChange: (ids: string[]) => void; error: string | undefined }) {
  const { t } = useTranslation('practices');
  const groups = useQuery({ ...districtGroupChoicesQuery(districtId), enabled: Boolean(districtId) });
  if (!districtId) return null;
  return (
    <fieldset className="mb-4" aria-describedby={`practice-groups-help${error ? ' practice-groups-error' : ''}`}>
      <legend className="h6">{t('groups.formLegend')}</legend>
      <p id="practice-groups-help" className="small">{t('groups.formHelp')}</p>
      {groups.isPending && <Loading />}
      {groups.isError && <ApiErrorAlert error={groups.error} />}
      {groups.data && groups.data.length === 0 && <p>{t('groups.formNone')}</p>}
      {groups.data?.map((group) => (
        <div key={group.id} className="form-check">
          <input
            id={`practice-group-${group.id}`}
            type="checkbox"
            className="form-check-input"
            checked={value.includes(group.id)}
            onChange={(event) => onChange(event.target.checked ? [...value, group.id] : value.filter((id) => id !== group.id))}
          />
          <label className="form-check-label" htmlFor={`practice-group-${group.id}`}>
            {group.name}
            {group.status === 'closed' && <span className="badge bg-secondary ms-2">{t('groups.closed')}</span>}
          </label>
        </div>
      ))}
      {error && <div id="practice-groups-error" className="invalid-feedback d-block">{error}</div>}
    </fieldset>
  );
}

/**
 * The group page's "Practices of the group": the practices naming the group that the reader may see (the practices
 * search's `groupId` filter: the practices' one visibility rule), each linking to its page.
 */
export function GroupPracticesSection({ groupId }: { groupId: string }) {
  const { t } = useTranslation('practices');
  const practices = useQuery(practiceSearchQuery({ groupId, limit: GROUP_PRACTICES_SHOWN }));
  return (
    <section aria-labelledby="group-practices-heading" className="mt-5">
      <h2 id="group-practices-heading" className="h4">{t('groups.ofGroupTitle')}</h2>
      {practices.isPending && <Loading />}
      {practices.isError && <ApiErrorAlert error={practices.error} />}
      {practices.data &&
        (practices.data.items.length === 0 ? (
          <p>{t('groups.ofGroupNone')}</p>
        ) : (
          <>
            <ul className="list-unstyled" data-testid="group-practices">
              {practices.data.items.map((practice) => (
                <li key={practice.id} className="mb-2">
                  <Link to={practicesPaths.practice(practice.id)}>{practice.title}</Link> <OutcomeBadge outcome={practice.outcome} />
                  <span className="d-block small text-secondary">{practice.organizationName}</span>
                </li>
              ))}
            </ul>
            {practices.data.total > practices.data.items.length && (
              <p className="small">{t('groups.ofGroupMore', { shown: practices.data.items.length, total: practices.data.total })}</p>
            )}
          </>
        ))}
    </section>
  );
}
