import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button } from 'design-react-kit';
import type { TLabelApplication } from '../../../common/contracts/labels';
import type { ApplicationAction } from '../../../common/domain/labels';
import { PageHeader } from '../../ui/page-header';
import { Loading } from '../../ui/loading';
import { Notice } from '../../ui/notice';
import { TextAreaField, TextField } from '../../ui/form-field';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { isApiError } from '../../app/api-client';
import { formatFileSize } from '../../app/format';
import { paths } from '../../app/paths';
import { useSession } from '../../app/session';
import { APPLICATION_STATUS_COLORS, badgeSnippet, scoreSummary } from './label-rules';
import { labelPaths } from './label-paths';
import {
  applicationFilesQuery,
  applicationQuery,
  applyForLabel,
  evidenceFileUrl,
  labelBadgePath,
  removeEvidenceFile,
  revokeLabel,
  saveDecision,
  saveEvidence,
  schemeQuery,
  transitionApplication,
  uploadEvidenceFile,
} from './labels.queries';
import { useLabelWords } from './use-label-words';

type Criterion = TLabelApplication['criteria'][number];

/** Every write on an application answers with the whole application, which replaces the page's copy. */
function useApplicationWrite<Input>(applicationId: string, write: (input: Input) => Promise<TLabelApplication>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (application) => {
      queryClient.setQueryData(applicationQuery(applicationId).queryKey, application);
      void queryClient.invalidateQueries({ queryKey: ['labels', 'applications'] });
      void queryClient.invalidateQueries({ queryKey: ['labels', 'schemes'] });
      void queryClient.invalidateQueries({ queryKey: ['labels', 'scheme', application.schemeId] });
    },
  });
}

/**
 * A label application: each criterion with its evidence (written by the applicant while a draft) and its assessment
 * (by the scheme's assessors once submitted), the files, where it stands against the award rule, its steps (submit,
 * withdraw, award, reject), and once awarded the label's verification page, badge, revocation and renewal.
 */
export function ApplicationPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('labels');
  const { t: tCommon } = useTranslation();
  const words = useLabelWords();
  const application = useQuery(applicationQuery(id));
  if (application.isPending) return <Loading />;
  if (application.isError) return <ApiErrorAlert error={application.error} onRetry={() => void application.refetch()} />;
  const a = application.data;
  return (
    <>
      <PageHeader
        title={t('application.title', { organization: a.organizationName })}
        breadcrumbs={[{ label: tCommon('nav.home'), to: paths.home }, { label: t('list.title'), to: labelPaths.list }, { label: a.schemeName, to: labelPaths.scheme(a.schemeId) }, { label: a.organizationName }]}
        lead={t('application.lead', { scheme: a.schemeName })}
        aside={<Badge color={APPLICATION_STATUS_COLORS[a.status]}>{words.status(a.status)}</Badge>}
      />
      {a.access.conflictOfInterest && a.status === 'submitted' && (
        <Notice color="warning" role="note">
          {t(`application.conflict.${a.access.conflictOfInterest}`)}
        </Notice>
      )}
      <ul className="list-unstyled">
        {a.submittedAt && <li>{t('application.submittedOn', { day: words.instantDay(a.submittedAt) })}</li>}
        {a.decidedAt && <li>{t('application.decidedOn', { day: words.instantDay(a.decidedAt) })}</li>}
        {a.decisionReason && <li>{t('application.reason', { reason: a.decisionReason })}</li>}
        {a.renewsAwardId && <li>{t('application.renewal')}</li>}
      </ul>
      <section aria-labelledby="application-criteria-heading">
        <h2 id="application-criteria-heading" className="h4">
          {t('application.criteria')}
        </h2>
        <ol className="list-unstyled">
          {a.criteria.map((criterion, index) => (
            <CriterionItem key={criterion.id} application={a} criterion={criterion} number={index + 1} />
          ))}
        </ol>
      </section>
      <EvidenceFiles application={a} />
      <Summary application={a} />
      <Steps application={a} />
      {a.award && <AwardSection application={a} />}
    </>
  );
}

