import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import type { TSurveySummary } from '../../../common/contracts/surveys';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { RequireAccess } from '../../app/require-access';
import { DataTable } from '../../ui/data-table';
import { Loading } from '../../ui/loading';
import { PageHeader } from '../../ui/page-header';
import { canRunSurveys, SURVEY_RUNNER_ROLES } from './survey-access';
import { surveyPaths } from './survey-paths';
import { surveysQuery } from './surveys.queries';
import { formatDay } from '../../app/format';

export function SurveysPage() {
  return (
    <RequireAccess allow={canRunSurveys} roles={SURVEY_RUNNER_ROLES}>
      <SurveysList />
    </RequireAccess>
  );
}

function SurveysList() {
  const { t, i18n } = useTranslation('surveys');
  const surveys = useQuery(surveysQuery);
  return (
    <>
      <PageHeader
        title={t('list.title')}
        lead={t('list.lead')}
        aside={
          <Link className="btn btn-primary" to={surveyPaths.create}>
            {t('list.create')}
          </Link>
        }
      />
      <p>
        <Link to={surveyPaths.outbox}>{t('outbox.title')}</Link>
      </p>
      {surveys.isLoading && <Loading />}
      {surveys.error && <ApiErrorAlert error={surveys.error} />}
      {surveys.data && (
        <DataTable<TSurveySummary>
          caption={t('list.caption')}
          rows={surveys.data}
          rowKey={(row) => row.id}
          emptyText={t('list.empty')}
          columns={[
            { key: 'title', header: t('fields.title'), isRowHeader: true, cell: (row) => <Link to={surveyPaths.builder(row.id)}>{row.title}</Link> },
            { key: 'district', header: t('fields.district'), cell: (row) => row.districtName ?? t('list.regional', { region: row.regionCode ?? '' }) },
            { key: 'status', header: t('fields.status'), cell: (row) => <span className="badge bg-secondary">{t(`statuses.${row.status}`)}</span> },
            { key: 'closes', header: t('fields.closesOn'), cell: (row) => (row.closesOn ? formatDay(row.closesOn, i18n.language) : '—') },
            { key: 'questions', header: t('list.questions'), isNumeric: true, cell: (row) => row.questionCount },
            { key: 'invitations', header: t('list.invitations'), isNumeric: true, cell: (row) => row.invitationCount },
            { key: 'submitted', header: t('list.submitted'), isNumeric: true, cell: (row) => row.submittedCount },
          ]}
        />
      )}
    </>
  );
}
