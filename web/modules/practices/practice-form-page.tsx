import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Button } from 'design-react-kit';
import type { TPractice, TPracticeUpdate } from '../../../common/contracts/practices';
import { isLessonOutcome, missingLessonFields, PRACTICE_OUTCOMES, PRACTICE_TEXT_MAX, PRACTICE_VISIBILITIES, type PracticeOutcome, type PracticeVisibility } from '../../../common/domain/practices';
import { TARGET_GROUPS, type TargetGroup } from '../../../common/domain/services';
import { fieldsOf, isApiError } from '../../app/api-client';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { isSignedIn } from '../../app/access';
import { RequireAccess } from '../../app/require-access';
import { SelectField, TextAreaField, TextField } from '../../ui/form-field';
import { Loading } from '../../ui/loading';
import { MarkdownEditor } from '../../ui/markdown-editor';
import { Notice } from '../../ui/notice';
import { PageHeader } from '../../ui/page-header';
import { districtQuery } from '../districts';
import { PracticeGroupsField } from './practice-groups';
import { useCategoryLabels } from './practice-labels';
import { practicesPaths } from './practices-paths';
import { createPractice, practiceAuthorChoicesQuery, practiceQuery, updatePractice } from './practices.queries';

interface FormState {
  author: string;
  title: string;
  whatTried: string;
  whatWorked: string;
  whatDidNotWork: string;
  failureCause: string;
  lessonLearned: string;
  resourcesNeeded: string;
  contacts: string;
  territory: string;
  targetGroup: string;
  categoryCode: string;
  outcome: PracticeOutcome;
  visibility: PracticeVisibility;
  tags: string;
  startedOn: string;
  endedOn: string;
  linkedOrganizationIds: string[];
  groupIds: string[];
}

const EMPTY: FormState = {
  author: '', title: '', whatTried: '', whatWorked: '', whatDidNotWork: '', failureCause: '', lessonLearned: '', resourcesNeeded: '',
  contacts: '', territory: '', targetGroup: '', categoryCode: '', outcome: 'success', visibility: 'district', tags: '', startedOn: '', endedOn: '', linkedOrganizationIds: [],
  groupIds: [],
};

const ERROR_KEYS = ['title', 'whatTried', 'failureCause', 'lessonLearned', 'endedOn', 'categoryCode', 'linkedOrganizationIds', 'groupIds'] as const;

function stateOf(practice: TPractice): FormState {
  return {
    author: `${practice.organization.id}|${practice.districtId}`, title: practice.title, whatTried: practice.whatTried, whatWorked: practice.whatWorked,
    whatDidNotWork: practice.whatDidNotWork, failureCause: practice.failureCause, lessonLearned: practice.lessonLearned, resourcesNeeded: practice.resourcesNeeded,
    contacts: practice.contacts, territory: practice.territory, targetGroup: practice.targetGroup ?? '', categoryCode: practice.categoryCode ?? '',
    outcome: practice.outcome, visibility: practice.visibility, tags: practice.tags.join(', '), startedOn: practice.startedOn ?? '', endedOn: practice.endedOn ?? '',
    linkedOrganizationIds: practice.linkedOrganizations.map((o) => o.id),
    groupIds: practice.linkedGroups.map((group) => group.id),
  };
}

/** `/pratiche/nuova`: record a practice for one of the organizations (and districts) the person works for. */
export function PracticeCreatePage() {
  return (
    <RequireAccess allow={isSignedIn}>
      <PracticeForm practice={null} />
    </RequireAccess>
  );
}

/** `/pratiche/:id/modifica`: change a practice (its organization's people, the district's coordinators). */
export function PracticeEditPage() {
  const { id = '' } = useParams();
  return (
    <RequireAccess allow={isSignedIn}>
      <EditLoader id={id} />
    </RequireAccess>
  );
}

function EditLoader({ id }: { id: string }) {
  const practice = useQuery(practiceQuery(id));
  if (practice.isPending) return <Loading />;
  if (practice.isError) return <ApiErrorAlert error={practice.error} />;
  return <PracticeForm practice={practice.data} />;
}

