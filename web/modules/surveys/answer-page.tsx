import { useEffect, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { TAnswerForm } from '../../../common/contracts/surveys';
import type { Answers } from '../../../common/domain/surveys';
import { fieldsOf, isApiError } from '../../app/api-client';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { describeError } from '../../app/error-messages';
import { formatDay } from '../../app/format';
import { Loading } from '../../ui/loading';
import { Notice } from '../../ui/notice';
import { PageHeader } from '../../ui/page-header';
import { firstSectionWithIssue, issuesFromServer, localIssues, mergeSection, sectionPayload, visibleQuestions } from './answer-form';
import { AnswerQuestion, questionAnchor } from './answer-question';
import { answerFormQuery, saveAnswers } from './surveys.queries';
import './surveys.css';

type Feedback = { kind: 'saved' | 'submitted' | 'resume'; text: string } | null;

/** The public answer page of a personal or public link: no account, one section at a time, saved as you go. */
export function AnswerPage() {
  const { token = '' } = useParams();
  const { t } = useTranslation('surveys');
  const form = useQuery(answerFormQuery(token));
  if (form.isLoading) return <Loading />;
  if (form.error || !form.data) {
    if (isApiError(form.error) && form.error.status === 404) {
      return (
        <>
          <PageHeader title={t('answer.notFoundTitle')} />
          <p>{t('answer.notFound')}</p>
        </>
      );
    }
    return <ApiErrorAlert error={form.error} />;
  }
  return <AnswerForm key={token} token={token} form={form.data} />;
}

function AnswerForm({ token, form }: { token: string; form: TAnswerForm }) {
  const { t, i18n } = useTranslation('surveys');
  const { t: tCommon } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [answers, setAnswers] = useState<Answers>(() => (form.response?.answers as Answers | undefined) ?? {});
  const [sectionIndex, setSectionIndex] = useState(0);
  const [issues, setIssues] = useState<Record<string, string>>({});
  const [status, setStatus] = useState(form.response?.status ?? null);
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const isReadOnly = form.state !== 'open';
  const sections = form.sections;
  const section = sections[sectionIndex];
  const isLast = sectionIndex === sections.length - 1;
  const issueCount = Object.keys(issues).length;

  useEffect(() => {
    if (issueCount > 0) summaryRef.current?.focus();
  }, [issueCount, issues]);

  const reasonText = (reason: string) => t(`answerErrors.${reason}`, { defaultValue: t('answerErrors.invalid') });
  const goTo = (index: number) => {
    setSectionIndex(index);
    window.requestAnimationFrame(() => headingRef.current?.focus());
  };

  const save = async (submit: boolean) => {
    if (!section) return;
    setFeedback(null);
    setFailure(null);
    const local = localIssues(sections, answers, { onlySection: submit ? undefined : section, requireComplete: submit || status === 'submitted' });
    const relevant = submit || status === 'submitted' ? local : Object.fromEntries(Object.entries(local).filter(([id]) => section.questions.some((q) => q.id === id)));
    if (Object.keys(relevant).length > 0) {
      setIssues(relevant);
      setSectionIndex(firstSectionWithIssue(sections, relevant));
      return;
    }
    setIsSaving(true);
    try {
      const payload = submit ? Object.fromEntries(sections.flatMap((s) => Object.entries(sectionPayload(s, answers)))) : sectionPayload(section, answers);
      const saved = await saveAnswers(token, { answers: payload, submit });
      setIssues({});
      // A section save returns every stored answer; keep what the respondent typed in other sections, not saved yet.
      setAnswers((current) => (submit ? (saved.answers as Answers) : mergeSection(current, saved.answers as Answers, section)));
      setStatus(saved.status);
      if (saved.resumeToken) {
        queryClient.removeQueries({ queryKey: ['survey-answer', token] });
        navigate(`/rispondi/${saved.resumeToken}`, { replace: true, state: { resumeNotice: true } });
        return;
      }
      if (submit || saved.status === 'submitted') {
        setFeedback({ kind: 'submitted', text: submit ? t('answer.submitted') : t('answer.editSaved') });
      } else {
        setFeedback({ kind: 'saved', text: t('answer.saved') });
      }
      // "Save and continue" continues, before and after the submission (an edit, section by section).
      if (!submit && !isLast) goTo(sectionIndex + 1);
      await queryClient.invalidateQueries({ queryKey: ['survey-answer', token] });
    } catch (error) {
      const fields = isApiError(error) ? fieldsOf(error.details) : [];
      const fromServer = issuesFromServer(fields);
      if (Object.keys(fromServer).length > 0) {
        setIssues(fromServer);
        setSectionIndex(firstSectionWithIssue(sections, fromServer));
      } else {
        setFailure(describeError(error, tCommon));
      }
    } finally {
      setIsSaving(false);
    }
  };

  const untilText = form.survey.closesOn ? t('answer.editableUntil', { date: formatDay(form.survey.closesOn, i18n.language) }) : t('answer.editableWhileOpen');
  const sectionIssues = section ? section.questions.filter((question) => issues[question.id]) : [];
  const otherSectionIssues = issueCount - sectionIssues.length;
  const state = window.history.state as { usr?: { resumeNotice?: boolean } } | null;

  return (
    <div className="survey-answer survey-ui">
      <PageHeader title={form.survey.title} lead={form.organizationName ? t('answer.answeringFor', { name: form.organizationName }) : t('answer.anonymous')} />
      {state?.usr?.resumeNotice && (
        <Notice color="info" role="status">
          {t('answer.resumeNotice')} <code className="text-break">{window.location.href}</code>
        </Notice>
      )}
      {form.survey.introduction && <p className="lead-text">{form.survey.introduction}</p>}
      {form.survey.privacyNotice && (
        <details className="mb-3">
          <summary>{t('answer.privacy')}</summary>
          <p className="mt-2">{form.survey.privacyNotice}</p>
        </details>
      )}
      {isReadOnly ? (
        <Notice color="warning" role="note">
          {form.state === 'closed' ? t('answer.closed') : t('answer.notYetOpen')}
        </Notice>
      ) : (
        <p>{untilText}</p>
      )}
      {status === 'submitted' && !feedback && (
        <Notice color="success" role="note">
          {t('answer.alreadySubmitted')}
        </Notice>
      )}
      {feedback && (
        <Notice color={feedback.kind === 'saved' ? 'info' : 'success'} role="status">
          {feedback.text}
        </Notice>
      )}
      {failure && (
        <Notice color="danger" role="alert">
          {failure}
        </Notice>
      )}

      <nav aria-label={t('answer.progressLabel')} className="mb-3">
        <p className="mb-1" id="survey-progress-text">
          {t('answer.progress', { current: sectionIndex + 1, total: sections.length })}
        </p>
        <div className="progress" role="progressbar" aria-labelledby="survey-progress-text" aria-valuemin={1} aria-valuemax={sections.length} aria-valuenow={sectionIndex + 1}>
          <div className="progress-bar" style={{ width: `${((sectionIndex + 1) / Math.max(1, sections.length)) * 100}%` }} />
        </div>
      </nav>

      {issueCount > 0 && (
        <div ref={summaryRef} tabIndex={-1} className="alert alert-danger" role="alert" aria-labelledby="survey-error-summary">
          <h2 id="survey-error-summary" className="h5">
            {t('answer.errorSummary', { count: issueCount })}
          </h2>
          <ul className="mb-0">
            {sectionIssues.map((question) => (
              <li key={question.id}>
                <a href={`#${questionAnchor(question.id)}`}>
                  {question.label}: {reasonText(issues[question.id]!)}
                </a>
              </li>
            ))}
            {otherSectionIssues > 0 && <li>{t('answer.otherSectionErrors', { count: otherSectionIssues })}</li>}
          </ul>
        </div>
      )}

      {section && (
        <form
          noValidate
          aria-labelledby="survey-section-title"
          onSubmit={(event) => {
            event.preventDefault();
            void save(isLast);
          }}
        >
          <h2 id="survey-section-title" ref={headingRef} tabIndex={-1} className="h3">
            {section.title || t('answer.sectionFallback', { number: sectionIndex + 1 })}
          </h2>
          {section.description && <p>{section.description}</p>}
          {visibleQuestions(section, answers).map((question) => (
            <AnswerQuestion
              key={question.id}
              question={question}
              value={answers[question.id]}
              error={issues[question.id] ? reasonText(issues[question.id]!) : null}
              isReadOnly={isReadOnly}
              onChange={(value) => {
                setAnswers((current) => {
                  const next = { ...current };
                  if (value === null || value === undefined) delete next[question.id];
                  else next[question.id] = value;
                  return next;
                });
                if (issues[question.id]) setIssues(({ [question.id]: _removed, ...rest }) => rest);
              }}
            />
          ))}
          <div className="d-flex flex-wrap gap-2 mt-4">
            {sectionIndex > 0 && (
              <button type="button" className="btn btn-outline-primary" onClick={() => goTo(sectionIndex - 1)}>
                {t('answer.previous')}
              </button>
            )}
            {!isReadOnly && !isLast && (
              <button type="submit" className="btn btn-primary" disabled={isSaving}>
                {t('answer.saveAndContinue')}
              </button>
            )}
            {!isReadOnly && isLast && (
              <>
                <button type="button" className="btn btn-outline-primary" disabled={isSaving} onClick={() => void save(false)}>
                  {t('answer.save')}
                </button>
                <button type="submit" className="btn btn-primary" disabled={isSaving}>
                  {status === 'submitted' ? t('answer.saveChanges') : t('answer.submit')}
                </button>
              </>
            )}
            {isReadOnly && !isLast && (
              <button type="button" className="btn btn-primary" onClick={() => goTo(sectionIndex + 1)}>
                {t('answer.next')}
              </button>
            )}
          </div>
        </form>
      )}
    </div>
  );
}
