import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button } from 'design-react-kit';
import type { z } from 'zod';
import type { ZDuplicateFlagList } from '../../../common/contracts/organizations';
import { PageHeader } from '../../ui/page-header';
import { Loading } from '../../ui/loading';
import { DataTable, type Column } from '../../ui/data-table';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { paths } from '../../app/paths';
import { duplicatesQuery, mergeOrganizations } from './organizations.queries';

type Flag = z.infer<typeof ZDuplicateFlagList>['items'][number];

/** Probable duplicates in the coordinator's districts, each with a button merging it into the similar organization. */
export function OrganizationDuplicatesPage() {
  const { t } = useTranslation('organizations');
  const { t: tCommon } = useTranslation();
  const queryClient = useQueryClient();
  const flags = useQuery(duplicatesQuery);
  const merge = useMutation({
    mutationFn: (flag: Flag) => mergeOrganizations(flag.organization.id, flag.candidate.id),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['organizations'] }),
  });
  const columns: Column<Flag>[] = [
    { key: 'organization', header: t('duplicates.organization'), isRowHeader: true, cell: (f) => <Link to={paths.organization(f.organization.id)}>{f.organization.legalName}</Link> },
    { key: 'candidate', header: t('duplicates.candidate'), cell: (f) => <Link to={paths.organization(f.candidate.id)}>{f.candidate.legalName}</Link> },
    { key: 'place', header: t('directory.place'), cell: (f) => f.organization.municipalityName ?? '—' },
    { key: 'similarity', header: t('duplicates.similarity'), isNumeric: true, cell: (f) => `${Math.round(f.similarity * 100)}%` },
    {
      key: 'action', header: t('duplicates.action'),
      cell: (f) => (
        <Button size="xs" color="primary" outline disabled={merge.isPending} onClick={() => merge.mutate(f)}>
          {t('duplicates.merge', { source: f.organization.legalName, target: f.candidate.legalName })}
        </Button>
      ),
    },
  ];
  return (
    <>
      <PageHeader
        title={t('duplicates.title')}
        breadcrumbs={[{ label: tCommon('nav.home'), to: paths.home }, { label: t('directory.title'), to: paths.organizations }, { label: t('duplicates.title') }]}
        lead={t('duplicates.lead')}
      />
      {merge.isSuccess && <Alert fade={false} color="success" role="status">{t('duplicates.merged', { target: merge.data.target.legalName })}</Alert>}
      {merge.isError && <ApiErrorAlert error={merge.error} />}
      {flags.isPending && <Loading />}
      {flags.isError && <ApiErrorAlert error={flags.error} onRetry={() => void flags.refetch()} />}
      {flags.data && <DataTable caption={t('duplicates.caption')} columns={columns} rows={flags.data.items} rowKey={(f) => f.id} emptyText={t('duplicates.empty')} />}
    </>
  );
}
