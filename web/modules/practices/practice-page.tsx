import { useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Button } from 'design-react-kit';
import type { TPractice } from '../../../common/contracts/practices';
import { isLessonOutcome } from '../../../common/domain/practices';
import { isApiError } from '../../app/api-client';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { formatDay, formatFileSize } from '../../app/format';
import { ErrorAlert } from '../../ui/error-alert';
import { Loading } from '../../ui/loading';
import { MarkdownView } from '../../ui/markdown-view';
import { PageHeader } from '../../ui/page-header';
import { PracticeGroupsSection } from './practice-groups';
import { OutcomeBadge, useCategoryLabels } from './practice-labels';
import { practicesPaths } from './practices-paths';
import { attachFile, fileDownloadUrl, practiceFilesQuery, practiceQuery } from './practices.queries';

/** `/pratiche/:id`: one practice — its texts rendered from Markdown, its context, its lesson, its attachments. Public ones need no sign-in. */
export function PracticePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('practices');
  const practice = useQuery(practiceQuery(id));
  if (practice.isPending) return <Loading />;
  if (practice.isError) {
    return (
      <>
        <PageHeader title={t('list.title')} breadcrumbs={[{ label: t('list.title'), to: practicesPaths.list }, { label: t('list.title') }]} />
        {isApiError(practice.error) && practice.error.status === 404 ? <ErrorAlert message={t('page.notFound')} /> : <ApiErrorAlert error={practice.error} />}
        <Link to={practicesPaths.list}>{t('page.backToList')}</Link>
      </>
    );
  }
  return <PracticeView practice={practice.data} />;
}

function Section({ title, markdown }: { title: string; markdown: string }) {
  if (markdown.trim() === '') return null;
  return (
    <section className="mb-4">
      <h2 className="h4">{title}</h2>
      <MarkdownView markdown={markdown} headingOffset={2} />
    </section>
  );
}

function PracticeView({ practice }: { practice: TPractice }) {
  const { t, i18n } = useTranslation('practices');
  const { t: ts } = useTranslation('services');
  const categories = useCategoryLabels();
  const day = (value: string) => formatDay(value, i18n.language);
  const period = practice.startedOn ? (practice.endedOn ? t('page.fromTo', { from: day(practice.startedOn), to: day(practice.endedOn) }) : t('page.from', { date: day(practice.startedOn) })) : null;
  const context: [string, string | null][] = [
    [t('page.organization'), practice.organization.name],
    [t('page.district'), practice.districtName],
    [t('page.territory'), practice.territory || null],
    [t('page.targetGroup'), practice.targetGroup ? ts(`targetGroups.${practice.targetGroup}`) : null],
    [t('page.category'), practice.categoryCode ? (categories.label(practice.categoryCode) ?? practice.categoryLabel) : null],
    [t('page.linkedOrganizations'), practice.linkedOrganizations.length > 0 ? practice.linkedOrganizations.map((o) => o.name).join(', ') : null],
    [t('page.period'), period],
    [t('page.author'), practice.authorName],
    [t('page.visibility'), t(`visibilities.${practice.visibility}`)],
  ];
  return (
    <>
      <PageHeader
        title={practice.title}
        breadcrumbs={[{ label: t('list.title'), to: practicesPaths.list }, { label: practice.title }]}
        aside={<OutcomeBadge outcome={practice.outcome} />}
        lead={t('page.updated', { date: day(practice.updatedAt) })}
      />
      {practice.canEdit && (
        <p>
          <Link className="btn btn-outline-primary" to={practicesPaths.edit(practice.id)}>{t('page.edit')}</Link>
        </p>
      )}
      <div className="row">
        <div className="col-lg-8">
          <Section title={t('page.whatTried')} markdown={practice.whatTried} />
          {isLessonOutcome(practice.outcome) && (
            <section className="callout warning mb-4" aria-labelledby="practice-lesson">
              <div className="callout-title" id="practice-lesson">{t('page.lessonTitle')}</div>
              <Section title={t('page.failureCause')} markdown={practice.failureCause} />
              <Section title={t('page.lessonLearned')} markdown={practice.lessonLearned} />
            </section>
          )}
          <Section title={t('page.whatWorked')} markdown={practice.whatWorked} />
          <Section title={t('page.whatDidNotWork')} markdown={practice.whatDidNotWork} />
          <Section title={t('page.resourcesNeeded')} markdown={practice.resourcesNeeded} />
          <Section title={t('page.contacts')} markdown={practice.contacts} />
        </div>
        <div className="col-lg-4">
          <section className="mb-4" aria-labelledby="practice-context">
            <h2 className="h4" id="practice-context">{t('page.context')}</h2>
            <dl>
              {context.filter(([, value]) => value).map(([label, value]) => (
                <div key={label} className="mb-2">
                  <dt>{label}</dt>
                  <dd className="mb-0">{value}</dd>
                </div>
              ))}
              {practice.tags.length > 0 && (
                <div className="mb-2">
                  <dt>{t('page.tags')}</dt>
                  <dd className="mb-0">
                    {practice.tags.map((tag) => (
                      <Link key={tag} className="me-2" to={`${practicesPaths.list}?etichetta=${encodeURIComponent(tag)}`}>#{tag}</Link>
                    ))}
                  </dd>
                </div>
              )}
            </dl>
          </section>
          <PracticeGroupsSection groups={practice.linkedGroups} />
          <Attachments practiceId={practice.id} canEdit={practice.canEdit} />
        </div>
      </div>
    </>
  );
}

function Attachments({ practiceId, canEdit }: { practiceId: string; canEdit: boolean }) {
  const { t, i18n } = useTranslation('practices');
  const queryClient = useQueryClient();
  const files = useQuery(practiceFilesQuery(practiceId));
  const input = useRef<HTMLInputElement>(null);
  const [isDone, setDone] = useState(false);
  const upload = useMutation({
    mutationFn: (file: File) => attachFile(practiceId, file),
    onSuccess: () => {
      setDone(true);
      if (input.current) input.current.value = '';
      void queryClient.invalidateQueries({ queryKey: practiceFilesQuery(practiceId).queryKey });
    },
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const file = input.current?.files?.[0];
    setDone(false);
    if (file) upload.mutate(file);
  };
  return (
    <section className="mb-4" aria-labelledby="practice-attachments">
      <h2 className="h4" id="practice-attachments">{t('page.attachments')}</h2>
      {files.isPending && <Loading />}
      {files.isError && <ApiErrorAlert error={files.error} />}
      {files.data && files.data.length === 0 && <p>{t('page.noAttachments')}</p>}
      {files.data && files.data.length > 0 && (
        <ul>
          {files.data.map((file) => (
            <li key={file.id}>
              <a href={fileDownloadUrl(file.id)} download={file.name}>{file.name}</a>{' '}
              <span className="small text-secondary">({formatFileSize(file.sizeBytes, i18n.language)})</span>
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <form onSubmit={onSubmit} className="mt-3">
          <div className="form-group">
            <label htmlFor="practice-file" className="active">{t('page.attach')}</label>
            <input ref={input} id="practice-file" type="file" className="form-control" aria-describedby="practice-file-help" />
            <small id="practice-file-help" className="form-text">{t('page.attachHelp')}</small>
          </div>
          {upload.isError && <ApiErrorAlert error={upload.error} />}
          {isDone && <p role="status" className="text-success">{t('page.attached')}</p>}
          <Button color="primary" outline type="submit" disabled={upload.isPending}>{t('page.attachSubmit')}</Button>
        </form>
      )}
    </section>
  );
}
