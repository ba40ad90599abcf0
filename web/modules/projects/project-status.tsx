import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { Button } from 'design-react-kit';
import type { TProject } from '../../../common/contracts/projects';
import { EVALUATION_DECISIONS, transitionOf, type EvaluationDecision, type ProjectStatus } from '../../../common/domain/projects';
import { DataTable } from '../../ui/data-table';
import { SelectField, TextAreaField } from '../../ui/form-field';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { formatDateTime } from '../../app/format';
import { districtsQuery } from '../districts';
import { MunicipalityPicker, type PickedMunicipality } from '../territory';
import { scaleUpProblem } from './project-form-rules';
import { projectPaths } from './project-paths';
import { PrintableSection, SectionForm } from '../../ui/printable-section';
import { projectsQuery, transitionProject } from './projects.queries';
import { useProjectMutation } from './use-project-mutation';
import { useProjectLabels } from './use-project-labels';

/** The status, the moves the pipeline allows from it (PROJECT_TRANSITIONS, as the server computed them for the reader), and the history. */
export function ProjectStatusSection({ project }: { project: TProject }) {
  const { t } = useTranslation('projects');
  const labels = useProjectLabels();
  const [target, setTarget] = useState<ProjectStatus | null>(null);
  const transition = useProjectMutation(project.id, (input: Parameters<typeof transitionProject>[1]) => transitionProject(project.id, input), () => setTarget(null));
  const requires = target ? (transitionOf(project.status, target)?.requires ?? []) : [];
  const isSimpleMove = (to: ProjectStatus) => (transitionOf(project.status, to)?.requires ?? []).length === 0;
  return (
    <PrintableSection id="project-status" title={t('status.title')}>
      <p>{t('status.current', { status: labels.status(project.status) })}</p>
      {project.access.nextStatuses.length > 0 && (
        <div className="d-flex flex-wrap gap-2 mb-3 app-no-print" role="group" aria-label={t('status.nextSteps')}>
          {project.access.nextStatuses.map((to) => (
            <Button
              key={to}
              color="primary"
              outline={to !== target}
              disabled={transition.isPending}
              onClick={() => (isSimpleMove(to) ? transition.mutate({ to, note: '' }) : setTarget(to))}
            >
              {labels.moveTo(to)}
            </Button>
          ))}
        </div>
      )}
      {transition.isError && !target && <ApiErrorAlert error={transition.error} />}
      {target && requires.includes('evaluation') && <EvaluationForm project={project} to={target} mutation={transition} />}
      {target && !requires.includes('evaluation') && <OutcomeForm project={project} to={target} needsScaleUp={requires.includes('scaleUp')} mutation={transition} />}
      {project.evaluation && (
        <div className="mb-3">
          <h3 className="h5">{t('evaluation.title')}</h3>
          <dl className="facts">
            <dt>{t('evaluation.measured')}</dt>
            <dd className="prewrap">{project.evaluation.measured}</dd>
            <dt>{t('evaluation.results')}</dt>
            <dd className="prewrap">{project.evaluation.results}</dd>
            <dt>{t('evaluation.decision')}</dt>
            <dd>{labels.decision(project.evaluation.decision)}</dd>
            <dt>{t('evaluation.reasons')}</dt>
            <dd className="prewrap">{project.evaluation.reasons}</dd>
          </dl>
        </div>
      )}
      {project.scaleUp && (
        <p>
          {t('scaleUp.where', {
            places: [...project.scaleUp.districts.map((district) => district.name), ...project.scaleUp.municipalities.map((municipality) => municipality.name)].join(', '),
          })}
          {project.scaleUp.replicaProjectId && (
            <>
              {' '}
              {t('scaleUp.replicaLead')} <Link to={projectPaths.project(project.scaleUp.replicaProjectId)}>{project.scaleUp.replicaProjectTitle ?? t('scaleUp.untitled')}</Link>.
            </>
          )}
        </p>
      )}
      {project.replicaOfProjectId && (
        <p>
          {t('scaleUp.replicaOfLead')} <Link to={projectPaths.project(project.replicaOfProjectId)}>{project.replicaOfProjectTitle ?? t('scaleUp.untitled')}</Link>.
        </p>
      )}
      <DataTable
        caption={t('status.historyCaption')}
        columns={[
          { key: 'at', header: t('status.at'), isRowHeader: true, cell: (row: TProject['transitions'][number]) => formatDateTime(row.at, labels.language, 'Europe/Rome') },
          { key: 'from', header: t('status.from'), cell: (row) => (row.fromStatus ? labels.status(row.fromStatus) : '—') },
          { key: 'to', header: t('status.to'), cell: (row) => labels.status(row.toStatus) },
          { key: 'by', header: t('status.by'), cell: (row) => row.byName ?? '—' },
          { key: 'note', header: t('status.note'), cell: (row) => row.note || '—' },
        ]}
        rows={project.transitions}
        rowKey={(row) => row.id}
        emptyText={t('status.noHistory')}
      />
    </PrintableSection>
  );
}