function CriterionItem({ application, criterion, number }: { application: TLabelApplication; criterion: Criterion; number: number }) {
  const { t } = useTranslation('labels');
  const words = useLabelWords();
  return (
    <li className="border rounded p-3 mb-3" aria-labelledby={`criterion-${criterion.id}-heading`}>
      <h3 id={`criterion-${criterion.id}-heading`} className="h5">
        {number}. {criterion.description}{' '}
        <span className="small text-muted">
          ({words.kind(criterion.kind)}
          {criterion.maxScore !== null && `, ${t('scheme.upTo', { count: criterion.maxScore })}`})
        </span>
      </h3>
      {criterion.evidenceRequired && <p className="small">{t('scheme.evidence', { text: criterion.evidenceRequired })}</p>}
      {application.access.canEditEvidence ? (
        <EvidenceForm application={application} criterion={criterion} number={number} />
      ) : (
        <>
          <h4 className="h6">{t('application.evidence')}</h4>
          <p className="text-pre-wrap">{criterion.evidence || t('application.evidenceNone')}</p>
        </>
      )}
      <h4 className="h6">{t('application.decisionTitle')}</h4>
      {criterion.decision ? (
        <p>
          {criterion.kind === 'mandatory' ? (criterion.decision.met ? t('application.met') : t('application.notMet')) : t('application.pointsOf', { score: criterion.decision.score, max: criterion.maxScore })}
          {criterion.decision.note && ` — ${criterion.decision.note}`}
          <br />
          <span className="small text-muted">{t('application.decidedBy', { name: criterion.decision.assessorName, day: words.instantDay(criterion.decision.decidedAt) })}</span>
        </p>
      ) : (
        <p>{t('application.notDecided')}</p>
      )}
      {application.access.canAssess && <DecisionForm application={application} criterion={criterion} number={number} />}
    </li>
  );
}

function EvidenceForm({ application, criterion, number }: { application: TLabelApplication; criterion: Criterion; number: number }) {
  const { t } = useTranslation('labels');
  const [text, setText] = useState<string | null>(null);
  const save = useApplicationWrite(application.id, (value: string) => saveEvidence(application.id, criterion.id, { text: value }));
  const current = text ?? criterion.evidence ?? '';
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(current, { onSuccess: () => setText(null) });
      }}
    >
      <TextAreaField id={`evidence-${criterion.id}`} label={t('application.evidenceFor', { number })} value={current} onChange={(event) => setText(event.target.value)} rows={3} />
      {save.isError && <ApiErrorAlert error={save.error} />}
      {save.isSuccess && text === null && (
        <Notice color="success" role="status">
          {t('application.evidenceSaved')}
        </Notice>
      )}
      <Button type="submit" color="primary" outline size="sm" disabled={save.isPending}>
        {t('application.saveEvidence')}
      </Button>
    </form>
  );
}

