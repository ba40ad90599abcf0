import { useState } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { TCreatedInvitation, TInvitation } from '../../../common/contracts/surveys';
import { ORGANIZATION_KIND_CODES } from '../../../common/domain/organizations';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { RequireAccess } from '../../app/require-access';
import { DataTable } from '../../ui/data-table';
import { Loading } from '../../ui/loading';
import { Notice } from '../../ui/notice';
import { PageHeader } from '../../ui/page-header';
import { canRunSurveys, SURVEY_RUNNER_ROLES } from './survey-access';
import './surveys.css';
import { surveyPaths } from './survey-paths';
import { createInvitations, invitationsQuery, previewInvitations, renewLink, setPublicLink, surveyQuery } from './surveys.queries';

const SIZE_CLASSES = ['micro', 'small', 'medium', 'large'] as const;

export function SurveyInvitationsPage() {
  return (
    <RequireAccess allow={canRunSurveys} roles={SURVEY_RUNNER_ROLES}>
      <SurveyInvitations />
    </RequireAccess>
  );
}

function CopyButton({ text, label }: { text: string; label: string }) {
  const { t } = useTranslation('surveys');
  const [isCopied, setIsCopied] = useState(false);
  return (
    <button
      type="button"
      className="btn btn-sm btn-outline-primary"
      onClick={async () => {
        await navigator.clipboard?.writeText(text).catch(() => undefined);
        setIsCopied(true);
      }}
    >
      {isCopied ? t('invitations.copied') : t('invitations.copy')}
      <span className="visually-hidden"> {label}</span>
    </button>
  );
}