type TransitionMutation = ReturnType<typeof useProjectMutation<Parameters<typeof transitionProject>[1]>>;

/** Leaving "running": what was measured, the results, and the decision with its reasons (the pipeline's evaluation gate). */
function EvaluationForm({ project, to, mutation }: { project: TProject; to: ProjectStatus; mutation: TransitionMutation }) {
  const { t } = useTranslation('projects');
  const labels = useProjectLabels();
  const [measured, setMeasured] = useState('');
  const [results, setResults] = useState('');
  const [decision, setDecision] = useState<EvaluationDecision>('continue');
  const [reasons, setReasons] = useState('');
  const [note, setNote] = useState('');
  const [isChecked, setChecked] = useState(false);
  const missing = (value: string) => (isChecked && value.trim() === '' ? t('form.requiredField') : null);
  return (
    <SectionForm
      id="evaluation-form"
      title={t('evaluation.formTitle')}
      onSubmit={() => {
        setChecked(true);
        if (!measured.trim() || !results.trim() || !reasons.trim()) return;
        mutation.mutate({ to, note, evaluation: { measured, results, decision, reasons } });
      }}
    >
      <p className="small">{t('evaluation.help', { project: project.title })}</p>
      <TextAreaField id="evaluation-measured" label={t('evaluation.measured')} value={measured} onChange={(event) => setMeasured(event.target.value)} rows={2} isRequired error={missing(measured)} />
      <TextAreaField id="evaluation-results" label={t('evaluation.results')} value={results} onChange={(event) => setResults(event.target.value)} rows={3} isRequired error={missing(results)} />
      <SelectField id="evaluation-decision" label={t('evaluation.decision')} value={decision} onChange={(event) => setDecision(event.target.value as EvaluationDecision)}>
        {EVALUATION_DECISIONS.map((code) => (
          <option key={code} value={code}>
            {labels.decision(code)}
          </option>
        ))}
      </SelectField>
      <TextAreaField id="evaluation-reasons" label={t('evaluation.reasons')} value={reasons} onChange={(event) => setReasons(event.target.value)} rows={2} isRequired error={missing(reasons)} />
      <TextAreaField id="evaluation-note" label={t('status.noteOptional')} value={note} onChange={(event) => setNote(event.target.value)} rows={1} />
      {mutation.isError && <ApiErrorAlert error={mutation.error} />}
      <Button type="submit" color="primary" disabled={mutation.isPending}>
        {t('evaluation.submit')}
      </Button>
    </SectionForm>
  );
}

