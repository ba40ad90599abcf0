import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge, Button } from 'design-react-kit';
import type { TMilestone, TProject } from '../../../common/contracts/projects';
import { MILESTONE_KINDS, MILESTONE_STATUSES, type MilestoneStatus } from '../../../common/domain/projects';
import { SelectField, TextField } from '../../ui/form-field';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { PrintableSection, SectionForm } from '../../ui/printable-section';
import { addMilestone, updateMilestone } from './projects.queries';
import { useProjectMutation } from './use-project-mutation';
import { useProjectLabels } from './use-project-labels';

type MilestoneKind = (typeof MILESTONE_KINDS)[number];

/** Milestones and deliverables on a timeline by due date, late ones marked; the lead and coordinators add and update them. */
export function ProjectMilestonesSection({ project }: { project: TProject }) {
  const { t } = useTranslation('projects');
  const labels = useProjectLabels();
  const milestones = [...project.milestones].sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.title.localeCompare(b.title));
  return (
    <PrintableSection id="project-milestones" title={t('milestones.title')}>
      {milestones.length === 0 ? (
        <p>{t('milestones.empty')}</p>
      ) : (
        <ol className="app-timeline" aria-label={t('milestones.timeline')}>
          {milestones.map((milestone) => (
            <li key={milestone.id} className={`app-timeline__item app-timeline__item--${milestone.status === 'done' ? 'done' : milestone.isLate ? 'late' : 'open'}`}>
              <p className="mb-1">
                <strong>{labels.day(milestone.dueOn)}</strong> · {labels.milestoneKind(milestone.kind)}: {milestone.title}
              </p>
              <p className="mb-1 small">
                <Badge color={milestone.status === 'done' ? 'success' : milestone.isLate ? 'danger' : 'primary'}>{labels.milestoneStatus(milestone.status)}</Badge>
                {milestone.isLate && <> {t('milestones.late')}</>}
                {milestone.doneOn && <> · {t('milestones.doneOn', { day: labels.day(milestone.doneOn) })}</>}
              </p>
              {project.access.canEdit && <MilestoneStatusForm project={project} milestone={milestone} />}
            </li>
          ))}
        </ol>
      )}
      {project.access.canEdit && <MilestoneForm project={project} />}
    </PrintableSection>
  );
}

function MilestoneStatusForm({ project, milestone }: { project: TProject; milestone: TMilestone }) {
  const { t } = useTranslation('projects');
  const labels = useProjectLabels();
  const update = useProjectMutation(project.id, (status: MilestoneStatus) => updateMilestone(project.id, milestone.id, { status }));
  return (
    <div className="app-no-print">
      <SelectField
        id={`milestone-status-${milestone.id}`}
        label={t('milestones.statusOf', { title: milestone.title })}
        value={milestone.status}
        disabled={update.isPending}
        onChange={(event) => update.mutate(event.target.value as MilestoneStatus)}
        className="mb-1"
      >
        {MILESTONE_STATUSES.map((code) => (
          <option key={code} value={code}>
            {labels.milestoneStatus(code)}
          </option>
        ))}
      </SelectField>
      {update.isError && <ApiErrorAlert error={update.error} />}
    </div>
  );
}

function MilestoneForm({ project }: { project: TProject }) {
  const { t } = useTranslation('projects');
  const labels = useProjectLabels();
  const [kind, setKind] = useState<MilestoneKind>('milestone');
  const [title, setTitle] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [isChecked, setChecked] = useState(false);
  const add = useProjectMutation(project.id, (input: Parameters<typeof addMilestone>[1]) => addMilestone(project.id, input), () => {
    setTitle('');
    setDueOn('');
    setChecked(false);
  });
  return (
    <SectionForm
      id="milestone-form"
      title={t('milestones.addTitle')}
      onSubmit={() => {
        setChecked(true);
        if (!title.trim() || !dueOn) return;
        add.mutate({ kind, title, dueOn, status: 'planned' });
      }}
    >
      <div className="row g-2">
        <SelectField id="milestone-kind" label={t('milestones.kind')} value={kind} onChange={(event) => setKind(event.target.value as MilestoneKind)} className="col-md-3">
          {MILESTONE_KINDS.map((code) => (
            <option key={code} value={code}>
              {labels.milestoneKind(code)}
            </option>
          ))}
        </SelectField>
        <TextField id="milestone-title" label={t('milestones.titleField')} value={title} onChange={(event) => setTitle(event.target.value)} className="col-md-6" isRequired error={isChecked && !title.trim() ? t('form.requiredField') : null} />
        <TextField id="milestone-due" type="date" label={t('milestones.dueOn')} value={dueOn} onChange={(event) => setDueOn(event.target.value)} className="col-md-3" isRequired error={isChecked && !dueOn ? t('form.requiredField') : null} />
      </div>
      {add.isError && <ApiErrorAlert error={add.error} />}
      <Button type="submit" color="primary" disabled={add.isPending}>
        {t('milestones.add')}
      </Button>
    </SectionForm>
  );
}