function PracticeForm({ practice }: { practice: TPractice | null }) {
  const { t } = useTranslation('practices');
  const { t: ts } = useTranslation('services');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const categories = useCategoryLabels();
  const choices = useQuery({ ...practiceAuthorChoicesQuery, enabled: practice === null });
  const [form, setForm] = useState<FormState>(() => (practice ? stateOf(practice) : EMPTY));
  const [localErrors, setLocalErrors] = useState<string[]>([]);
  const author = form.author || (choices.data?.[0] ? `${choices.data[0].organizationId}|${choices.data[0].districtId}` : '');
  const [organizationId = '', districtId = ''] = author.split('|');
  const district = useQuery({ ...districtQuery(districtId), enabled: Boolean(districtId) });

  const mutation = useMutation({
    mutationFn: () => {
      const fields: Omit<TPracticeUpdate, 'version'> = {
        title: form.title, whatTried: form.whatTried, whatWorked: form.whatWorked, whatDidNotWork: form.whatDidNotWork, failureCause: form.failureCause,
        lessonLearned: form.lessonLearned, resourcesNeeded: form.resourcesNeeded, contacts: form.contacts, territory: form.territory,
        targetGroup: (form.targetGroup || null) as TargetGroup | null, categoryCode: form.categoryCode || null, outcome: form.outcome, visibility: form.visibility,
        tags: form.tags.split(',').map((tag) => tag.trim()).filter(Boolean), linkedOrganizationIds: form.linkedOrganizationIds.filter((id) => id !== organizationId),
        startedOn: form.startedOn || null, endedOn: form.endedOn || null, groupIds: form.groupIds,
      };
      return practice ? updatePractice(practice.id, { ...fields, version: practice.version }) : createPractice({ ...fields, districtId, organizationId });
    },
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: ['practices'] });
      void navigate(practicesPaths.practice(saved.id));
    },
  });

  if (practice === null && choices.isPending) return <Loading />;
  if (practice === null && choices.isError) return <ApiErrorAlert error={choices.error} />;
  const title = practice ? t('form.editTitle') : t('form.createTitle');
  const header = <PageHeader title={title} breadcrumbs={[{ label: t('list.title'), to: practicesPaths.list }, { label: title }]} lead={t('form.lead')} />;
  if (practice === null && (choices.data ?? []).length === 0) {
    return (
      <>
        {header}
        <Notice color="info" role="note"><p className="mb-0">{t('form.noAuthor')}</p></Notice>
      </>
    );
  }

  const serverFields = isApiError(mutation.error) ? fieldsOf(mutation.error.details).map((field) => field.path.replace(/^body\./, '')) : [];
  const errorPaths = new Set([...localErrors, ...serverFields]);
  const errorOf = (path: (typeof ERROR_KEYS)[number]) => (errorPaths.has(path) ? t(`form.errors.${path}`) : undefined);
  const hasFieldError = [...errorPaths].some((path) => (ERROR_KEYS as readonly string[]).includes(path));
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => setForm((current) => ({ ...current, [key]: value }));
  const onInput = (key: keyof FormState) => (event: { target: { value: string } }) => set(key, event.target.value as never);
  const isLesson = isLessonOutcome(form.outcome);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const missing: string[] = [...missingLessonFields(form)];
    if (form.title.trim().length < 3) missing.unshift('title');
    if (form.whatTried.trim() === '') missing.push('whatTried');
    if (form.startedOn && form.endedOn && form.endedOn < form.startedOn) missing.push('endedOn');
    setLocalErrors(missing);
    if (missing.length > 0) {
      // Focus the first field to fix, so a keyboard or screen-reader user lands on it.
      const first = missing[0]!;
      window.setTimeout(() => document.getElementById(`practice-${first}`)?.focus(), 0);
      return;
    }
    mutation.mutate();
  };

  const members = (district.data?.members ?? []).filter((member) => member.organizationId !== organizationId);
  return (
    <>
      {header}
      <form onSubmit={onSubmit} noValidate aria-describedby={hasFieldError ? 'practice-form-errors' : undefined}>
        {hasFieldError && (
          <div id="practice-form-errors" role="alert" className="alert alert-danger">{t('form.fixErrors')}</div>
        )}
        {practice === null && (
          <SelectField id="practice-author" label={t('form.author')} isRequired value={author} onChange={(event) => set('author', event.target.value)}>
            {(choices.data ?? []).map((choice) => (
              <option key={`${choice.organizationId}|${choice.districtId}`} value={`${choice.organizationId}|${choice.districtId}`}>
                {choice.organizationName} — {choice.districtName}
              </option>
            ))}
          </SelectField>
        )}
        <TextField id="practice-title" label={t('form.title')} isRequired value={form.title} onChange={onInput('title')} error={errorOf('title')} maxLength={200} />
        <MarkdownEditor id="practice-whatTried" label={t('form.whatTried')} isRequired value={form.whatTried} onChange={(value) => set('whatTried', value)} error={errorOf('whatTried')} maxLength={PRACTICE_TEXT_MAX} rows={6} />
        <SelectField id="practice-outcome" label={t('form.outcome')} isRequired value={form.outcome} onChange={(event) => set('outcome', event.target.value as PracticeOutcome)}>
          {PRACTICE_OUTCOMES.map((outcome) => (
            <option key={outcome} value={outcome}>{t(`outcomes.${outcome}`)}</option>
          ))}
        </SelectField>
        <fieldset className="mb-4">
          <legend className="h5">{t('page.lessonTitle')}</legend>
          <p id="practice-lesson-help" className="small">{t('form.lessonHelp')}</p>
          <MarkdownEditor id="practice-failureCause" label={t('form.failureCause')} isRequired={isLesson} value={form.failureCause} onChange={(value) => set('failureCause', value)} error={errorOf('failureCause')} maxLength={PRACTICE_TEXT_MAX} rows={4} />
          <MarkdownEditor id="practice-lessonLearned" label={t('form.lessonLearned')} isRequired={isLesson} value={form.lessonLearned} onChange={(value) => set('lessonLearned', value)} error={errorOf('lessonLearned')} maxLength={PRACTICE_TEXT_MAX} rows={4} />
        </fieldset>
        <MarkdownEditor id="practice-whatWorked" label={t('form.whatWorked')} value={form.whatWorked} onChange={(value) => set('whatWorked', value)} maxLength={PRACTICE_TEXT_MAX} rows={4} />
        <MarkdownEditor id="practice-whatDidNotWork" label={t('form.whatDidNotWork')} value={form.whatDidNotWork} onChange={(value) => set('whatDidNotWork', value)} maxLength={PRACTICE_TEXT_MAX} rows={4} />
        <MarkdownEditor id="practice-resourcesNeeded" label={t('form.resourcesNeeded')} value={form.resourcesNeeded} onChange={(value) => set('resourcesNeeded', value)} maxLength={PRACTICE_TEXT_MAX} rows={3} />
        <TextAreaField id="practice-contacts" label={t('form.contacts')} value={form.contacts} onChange={onInput('contacts')} rows={2} maxLength={2000} />
        <div className="row">
          <div className="col-md-6">
            <TextField id="practice-territory" label={t('form.territory')} value={form.territory} onChange={onInput('territory')} maxLength={500} />
          </div>
          <div className="col-md-6">
            <SelectField id="practice-targetGroup" label={t('form.targetGroup')} value={form.targetGroup} onChange={onInput('targetGroup')}>
              <option value="">{t('form.none')}</option>
              {TARGET_GROUPS.map((group) => (
                <option key={group} value={group}>{ts(`targetGroups.${group}`)}</option>
              ))}
            </SelectField>
          </div>
          <div className="col-md-6">
            <SelectField id="practice-categoryCode" label={t('form.category')} value={form.categoryCode} onChange={onInput('categoryCode')} error={errorOf('categoryCode')}>
              <option value="">{t('form.none')}</option>
              {categories.terms.map((term) => (
                <option key={term.code} value={term.code}>{term.parentId ? `— ${categories.label(term.code)}` : categories.label(term.code)}</option>
              ))}
            </SelectField>
          </div>
          <div className="col-md-6">
            <TextField id="practice-tags" label={t('form.tags')} help={t('form.tagsHelp')} value={form.tags} onChange={onInput('tags')} />
          </div>
          <div className="col-md-6">
            <TextField id="practice-startedOn" type="date" label={t('form.startedOn')} value={form.startedOn} onChange={onInput('startedOn')} />
          </div>
          <div className="col-md-6">
            <TextField id="practice-endedOn" type="date" label={t('form.endedOn')} value={form.endedOn} onChange={onInput('endedOn')} error={errorOf('endedOn')} />
          </div>
        </div>
        {members.length > 0 && (
          <fieldset className="mb-4" aria-describedby={errorOf('linkedOrganizationIds') ? 'practice-linked-error' : undefined}>
            <legend className="h6">{t('form.linkedOrganizations')}</legend>
            {members.map((member) => (
              <div key={member.organizationId} className="form-check">
                <input
                  id={`practice-linked-${member.organizationId}`}
                  type="checkbox"
                  className="form-check-input"
                  checked={form.linkedOrganizationIds.includes(member.organizationId)}
                  onChange={(event) =>
                    set('linkedOrganizationIds', event.target.checked ? [...form.linkedOrganizationIds, member.organizationId] : form.linkedOrganizationIds.filter((id) => id !== member.organizationId))
                  }
                />
                <label className="form-check-label" htmlFor={`practice-linked-${member.organizationId}`}>{member.name}</label>
              </div>
            ))}
            {errorOf('linkedOrganizationIds') && <div id="practice-linked-error" className="invalid-feedback d-block">{errorOf('linkedOrganizationIds')}</div>}
          </fieldset>
        )}
        <PracticeGroupsField districtId={districtId} value={form.groupIds} onChange={(ids) => set('groupIds', ids)} error={errorOf('groupIds')} />
        <fieldset className="mb-4">
          <legend className="h6">{t('form.visibility')}</legend>
          {PRACTICE_VISIBILITIES.map((visibility) => (
            <div key={visibility} className="form-check">
              <input id={`practice-visibility-${visibility}`} type="radio" name="practice-visibility" className="form-check-input" checked={form.visibility === visibility} onChange={() => set('visibility', visibility)} />
              <label className="form-check-label" htmlFor={`practice-visibility-${visibility}`}>{t(`visibilities.${visibility}`)}</label>
            </div>
          ))}
        </fieldset>
        {mutation.isError && !hasFieldError && <ApiErrorAlert error={mutation.error} />}
        <div className="d-flex gap-2">
          <Button color="primary" type="submit" disabled={mutation.isPending}>{practice ? t('form.submitEdit') : t('form.submitCreate')}</Button>
          <Link className="btn btn-outline-secondary" to={practice ? practicesPaths.practice(practice.id) : practicesPaths.list}>{t('form.cancel')}</Link>
        </div>
      </form>
    </>
  );
}
