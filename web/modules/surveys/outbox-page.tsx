import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import type { TOutboxMessage } from '../../../common/contracts/mail';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { formatDateTime } from '../../app/format';
import { RequireAccess } from '../../app/require-access';
import { DataTable } from '../../ui/data-table';
import { SelectField } from '../../ui/form-field';
import { Loading } from '../../ui/loading';
import { Notice } from '../../ui/notice';
import { PageHeader } from '../../ui/page-header';
import { canRunSurveys, SURVEY_RUNNER_ROLES } from './survey-access';
import { MailSettingsForm } from './mail-settings-form';
import { isPlatformAdmin } from '../../app/access';
import { useSession } from '../../app/session';
import './surveys.css';
import { outboxQuery } from './surveys.queries';

const TOPICS = ['survey_invitation', 'matching_proposal', 'referral', 'invitation', 'password_reset', 'account_welcome', 'group_member', 'group_meeting', 'group_action'] as const;
const STATUSES = ['queued', 'sent', 'failed'] as const;

/** The e-mail outbox of the coordinator's districts: what was (or will be) sent, with the links, filterable by topic. */
export function OutboxPage() {
  return (
    <RequireAccess allow={canRunSurveys} roles={SURVEY_RUNNER_ROLES}>
      <Outbox />
    </RequireAccess>
  );
}

function Outbox() {
  const { t, i18n } = useTranslation('surveys');
  const [params, setParams] = useSearchParams();
  const topicType = params.get('argomento') ?? '';
  const topicId = params.get('id') ?? '';
  const status = params.get('stato') ?? '';
  const [cursor, setCursor] = useState<string | undefined>(undefined);
  const page = useQuery(outboxQuery({ topicType: topicType || undefined, topicId: topicId || undefined, status: (status || undefined) as 'queued' | undefined, cursor, limit: 50 }));
  const [openId, setOpenId] = useState<string | null>(null);
  const { session } = useSession();
  const setFilter = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setCursor(undefined);
    setParams(next, { replace: true });
  };
  return (
    <div className="survey-ui">
      <PageHeader title={t('outbox.title')} lead={t('outbox.lead')} />
      {isPlatformAdmin(session) && <MailSettingsForm />}
      {page.data && !page.data.deliveryConfigured && (
        <Notice color="info" role="note">
          {t('outbox.noSmtp')}
        </Notice>
      )}
      <form className="row" aria-label={t('outbox.filters')} onSubmit={(event) => event.preventDefault()}>
        <SelectField className="col-md-4" id="outbox-topic" label={t('outbox.topic')} value={topicType} onChange={(event) => setFilter('argomento', event.target.value)}>
          <option value="">{t('outbox.allTopics')}</option>
          {TOPICS.map((topic) => (
            <option key={topic} value={topic}>
              {t(`outbox.topics.${topic}`)}
            </option>
          ))}
        </SelectField>
        <SelectField className="col-md-4" id="outbox-status" label={t('outbox.status')} value={status} onChange={(event) => setFilter('stato', event.target.value)}>
          <option value="">{t('outbox.allStatuses')}</option>
          {STATUSES.map((candidate) => (
            <option key={candidate} value={candidate}>
              {t(`mailStatuses.${candidate}`)}
            </option>
          ))}
        </SelectField>
      </form>
      {page.isLoading && <Loading />}
      {page.error && <ApiErrorAlert error={page.error} />}
      {page.data && (
        <>
          <DataTable<TOutboxMessage>
            caption={t('outbox.caption')}
            isCaptionHidden
            rows={page.data.items}
            rowKey={(row) => row.id}
            emptyText={t('outbox.empty')}
            columns={[
              { key: 'created', header: t('outbox.createdAt'), cell: (row) => formatDateTime(row.createdAt, i18n.language) },
              { key: 'to', header: t('outbox.to'), cell: (row) => row.to },
              { key: 'subject', header: t('outbox.subject'), isRowHeader: true, cell: (row) => row.subject },
              { key: 'topic', header: t('outbox.topic'), cell: (row) => t(`outbox.topics.${row.topicType}` as 'outbox.topics.matching_proposal', { defaultValue: t('outbox.otherTopic') }) },
              { key: 'status', header: t('outbox.status'), cell: (row) => `${t(`mailStatuses.${row.status}`)}${row.lastError ? ` — ${row.lastError}` : ''}` },
              {
                key: 'body', header: t('outbox.body'),
                cell: (row) => (
                  <button type="button" className="btn btn-sm btn-link p-0" aria-expanded={openId === row.id} onClick={() => setOpenId(openId === row.id ? null : row.id)}>
                    {openId === row.id ? t('outbox.hide') : t('outbox.show')}
                    <span className="visually-hidden"> {row.subject}, {row.to}</span>
                  </button>
                ),
              },
            ]}
            renderAfterRow={(row) =>
              openId === row.id ? (
                <tr>
                  <td colSpan={6}>
                    <pre className="small mb-0" style={{ whiteSpace: 'pre-wrap' }}>{row.body}</pre>
                  </td>
                </tr>
              ) : null
            }
          />
          {page.data.nextCursor && (
            <button type="button" className="btn btn-outline-primary" onClick={() => setCursor(page.data.nextCursor ?? undefined)}>
              {t('outbox.more')}
            </button>
          )}
        </>
      )}
    </div>
  );
}