function DecisionForm({ application, criterion, number }: { application: TLabelApplication; criterion: Criterion; number: number }) {
  const { t } = useTranslation('labels');
  const [met, setMet] = useState<boolean | null>(criterion.decision?.met ?? null);
  const [score, setScore] = useState(criterion.decision?.score === null || criterion.decision?.score === undefined ? '' : String(criterion.decision.score));
  const [note, setNote] = useState(criterion.decision?.note ?? '');
  const decide = useApplicationWrite(application.id, () =>
    saveDecision(application.id, criterion.id, criterion.kind === 'mandatory' ? { met, note } : { score: /^\d+$/.test(score.trim()) ? Number(score) : null, note }),
  );
  const tie = isApiError(decide.error) && decide.error.code === 'LABELS.CONFLICT_OF_INTEREST' ? (decide.error.details as { tie?: { kind?: string } } | undefined)?.tie?.kind : undefined;
  return (
    <form
      noValidate
      className="border-top pt-2"
      onSubmit={(event) => {
        event.preventDefault();
        decide.mutate(undefined);
      }}
    >
      {criterion.kind === 'mandatory' ? (
        <fieldset className="mb-2">
          <legend className="h6">{t('application.metLegend', { number })}</legend>
          {[true, false].map((value) => (
            <div className="form-check form-check-inline" key={String(value)}>
              <input id={`met-${criterion.id}-${String(value)}`} type="radio" name={`met-${criterion.id}`} className="form-check-input" checked={met === value} onChange={() => setMet(value)} />
              <label htmlFor={`met-${criterion.id}-${String(value)}`} className="form-check-label">
                {value ? t('application.met') : t('application.notMet')}
              </label>
            </div>
          ))}
        </fieldset>
      ) : (
        <TextField id={`score-${criterion.id}`} label={t('application.score', { max: criterion.maxScore })} inputMode="numeric" value={score} onChange={(event) => setScore(event.target.value)} />
      )}
      <TextAreaField id={`note-${criterion.id}`} label={t('application.note')} value={note} onChange={(event) => setNote(event.target.value)} rows={2} />
      {tie === 'membership' || tie === 'relationship' ? (
        <Notice color="danger" role="alert">
          {t(`application.conflict.${tie}`)}
        </Notice>
      ) : (
        decide.isError && <ApiErrorAlert error={decide.error} />
      )}
      {decide.isSuccess && (
        <Notice color="success" role="status">
          {t('application.decided')}
        </Notice>
      )}
      <Button type="submit" color="primary" size="sm" disabled={decide.isPending}>
        {t('application.decide')}
      </Button>
    </form>
  );
}

