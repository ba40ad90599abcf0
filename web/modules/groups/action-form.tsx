import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TDecision, TGroupMember } from '../../../common/contracts/groups';
import { SelectField, TextAreaField, TextField } from '../../ui/form-field';
import { useFieldProblems } from './field-problems';
import { addAction } from './groups.queries';
import { useGroupWrite, WriteOutcome } from './use-group-write';

/** A new action of the meeting: what, who (a current member, for the organization they represent), by when, from which decision. */
export function ActionForm({ meetingId, members, decisions }: { meetingId: string; members: readonly TGroupMember[]; decisions: readonly TDecision[] }) {
  const { t } = useTranslation('groups');
  const owners = members.filter((member) => member.isCurrent);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [ownerMemberId, setOwnerMemberId] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [decisionId, setDecisionId] = useState('');
  const { run, error, notice, isBusy } = useGroupWrite();
  const problem = useFieldProblems(error);
  const owner = owners.find((member) => member.id === ownerMemberId);
  return (
    <form
      noValidate
      aria-label={t('actions.addTitle')}
      className="mt-3"
      onSubmit={(event) => {
        event.preventDefault();
        void run(async () => {
          const action = await addAction(meetingId, {
            title,
            description,
            ownerUserId: owner?.userId ?? '',
            ownerOrganizationId: owner?.organizationId ?? '',
            dueOn,
            decisionId: decisionId || null,
          });
          setTitle('');
          setDescription('');
          setOwnerMemberId('');
          setDueOn('');
          setDecisionId('');
          return t('actions.added', { title: action.title, person: action.ownerName });
        });
      }}
    >
      <h3 className="h6">{t('actions.addTitle')}</h3>
      <TextField id="action-title" label={t('actions.title')} isRequired value={title} onChange={(event) => setTitle(event.target.value)} error={problem('title')} maxLength={300} />
      <TextAreaField id="action-description" label={t('actions.description')} rows={2} value={description} onChange={(event) => setDescription(event.target.value)} error={problem('description')} maxLength={5000} />
      <div className="row">
        <SelectField className="col-md-6" id="action-owner" label={t('actions.ownerLabel')} isRequired value={ownerMemberId} onChange={(event) => setOwnerMemberId(event.target.value)} error={problem('ownerUserId') ?? problem('ownerOrganizationId')}>
          <option value="">{t('actions.chooseOwner')}</option>
          {owners.map((member) => (
            <option key={member.id} value={member.id}>
              {t('actions.ownerOption', { person: member.personName, organization: member.organizationName })}
            </option>
          ))}
        </SelectField>
        <TextField className="col-md-6" id="action-due" type="date" label={t('actions.dueLabel')} isRequired value={dueOn} onChange={(event) => setDueOn(event.target.value)} error={problem('dueOn')} />
      </div>
      {decisions.length > 0 && (
        <SelectField id="action-decision" label={t('actions.decision')} value={decisionId} onChange={(event) => setDecisionId(event.target.value)} error={problem('decisionId')}>
          <option value="">{t('actions.noDecision')}</option>
          {decisions.map((decision) => (
            <option key={decision.id} value={decision.id}>
              {t('decisions.heading', { reference: decision.reference, title: decision.title })}
            </option>
          ))}
        </SelectField>
      )}
      <button type="submit" className="btn btn-outline-primary" disabled={isBusy}>
        {t('actions.add')}
      </button>
      <WriteOutcome notice={notice} error={error} />
    </form>
  );
}