function SurveyInvitations() {
  const { id = '' } = useParams();
  const { t } = useTranslation('surveys');
  const { t: tOrganizations } = useTranslation('organizations');
  const queryClient = useQueryClient();
  const survey = useQuery(surveyQuery(id));
  const invitations = useQuery(invitationsQuery(id));
  const [onlyDistrictMembers, setOnlyDistrictMembers] = useState(true);
  const [kinds, setKinds] = useState<string[]>([]);
  const [sizeClasses, setSizeClasses] = useState<(typeof SIZE_CLASSES)[number][]>([]);
  const [preview, setPreview] = useState<Awaited<ReturnType<typeof previewInvitations>> | null>(null);
  const [created, setCreated] = useState<TCreatedInvitation[] | null>(null);
  const [publicLink, setPublicLinkText] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const filter = { onlyDistrictMembers, kinds, sizeClasses };
  const toggle = (list: string[], value: string, isOn: boolean) => (isOn ? [...list, value] : list.filter((item) => item !== value));
  const act = async (work: () => Promise<void>) => {
    setError(null);
    try {
      await work();
    } catch (caught) {
      setError(caught);
    }
  };

  if (survey.isLoading) return <Loading />;
  if (!survey.data) return <ApiErrorAlert error={survey.error} />;
  const isOpen = survey.data.status === 'open';

  return (
    <div className="survey-ui">
      <PageHeader
        title={t('invitations.title')}
        breadcrumbs={[{ label: t('list.title'), to: surveyPaths.list }, { label: survey.data.title, to: surveyPaths.builder(id) }, { label: t('invitations.title') }]}
        lead={survey.data.title}
      />
      {!isOpen && (
        <Notice color="warning" role="note">
          {t('invitations.notOpen')}
        </Notice>
      )}
      {error !== null && <ApiErrorAlert error={error} />}
      <form
        className="mb-4"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void act(async () => setPreview(await previewInvitations(id, filter)));
        }}
      >
        <h2 className="h4">{t('invitations.choose')}</h2>
        <div className="form-check">
          <input className="form-check-input" type="checkbox" id="invite-members" checked={onlyDistrictMembers} onChange={(event) => setOnlyDistrictMembers(event.target.checked)} />
          <label className="form-check-label" htmlFor="invite-members">
            {t('invitations.onlyMembers')}
          </label>
        </div>
        <fieldset className="mt-3">
          <legend className="h6">{t('invitations.kinds')}</legend>
          <div className="row">
            {ORGANIZATION_KIND_CODES.map((kind) => (
              <div className="col-md-4 form-check" key={kind}>
                <input className="form-check-input" type="checkbox" id={`kind-${kind}`} checked={kinds.includes(kind)} onChange={(event) => setKinds(toggle(kinds, kind, event.target.checked))} />
                <label className="form-check-label" htmlFor={`kind-${kind}`}>
                  {tOrganizations(`kinds.${kind}`)}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
        <fieldset className="mt-3">
          <legend className="h6">{t('invitations.sizes')}</legend>
          {SIZE_CLASSES.map((size) => (
            <div className="form-check form-check-inline" key={size}>
              <input className="form-check-input" type="checkbox" id={`size-${size}`} checked={sizeClasses.includes(size)} onChange={(event) => setSizeClasses(event.target.checked ? [...sizeClasses, size] : sizeClasses.filter((item) => item !== size))} />
              <label className="form-check-label" htmlFor={`size-${size}`}>
                {tOrganizations(`sizes.${size}`)}
              </label>
            </div>
          ))}
        </fieldset>
        <button type="submit" className="btn btn-outline-primary mt-3">
          {t('invitations.preview')}
        </button>
      </form>

      {preview && (
        <section aria-labelledby="preview-title" className="mb-4">
          <h2 id="preview-title" className="h4">
            {t('invitations.previewTitle', { count: preview.filter((item) => !item.alreadyInvited).length })}
          </h2>
          <ul>
            {preview.map((item) => (
              <li key={item.organizationId}>
                {item.name} — {tOrganizations(`kinds.${item.kind}` as 'kinds.firm', { defaultValue: item.kind })}
                {item.alreadyInvited ? ` (${t('invitations.alreadyInvited')})` : item.email ? ` · ${item.email}` : ` · ${t('invitations.noEmail')}`}
              </li>
            ))}
          </ul>
          <button
            type="button"
            className="btn btn-primary"
            disabled={!isOpen || preview.every((item) => item.alreadyInvited)}
            onClick={() =>
              void act(async () => {
                setCreated(await createInvitations(id, filter));
                setPreview(null);
                await queryClient.invalidateQueries({ queryKey: ['surveys', id] });
              })
            }
          >
            {t('invitations.create')}
          </button>
        </section>
      )}

      {created && (
        <section aria-labelledby="created-title" className="mb-4">
          <Notice color="success" role="status">
            <h2 id="created-title" className="h5">
              {t('invitations.createdTitle', { count: created.length })}
            </h2>
            <p>{t('invitations.linksOnce')}</p>
          </Notice>
          <DataTable<TCreatedInvitation>
            caption={t('invitations.linksCaption')}
            rows={created}
            rowKey={(row) => row.invitationId}
            columns={[
              { key: 'name', header: t('invitations.organization'), isRowHeader: true, cell: (row) => row.organizationName },
              { key: 'mail', header: t('invitations.email'), cell: (row) => (row.mailQueued ? t('invitations.mailQueued', { email: row.email }) : t('invitations.noEmail')) },
              { key: 'link', header: t('invitations.link'), cell: (row) => <code className="text-break small">{row.link}</code> },
              { key: 'copy', header: t('invitations.copy'), cell: (row) => <CopyButton text={row.link} label={row.organizationName} /> },
            ]}
          />
        </section>
      )}

      <section aria-labelledby="public-title" className="mb-4">
        <h2 id="public-title" className="h4">
          {t('invitations.publicTitle')}
        </h2>
        <p>{survey.data.hasPublicLink ? t('invitations.publicOn') : t('invitations.publicOff')}</p>
        {publicLink && (
          <p>
            <code className="text-break">{publicLink}</code> <CopyButton text={publicLink} label={t('invitations.publicTitle')} />
          </p>
        )}
        <div className="d-flex gap-2">
          <button
            type="button"
            className="btn btn-outline-primary"
            disabled={!isOpen}
            onClick={() =>
              void act(async () => {
                setPublicLinkText((await setPublicLink(id, true)).link);
                await queryClient.invalidateQueries({ queryKey: ['surveys', id] });
              })
            }
          >
            {survey.data.hasPublicLink ? t('invitations.publicRenew') : t('invitations.publicEnable')}
          </button>
          {survey.data.hasPublicLink && (
            <button
              type="button"
              className="btn btn-outline-danger"
              onClick={() =>
                void act(async () => {
                  await setPublicLink(id, false);
                  setPublicLinkText(null);
                  await queryClient.invalidateQueries({ queryKey: ['surveys', id] });
                })
              }
            >
              {t('invitations.publicDisable')}
            </button>
          )}
        </div>
      </section>

      <h2 className="h4">{t('invitations.listTitle')}</h2>
      {invitations.isLoading && <Loading />}
      {invitations.data && (
        <DataTable<TInvitation>
          caption={t('invitations.listCaption')}
          isCaptionHidden
          rows={invitations.data}
          rowKey={(row) => row.id}
          emptyText={t('invitations.empty')}
          columns={[
            { key: 'name', header: t('invitations.organization'), isRowHeader: true, cell: (row) => row.organizationName },
            { key: 'email', header: t('invitations.email'), cell: (row) => row.email ?? t('invitations.noEmail') },
            { key: 'mail', header: t('invitations.mailStatus'), cell: (row) => t(`mailStatuses.${row.mailStatus}`) },
            { key: 'response', header: t('invitations.responseStatus'), cell: (row) => t(`responseStatuses.${row.responseStatus}`) },
            {
              key: 'link', header: t('invitations.newLink'),
              cell: (row) => (
                <button
                  type="button"
                  className="btn btn-sm btn-link p-0"
                  onClick={() =>
                    void act(async () => {
                      const renewed = await renewLink(id, row.id, false);
                      setCreated([renewed]);
                      window.scrollTo({ top: 0 });
                    })
                  }
                >
                  {t('invitations.newLinkButton')}
                  <span className="visually-hidden"> {row.organizationName}</span>
                </button>
              ),
            },
          ]}
        />
      )}
    </div>
  );
}
