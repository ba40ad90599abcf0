import { useState } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Button } from 'design-react-kit';
import type { TNeed, TNeedFilters } from '../../../common/contracts/needs';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { actsForOrganization } from '../../app/access';
import { formatNumber } from '../../app/format';
import { useSession } from '../../app/session';
import { DataTable, type Column } from '../../ui/data-table';
import { Loading } from '../../ui/loading';
import { matchingPaths } from '../matching';
import { NeedStatusForm } from './need-status-form';
import { needsListQuery } from './needs.queries';
import { useCategoryLabel } from './use-category-label';

/** The needs the user may read, 50 at a time, with the status form under a row and the referral link. */
export function NeedsList({ filters, canChangeStatus }: { filters: Partial<TNeedFilters> & { districtId: string }; canChangeStatus: boolean }) {
  const { t, i18n } = useTranslation('needs');
  const { t: ts } = useTranslation('services');
  const categories = useCategoryLabel();
  const [editing, setEditing] = useState<string | null>(null);
  const list = useInfiniteQuery(needsListQuery(filters));
  const { session } = useSession();
  // Members refer their own organization's open needs to a service (the matching module's page).
  const canRefer = (need: TNeed) => need.status === 'open' && actsForOrganization(session, need.organizationId);
  if (list.isPending) return <Loading />;
  if (list.isError) return <ApiErrorAlert error={list.error} onRetry={() => void list.refetch()} />;
  const items = list.data.pages.flatMap((page) => page.items);
  const total = list.data.pages[0]?.total ?? 0;
  const columns: Column<TNeed>[] = [
    { key: 'date', header: t('list.expressedOn'), cell: (need) => new Date(`${need.expressedOn}T12:00:00Z`).toLocaleDateString(i18n.language) },
    { key: 'category', header: t('list.category'), isRowHeader: true, cell: (need) => categories.label(need.categoryCode) },
    { key: 'target', header: t('list.targetGroup'), cell: (need) => ts(`targetGroups.${need.targetGroup}` as 'targetGroups.children') },
    { key: 'municipality', header: t('list.municipality'), cell: (need) => need.municipalityName },
    { key: 'organization', header: t('list.organization'), cell: (need) => need.organizationName ?? t('list.anonymous') },
    { key: 'people', header: t('list.people'), isNumeric: true, cell: (need) => formatNumber(need.peopleCount, i18n.language) },
    { key: 'relevance', header: t('list.relevance'), isNumeric: true, cell: (need) => need.relevance ?? '—' },
    {
      key: 'status',
      header: t('list.status'),
      cell: (need) => (
        <>
          {t(`statuses.${need.status}`)}
          {need.answeredByServiceName && <div className="small">{t('list.answeredBy', { name: need.answeredByServiceName })}</div>}
        </>
      ),
    },
    { key: 'description', header: t('list.description'), cell: (need) => <span className="small">{need.description}</span> },
    ...(canChangeStatus || items.some(canRefer)
      ? [
          {
            key: 'actions',
            header: t('list.actions'),
            cell: (need: TNeed) => (
              <div className="d-flex flex-wrap gap-2">
                {canChangeStatus && (
                  <Button size="xs" color="primary" outline type="button" aria-expanded={editing === need.id} onClick={() => setEditing(editing === need.id ? null : need.id)}>
                    {t('status.change')}
                  </Button>
                )}
                {canRefer(need) && (
                  <Link
                    className="btn btn-primary btn-xs"
                    to={matchingPaths.newReferral(need.id)}
                    aria-label={t('list.referFor', { category: categories.label(need.categoryCode), municipality: need.municipalityName })}
                  >
                    {t('list.refer')}
                  </Link>
                )}
              </div>
            ),
          },
        ]
      : []),
  ];
  return (
    <section aria-labelledby="needs-list-heading" className="mb-4">
      <h2 id="needs-list-heading" className="h4">
        {t('list.title')} <span className="small text-muted">({t('list.count', { shown: items.length, total })})</span>
      </h2>
      <DataTable
        caption={t('list.title')}
        isCaptionHidden
        columns={columns}
        rows={items}
        rowKey={(need) => need.id}
        emptyText={t('list.empty')}
        renderAfterRow={(need) =>
          editing === need.id ? (
            <tr>
              <td colSpan={columns.length}>
                <NeedStatusForm need={need} categoryLabel={categories.label(need.categoryCode)} onDone={() => setEditing(null)} />
              </td>
            </tr>
          ) : null
        }
      />
      {list.hasNextPage && (
        <Button color="secondary" outline size="sm" type="button" disabled={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
          {t('list.more')}
        </Button>
      )}
    </section>
  );
}