function EvidenceFiles({ application }: { application: TLabelApplication }) {
  const { t } = useTranslation('labels');
  const words = useLabelWords();
  const queryClient = useQueryClient();
  const files = useQuery(applicationFilesQuery(application.id));
  const [chosen, setChosen] = useState<File[]>([]);
  const [inputKey, setInputKey] = useState(0);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: applicationFilesQuery(application.id).queryKey });
  const upload = useMutation({
    mutationFn: async (list: File[]) => {
      for (const file of list) await uploadEvidenceFile(application.id, file);
    },
    onSuccess: () => {
      setChosen([]);
      setInputKey((key) => key + 1);
    },
    onSettled: refresh,
  });
  const remove = useMutation({ mutationFn: removeEvidenceFile, onSettled: refresh });
  return (
    <section aria-labelledby="application-files-heading" className="mb-4">
      <h2 id="application-files-heading" className="h4">
        {t('application.files')}
      </h2>
      {files.isPending && <Loading />}
      {files.isError && <ApiErrorAlert error={files.error} />}
      {files.data?.length === 0 && <p>{t('application.noFiles')}</p>}
      {files.data && files.data.length > 0 && (
        <ul>
          {files.data.map((file) => (
            <li key={file.id}>
              <a href={evidenceFileUrl(file.id)} download={file.name}>
                {file.name}
              </a>{' '}
              <span className="small">({formatFileSize(file.sizeBytes, words.language)})</span>{' '}
              {application.access.canEditEvidence && (
                <Button type="button" color="secondary" outline size="xs" onClick={() => remove.mutate(file.id)} disabled={remove.isPending}>
                  {t('application.removeFile', { name: file.name })}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {application.access.canEditEvidence && (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (chosen.length > 0) upload.mutate(chosen);
          }}
        >
          <div className="mb-2">
            <label htmlFor="evidence-files" className="form-label">
              {t('application.chooseFiles')}
            </label>
            <input key={inputKey} id="evidence-files" type="file" multiple className="form-control" aria-describedby="evidence-files-help" onChange={(event) => setChosen(Array.from(event.target.files ?? []).slice(0, 20))} />
            <small id="evidence-files-help" className="form-text">
              {t('application.filesHelp')}
            </small>
          </div>
          {upload.isError && <ApiErrorAlert error={upload.error} />}
          {remove.isError && <ApiErrorAlert error={remove.error} />}
          <Button type="submit" color="primary" outline size="sm" disabled={upload.isPending || chosen.length === 0}>
            {t('application.upload')}
          </Button>
        </form>
      )}
    </section>
  );
}

function Summary({ application }: { application: TLabelApplication }) {
  const { t } = useTranslation('labels');
  if (application.status !== 'submitted') return null;
  const summary = scoreSummary(application);
  const descriptionOf = (criterionId: string) => application.criteria.find((criterion) => criterion.id === criterionId)?.description ?? '';
  return (
    <section aria-labelledby="application-summary-heading" className="mb-4">
      <h2 id="application-summary-heading" className="h4">
        {t('application.summaryTitle')}
      </h2>
      <p>{summary.maxTotalScore > 0 ? t('application.summary', { total: summary.totalScore, max: summary.maxTotalScore, threshold: summary.thresholdScore }) : t('application.summaryNoScore')}</p>
      {summary.undecided > 0 && <p>{t('application.undecided', { count: summary.undecided })}</p>}
      {application.check.passed ? (
        <Notice color="success" role="note">
          {t('application.ready')}
        </Notice>
      ) : (
        <ul>
          {application.check.problems.map((problem, index) => (
            <li key={index}>
              {problem.code === 'below_threshold'
                ? t('application.problems.below_threshold', { total: problem.totalScore, threshold: problem.thresholdScore })
                : t(`application.problems.${problem.code}`, { criterion: descriptionOf(problem.criterionId) })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Steps({ application }: { application: TLabelApplication }) {
  const { t } = useTranslation('labels');
  const [reason, setReason] = useState('');
  const transition = useApplicationWrite(application.id, (action: ApplicationAction) => transitionApplication(application.id, { action, version: application.version, reason: action === 'reject' ? reason : null }));
  const actions = application.access.actions;
  if (actions.length === 0) return null;
  const descriptionOf = (criterionId: string) => application.criteria.find((criterion) => criterion.id === criterionId)?.description ?? '';
  const refusedProblems = isApiError(transition.error) && transition.error.code === 'LABELS.AWARD_RULE_NOT_MET' ? ((transition.error.details as { problems?: TLabelApplication['check']['problems'] } | undefined)?.problems ?? []) : [];
  return (
    <section aria-labelledby="application-steps-heading" className="border-top pt-3 mb-4">
      <h2 id="application-steps-heading" className="h4">
        {t('application.actionsTitle')}
      </h2>
      {actions.includes('reject') && <TextAreaField id="reject-reason" label={t('application.rejectReason')} value={reason} onChange={(event) => setReason(event.target.value)} rows={2} />}
      {transition.isError && <ApiErrorAlert error={transition.error} />}
      {refusedProblems.length > 0 && (
        <ul>
          {refusedProblems.map((problem, index) => (
            <li key={index}>
              {problem.code === 'below_threshold'
                ? t('application.problems.below_threshold', { total: problem.totalScore, threshold: problem.thresholdScore })
                : t(`application.problems.${problem.code}`, { criterion: descriptionOf(problem.criterionId) })}
            </li>
          ))}
        </ul>
      )}
      <div className="d-flex flex-wrap gap-2">
        {actions.map((action) => (
          <Button key={action} type="button" color={action === 'submit' || action === 'award' ? 'primary' : 'secondary'} outline={action === 'withdraw' || action === 'reject'} disabled={transition.isPending} onClick={() => transition.mutate(action)}>
            {t(`application.actions.${action}`)}
          </Button>
        ))}
      </div>
    </section>
  );
}

function AwardSection({ application }: { application: TLabelApplication }) {
  const { t } = useTranslation('labels');
  const words = useLabelWords();
  const { session } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const scheme = useQuery(schemeQuery(application.schemeId));
  const award = application.award!;
  const isApplicantAdmin = session.roles.some((grant) => grant.role === 'organization_admin' && grant.scopeId === application.organizationId);
  const renew = useMutation({
    mutationFn: () => applyForLabel({ schemeId: application.schemeId, organizationId: application.organizationId, renewsAwardId: award.id }),
    onSuccess: (renewal) => {
      void queryClient.invalidateQueries({ queryKey: ['labels', 'applications'] });
      void navigate(labelPaths.application(renewal.id));
    },
  });
  const alt = t('verify.badgeAlt', { scheme: application.schemeName, organization: application.organizationName });
  return (
    <section aria-labelledby="application-award-heading" className="border-top pt-3 mb-4">
      <h2 id="application-award-heading" className="h4">
        {t('application.awardTitle')}
      </h2>
      <p>
        {t('application.awardState', { state: words.state(award.state) })} {award.state === 'revoked' ? t('application.revoked', { day: words.day(award.revokedOn) }) : t('application.awardValid', { from: words.day(award.validFrom), until: words.day(award.validUntil) })}
      </p>
      <p>
        <Link to={labelPaths.verification(award.publicCode)}>{t('application.verificationLink')}</Link>
      </p>
      <label htmlFor="award-embed" className="form-label">
        {t('application.embed')}
      </label>
      <textarea id="award-embed" className="form-control font-monospace mb-3" readOnly rows={3} value={badgeSnippet(window.location.origin, labelPaths.verification(award.publicCode), labelBadgePath(award.publicCode), alt)} />
      {isApplicantAdmin && award.state !== 'revoked' && application.status === 'awarded' && (
        <div className="mb-3">
          <p>{t('application.renewLead', { until: words.day(award.validUntil) })}</p>
          {renew.isError && <ApiErrorAlert error={renew.error} />}
          <Button type="button" color="primary" outline onClick={() => renew.mutate()} disabled={renew.isPending}>
            {t('application.renew')}
          </Button>
        </div>
      )}
      {scheme.data?.canManage && award.state !== 'revoked' && <Revocation application={application} awardId={award.id} />}
    </section>
  );
}

/** Revocation: a reason, then a confirmation dialog (native <dialog>: focus kept inside, Esc cancels). */
function Revocation({ application, awardId }: { application: TLabelApplication; awardId: string }) {
  const { t } = useTranslation('labels');
  const queryClient = useQueryClient();
  const dialog = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState('');
  const [isAsked, setAsked] = useState(false);
  const [isChecked, setChecked] = useState(false);
  const revoke = useMutation({
    mutationFn: () => revokeLabel(awardId, { reason: reason.trim() }),
    onSuccess: () => {
      dialog.current?.close();
      setAsked(false);
      void queryClient.invalidateQueries({ queryKey: ['labels'] });
    },
  });
  useEffect(() => {
    if (isAsked && dialog.current && !dialog.current.open) dialog.current.showModal();
  }, [isAsked]);
  const reasonProblem = isChecked && reason.trim() === '' ? t('new.problems.required') : null;
  return (
    <form
      noValidate
      aria-labelledby="revoke-heading"
      className="border rounded p-3"
      onSubmit={(event) => {
        event.preventDefault();
        setChecked(true);
        if (reason.trim() !== '') setAsked(true);
      }}
    >
      <h3 id="revoke-heading" className="h5">
        {t('application.revokeTitle')}
      </h3>
      <TextAreaField id="revoke-reason" label={t('application.revokeReason')} value={reason} onChange={(event) => setReason(event.target.value)} rows={2} isRequired error={reasonProblem} />
      <Button type="submit" color="danger" outline>
        {t('application.revoke')}
      </Button>
      <dialog ref={dialog} aria-labelledby="revoke-confirm-heading" aria-describedby="revoke-confirm-text" className="border rounded p-4" onClose={() => setAsked(false)}>
        <h2 id="revoke-confirm-heading" className="h4">
          {t('application.revokeConfirmTitle', { organization: application.organizationName })}
        </h2>
        <p id="revoke-confirm-text">{t('application.revokeConfirmText')}</p>
        {revoke.isError && <ApiErrorAlert error={revoke.error} />}
        <div className="d-flex gap-2">
          <Button type="button" color="danger" onClick={() => revoke.mutate()} disabled={revoke.isPending}>
            {t('application.revokeConfirm')}
          </Button>
          <Button type="button" color="secondary" outline onClick={() => dialog.current?.close()}>
            {t('application.cancel')}
          </Button>
        </div>
      </dialog>
    </form>
  );
}
