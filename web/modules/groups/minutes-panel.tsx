import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import type { TMinutes, TMinutesVersion } from '../../../common/contracts/groups';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { formatDateTime } from '../../app/format';
import { TextAreaField } from '../../ui/form-field';
import { Loading } from '../../ui/loading';
import { MarkdownEditor } from '../../ui/markdown-editor';
import { MarkdownView } from '../../ui/markdown-view';
import { useFieldProblems } from './field-problems';
import { correctMinutes, minutesDiffQuery, minutesQuery, publishMinutes, saveMinutes } from './groups.queries';
import { refineSegments } from './minutes-diff';
import { MinutesDiffView } from './minutes-diff-view';
import { useGroupWrite, WriteOutcome } from './use-group-write';

/**
 * The minutes of a meeting: the published text rendered as it was written, its versions with what each correction
 * changed; for the secretary, the draft in the Markdown editor (with its preview), then publication, then corrections
 * as new versions with their reason.
 */
export function MinutesPanel({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation('groups');
  const minutes = useQuery(minutesQuery(meetingId));
  if (minutes.isPending) return <Loading />;
  if (minutes.isError) return <ApiErrorAlert error={minutes.error} onRetry={() => void minutes.refetch()} />;
  const data = minutes.data;
  const published = data.versions.filter((version) => version.status === 'published');
  const draft = data.versions.find((version) => version.status === 'draft') ?? null;
  return (
    <>
      {published.length === 0 && !data.canEdit && <p>{t('minutes.none')}</p>}
      {published[0] && <PublishedMinutes version={published[0]} />}
      {data.canEdit && data.status !== 'published' && <MinutesDraft meetingId={meetingId} minutes={data} draft={draft} />}
      {data.canCorrect && data.status === 'published' && published[0] && <MinutesCorrection meetingId={meetingId} latest={published[0]} />}
      {published.length > 1 && <MinutesVersions meetingId={meetingId} versions={published} />}
    </>
  );
}

function PublishedMinutes({ version }: { version: TMinutesVersion }) {
  const { t, i18n } = useTranslation('groups');
  return (
    <article aria-labelledby="minutes-published-heading" className="mb-4">
      <h3 id="minutes-published-heading" className="h5">
        {version.number > 1 ? t('minutes.publishedVersion', { number: version.number }) : t('minutes.published')}
      </h3>
      <p className="small">
        {version.publishedAt && t('minutes.publishedOn', { when: formatDateTime(version.publishedAt, i18n.language, 'Europe/Rome'), person: version.publishedByName ?? version.authorName })}
        {version.reason && <> · {t('minutes.reason', { reason: version.reason })}</>}
      </p>
      <MarkdownView markdown={version.body} headingOffset={3} className="border-start ps-3" />
    </article>
  );
}

function MinutesDraft({ meetingId, minutes, draft }: { meetingId: string; minutes: TMinutes; draft: TMinutesVersion | null }) {
  const { t } = useTranslation('groups');
  const [body, setBody] = useState(draft?.body ?? '');
  const { run: write, error, notice, isBusy: isSaving } = useGroupWrite();
  const problem = useFieldProblems(error);
  const isChanged = body !== (draft?.body ?? '');
  const run = (publish: boolean) =>
    write(async () => {
      let version = minutes.version;
      if (isChanged || version === 0) version = (await saveMinutes(meetingId, { version, body })).version;
      if (publish) await publishMinutes(meetingId, version);
      return publish ? t('minutes.publishedNotice') : t('minutes.savedNotice');
    });
  return (
    <form
      noValidate
      aria-label={t('minutes.draftTitle')}
      className="mb-4"
      onSubmit={(event) => {
        event.preventDefault();
        void run(false);
      }}
    >
      <p>{draft ? t('minutes.draftLead') : t('minutes.newLead')}</p>
      <MarkdownEditor id="minutes-body" label={t('minutes.body')} value={body} onChange={setBody} rows={14} headingOffset={3} error={problem('body')} maxLength={100_000} />
      <div className="d-flex flex-wrap gap-2">
        <button type="submit" className="btn btn-outline-primary" disabled={isSaving || (!isChanged && minutes.version !== 0) || body.trim() === ''}>
          {t('minutes.saveDraft')}
        </button>
        {minutes.canPublish && (
          <button type="button" className="btn btn-primary" disabled={isSaving || body.trim() === ''} onClick={() => void run(true)}>
            {t('minutes.publish')}
          </button>
        )}
      </div>
      {minutes.canPublish && <p className="small mt-2">{t('minutes.publishHelp')}</p>}
      <WriteOutcome notice={notice} error={error} />
    </form>
  );
}

function MinutesCorrection({ meetingId, latest }: { meetingId: string; latest: TMinutesVersion }) {
  const { t } = useTranslation('groups');
  const [isOpen, setOpen] = useState(false);
  const [body, setBody] = useState(latest.body);
  const [reason, setReason] = useState('');
  const { run, error, notice, isBusy: isSaving } = useGroupWrite();
  const problem = useFieldProblems(error);
  if (!isOpen) {
    return (
      <div className="mb-4">
        <button
          type="button"
          className="btn btn-outline-primary"
          onClick={() => {
            setBody(latest.body);
            setOpen(true);
          }}
        >
          {t('minutes.correct')}
        </button>
        <div role="status" className="mt-2">
          {notice && <p className="alert alert-success">{notice}</p>}
        </div>
      </div>
    );
  }
  return (
    <form
      noValidate
      aria-label={t('minutes.correctionTitle')}
      className="mb-4"
      onSubmit={(event) => {
        event.preventDefault();
        void run(async () => {
          await correctMinutes(meetingId, { body, reason });
          setOpen(false);
          setReason('');
          return t('minutes.correctedNotice');
        });
      }}
    >
      <h3 className="h5">{t('minutes.correctionTitle')}</h3>
      <p>{t('minutes.correctionLead')}</p>
      <MarkdownEditor id="minutes-correction" label={t('minutes.body')} value={body} onChange={setBody} rows={14} headingOffset={3} error={problem('body')} maxLength={100_000} />
      <TextAreaField id="minutes-correction-reason" label={t('minutes.correctionReason')} isRequired rows={2} value={reason} onChange={(event) => setReason(event.target.value)} error={problem('reason')} maxLength={1000} />
      <div className="d-flex flex-wrap gap-2">
        <button type="submit" className="btn btn-primary" disabled={isSaving || body === latest.body || reason.trim().length < 3}>
          {t('minutes.publishCorrection')}
        </button>
        <button type="button" className="btn btn-outline-secondary" onClick={() => setOpen(false)}>
          {t('minutes.cancel')}
        </button>
      </div>
      {error !== null && <ApiErrorAlert error={error} />}
    </form>
  );
}

function MinutesVersions({ meetingId, versions }: { meetingId: string; versions: readonly TMinutesVersion[] }) {
  const { t, i18n } = useTranslation('groups');
  const [openNumber, setOpenNumber] = useState<number | null>(null);
  return (
    <section aria-labelledby="minutes-versions-heading" className="mb-4">
      <h3 id="minutes-versions-heading" className="h5">
        {t('minutes.versions')}
      </h3>
      <ol reversed className="ps-3">
        {versions.map((version) => (
          <li key={version.number} className="mb-3">
            <p className="mb-1">
              {t('minutes.versionLine', { number: version.number, when: version.publishedAt ? formatDateTime(version.publishedAt, i18n.language, 'Europe/Rome') : '', person: version.publishedByName ?? version.authorName })}
              {version.reason && <> · {t('minutes.reason', { reason: version.reason })}</>}
            </p>
            {version.number > 1 && (
              <>
                <button
                  type="button"
                  className="btn btn-outline-primary btn-sm"
                  aria-expanded={openNumber === version.number}
                  aria-controls={`minutes-diff-${version.number}`}
                  onClick={() => setOpenNumber(openNumber === version.number ? null : version.number)}
                >
                  {openNumber === version.number ? t('minutes.hideChanges', { number: version.number }) : t('minutes.showChanges', { number: version.number })}
                </button>
                <div id={`minutes-diff-${version.number}`} className="mt-2">
                  {openNumber === version.number && <VersionDiff meetingId={meetingId} to={version.number} />}
                </div>
              </>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

function VersionDiff({ meetingId, to }: { meetingId: string; to: number }) {
  const diff = useQuery(minutesDiffQuery(meetingId, to - 1, to));
  if (diff.isPending) return <Loading />;
  if (diff.isError) return <ApiErrorAlert error={diff.error} />;
  return <MinutesDiffView id={`minutes-diff-${to}-view`} segments={refineSegments(diff.data.parts)} />;
}
