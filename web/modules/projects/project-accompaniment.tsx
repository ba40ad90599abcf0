import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'design-react-kit';
import type { TProject, TTimelineItem } from '../../../common/contracts/projects';
import { READINESS_CRITERIA, READINESS_SCORE_MAX, READINESS_SCORE_MIN, type ReadinessCriterion } from '../../../common/domain/projects';
import { SelectField, TextAreaField, TextField } from '../../ui/form-field';
import { MarkdownView } from '../../ui/markdown-view';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { PrintableSection, SectionForm } from '../../ui/printable-section';
import { addAssessment, addSession, setMentor } from './projects.queries';
import { useProjectMutation } from './use-project-mutation';
import { useProjectLabels } from './use-project-labels';

/** Accompaniment: the mentor, and sessions and readiness assessments on a timeline, newest first. */
export function ProjectAccompanimentSection({ project }: { project: TProject }) {
  const { t } = useTranslation('projects');
  const labels = useProjectLabels();
  if (project.timeline === null && project.mentor === null && !project.access.canEdit) return null;
  const items = [...(project.timeline ?? [])].sort((a, b) => b.on.localeCompare(a.on));
  return (
    <PrintableSection id="project-accompaniment" title={t('accompaniment.title')}>
      <p>{project.mentor ? t('accompaniment.mentor', { name: project.mentor.name, day: labels.day(project.mentor.assignedOn) }) : t('accompaniment.noMentor')}</p>
      {project.timeline !== null &&
        (items.length === 0 ? (
          <p>{t('accompaniment.empty')}</p>
        ) : (
          <ol className="app-timeline" aria-label={t('accompaniment.timeline')}>
            {items.map((item) => (
              <li key={`${item.type}-${item.id}`} className="app-timeline__item app-timeline__item--open">
                <TimelineEntry item={item} />
              </li>
            ))}
          </ol>
        ))}
      {project.access.canEdit && (
        <div className="row g-3">
          <div className="col-lg-4">
            <MentorForm project={project} />
          </div>
          <div className="col-lg-4">
            <SessionForm project={project} />
          </div>
          <div className="col-lg-4">
            <AssessmentForm project={project} />
          </div>
        </div>
      )}
    </PrintableSection>
  );
}

function TimelineEntry({ item }: { item: TTimelineItem }) {
  const { t } = useTranslation('projects');
  const labels = useProjectLabels();
  switch (item.type) {
    case 'mentor':
      return <p className="mb-1"><strong>{labels.day(item.on)}</strong> · {t('accompaniment.mentorAssigned', { name: item.name })}</p>;
    case 'session':
      return (
        <>
          <p className="mb-1"><strong>{labels.day(item.on)}</strong> · {t('accompaniment.session', { topic: item.topic })}</p>
          {item.notes && <MarkdownView markdown={item.notes} headingOffset={3} />}
        </>
      );
    case 'assessment':
      return (
        <>
          <p className="mb-1">
            <strong>{labels.day(item.on)}</strong> · {t('accompaniment.assessment', { criterion: labels.criterion(item.criterion), score: item.score, max: READINESS_SCORE_MAX })}
          </p>
          <p className="small prewrap mb-1">{item.evidence}</p>
        </>
      );
  }
}

const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Rome' });

function MentorForm({ project }: { project: TProject }) {
  const { t } = useTranslation('projects');
  const [name, setName] = useState('');
  const [isChecked, setChecked] = useState(false);
  const save = useProjectMutation(project.id, (input: Parameters<typeof setMentor>[1]) => setMentor(project.id, input), () => setName(''));
  return (
    <SectionForm id="mentor-form" title={t('accompaniment.mentorTitle')} onSubmit={() => { setChecked(true); if (name.trim().length >= 2) save.mutate({ kind: 'person', name }); }}>
      <TextField id="mentor-name" label={t('accompaniment.mentorName')} value={name} onChange={(event) => setName(event.target.value)} isRequired error={isChecked && name.trim().length < 2 ? t('form.requiredField') : null} />
      {save.isError && <ApiErrorAlert error={save.error} />}
      <Button type="submit" color="primary" disabled={save.isPending}>{t('accompaniment.mentorSave')}</Button>
    </SectionForm>
  );
}

function SessionForm({ project }: { project: TProject }) {
  const { t } = useTranslation('projects');
  const [heldOn, setHeldOn] = useState(today());
  const [topic, setTopic] = useState('');
  const [notes, setNotes] = useState('');
  const [isChecked, setChecked] = useState(false);
  const add = useProjectMutation(project.id, (input: Parameters<typeof addSession>[1]) => addSession(project.id, input), () => { setTopic(''); setNotes(''); setChecked(false); });
  return (
    <SectionForm id="session-form" title={t('accompaniment.sessionTitle')} onSubmit={() => { setChecked(true); if (topic.trim() && heldOn) add.mutate({ heldOn, topic, notes }); }}>
      <TextField id="session-day" type="date" label={t('accompaniment.sessionDay')} value={heldOn} onChange={(event) => setHeldOn(event.target.value)} isRequired />
      <TextField id="session-topic" label={t('accompaniment.sessionTopic')} value={topic} onChange={(event) => setTopic(event.target.value)} isRequired error={isChecked && !topic.trim() ? t('form.requiredField') : null} />
      <TextAreaField id="session-notes" label={t('accompaniment.sessionNotes')} value={notes} onChange={(event) => setNotes(event.target.value)} rows={3} />
      {add.isError && <ApiErrorAlert error={add.error} />}
      <Button type="submit" color="primary" disabled={add.isPending}>{t('accompaniment.sessionAdd')}</Button>
    </SectionForm>
  );
}

function AssessmentForm({ project }: { project: TProject }) {
  const { t } = useTranslation('projects');
  const labels = useProjectLabels();
  const [criterion, setCriterion] = useState<ReadinessCriterion>('sustainability');
  const [score, setScore] = useState(String(READINESS_SCORE_MIN));
  const [evidence, setEvidence] = useState('');
  const [isChecked, setChecked] = useState(false);
  const add = useProjectMutation(project.id, (input: Parameters<typeof addAssessment>[1]) => addAssessment(project.id, input), () => { setEvidence(''); setChecked(false); });
  return (
    <SectionForm id="assessment-form" title={t('accompaniment.assessmentTitle')} onSubmit={() => { setChecked(true); if (evidence.trim()) add.mutate({ assessedOn: today(), criterion, score: Number(score), evidence }); }}>
      <SelectField id="assessment-criterion" label={t('accompaniment.criterion')} value={criterion} onChange={(event) => setCriterion(event.target.value as ReadinessCriterion)}>
        {READINESS_CRITERIA.map((code) => <option key={code} value={code}>{labels.criterion(code)}</option>)}
      </SelectField>
      <SelectField id="assessment-score" label={t('accompaniment.score', { max: READINESS_SCORE_MAX })} value={score} onChange={(event) => setScore(event.target.value)}>
        {Array.from({ length: READINESS_SCORE_MAX - READINESS_SCORE_MIN + 1 }, (_, index) => READINESS_SCORE_MIN + index).map((value) => <option key={value} value={value}>{value}</option>)}
      </SelectField>
      <TextAreaField id="assessment-evidence" label={t('accompaniment.evidence')} value={evidence} onChange={(event) => setEvidence(event.target.value)} rows={3} isRequired error={isChecked && !evidence.trim() ? t('form.requiredField') : null} />
      {add.isError && <ApiErrorAlert error={add.error} />}
      <Button type="submit" color="primary" disabled={add.isPending}>{t('accompaniment.assessmentAdd')}</Button>
    </SectionForm>
  );
}