/** The outcome of an evaluation; "scaled up" also says where (municipalities, districts) and which project replicates it. */
function OutcomeForm({ project, to, needsScaleUp, mutation }: { project: TProject; to: ProjectStatus; needsScaleUp: boolean; mutation: TransitionMutation }) {
  const { t } = useTranslation('projects');
  const labels = useProjectLabels();
  const districts = useQuery({ ...districtsQuery, enabled: needsScaleUp });
  const projects = useQuery({ ...projectsQuery({}), enabled: needsScaleUp });
  const [districtIds, setDistrictIds] = useState<string[]>([]);
  const [municipalities, setMunicipalities] = useState<PickedMunicipality[]>([]);
  const [pickerKey, setPickerKey] = useState(0);
  // Enter in the picker chooses its best suggestion and then sends the form: here it only adds the municipality.
  const justPicked = useRef(false);
  const [replicaProjectId, setReplicaProjectId] = useState('');
  const [note, setNote] = useState('');
  const [isChecked, setChecked] = useState(false);
  const others = (districts.data ?? []).filter((district) => !project.districts.some((own) => own.id === district.id));
  const replicas = (projects.data?.items ?? []).filter((candidate) => candidate.id !== project.id).sort((a, b) => a.title.localeCompare(b.title, labels.language));
  const problem = needsScaleUp ? scaleUpProblem({ municipalityCodes: municipalities.map((m) => m.istatCode), districtIds }) : null;
  return (
    <SectionForm
      id="outcome-form"
      title={labels.moveTo(to)}
      onSubmit={() => {
        if (justPicked.current) return;
        setChecked(true);
        if (problem) return;
        const scaleUp = { districtIds, municipalityCodes: municipalities.map((m) => m.istatCode), ...(replicaProjectId ? { replicaProjectId } : {}) };
        mutation.mutate({ to, note, ...(needsScaleUp ? { scaleUp } : {}) });
      }}
    >
      {needsScaleUp && (
        <fieldset className="mb-3">
          <legend className="h6">{t('scaleUp.legend')}</legend>
          <p className="small">{t('scaleUp.help')}</p>
          <MunicipalityPicker
            key={pickerKey}
            id="scale-up-municipality"
            label={t('scaleUp.addMunicipality')}
            help={t('scaleUp.addMunicipalityHelp')}
            value={null}
            onChange={(picked) => {
              if (!picked) return;
              justPicked.current = true;
              queueMicrotask(() => {
                justPicked.current = false;
              });
              setMunicipalities((current) => (current.some((m) => m.istatCode === picked.istatCode) ? current : [...current, picked]));
              setPickerKey((key) => key + 1);
            }}
          />
          {municipalities.length > 0 && (
            <ul className="list-unstyled d-flex flex-wrap gap-2" aria-label={t('scaleUp.chosenMunicipalities')}>
              {municipalities.map((municipality) => (
                <li key={municipality.istatCode}>
                  <span className="me-1">{municipality.name}</span>
                  <Button size="xs" color="secondary" outline onClick={() => setMunicipalities((current) => current.filter((m) => m.istatCode !== municipality.istatCode))}>
                    {t('scaleUp.removeMunicipality', { name: municipality.name })}
                  </Button>
                </li>
              ))}
            </ul>
          )}
          <p className="mb-1 mt-3">{t('scaleUp.districts')}</p>
          {others.length === 0 && !districts.isPending && <p className="small">{t('scaleUp.noOtherDistricts')}</p>}
          {others.map((district) => (
            <div className="form-check" key={district.id}>
              <input
                id={`scale-up-${district.id}`}
                type="checkbox"
                className="form-check-input"
                checked={districtIds.includes(district.id)}
                onChange={(event) => setDistrictIds((current) => (event.target.checked ? [...current, district.id] : current.filter((id) => id !== district.id)))}
              />
              <label htmlFor={`scale-up-${district.id}`} className="form-check-label">
                {district.name}
              </label>
            </div>
          ))}
          {isChecked && problem && <div className="invalid-feedback d-block">{t('scaleUp.required')}</div>}
          <SelectField id="scale-up-replica" label={t('scaleUp.replicaField')} value={replicaProjectId} onChange={(event) => setReplicaProjectId(event.target.value)} className="mt-3" help={t('scaleUp.replicaHelp')}>
            <option value="">{t('scaleUp.noReplica')}</option>
            {replicas.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.title}
              </option>
            ))}
          </SelectField>
        </fieldset>
      )}
      <TextAreaField id="outcome-note" label={t('status.noteOptional')} value={note} onChange={(event) => setNote(event.target.value)} rows={2} />
      {mutation.isError && <ApiErrorAlert error={mutation.error} />}
      <Button type="submit" color="primary" disabled={mutation.isPending}>
        {labels.moveTo(to)}
      </Button>
    </SectionForm>
  );
}
