import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TDecision } from '../../../common/contracts/groups';
import { TextField } from '../../ui/form-field';
import { MarkdownEditor } from '../../ui/markdown-editor';
import { MarkdownView } from '../../ui/markdown-view';
import { useFieldProblems } from './field-problems';
import { addDecision } from './groups.queries';
import { useGroupWrite, WriteOutcome } from './use-group-write';

/** The meeting's decisions, numbered per group and year ("Decisione 2027/3"), and a new one for the secretary. */
export function DecisionsPanel({ meetingId, decisions, canAdd }: { meetingId: string; decisions: readonly TDecision[]; canAdd: boolean }) {
  const { t } = useTranslation('groups');
  return (
    <>
      {decisions.length === 0 ? (
        <p>{t('decisions.none')}</p>
      ) : (
        <ul className="list-unstyled">
          {decisions.map((decision) => (
            <li key={decision.id} className="mb-3">
              <h3 className="h6 mb-1">
                {t('decisions.heading', { reference: decision.reference, title: decision.title })}
                {!decision.isOfficial && <span className="badge bg-secondary ms-2">{t('decisions.notOfficial')}</span>}
              </h3>
              {decision.text.trim() && <MarkdownView markdown={decision.text} headingOffset={4} />}
            </li>
          ))}
        </ul>
      )}
      {canAdd && <DecisionForm meetingId={meetingId} />}
    </>
  );
}

function DecisionForm({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation('groups');
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const { run, error, notice, isBusy } = useGroupWrite();
  const problem = useFieldProblems(error);
  return (
    <form
      noValidate
      aria-label={t('decisions.addTitle')}
      className="mt-3"
      onSubmit={(event) => {
        event.preventDefault();
        void run(async () => {
          const decision = await addDecision(meetingId, { title, text });
          setTitle('');
          setText('');
          return t('decisions.added', { reference: decision.reference });
        });
      }}
    >
      <h3 className="h6">{t('decisions.addTitle')}</h3>
      <TextField id="decision-title" label={t('decisions.title')} isRequired value={title} onChange={(event) => setTitle(event.target.value)} error={problem('title')} maxLength={300} />
      <MarkdownEditor id="decision-text" label={t('decisions.text')} value={text} onChange={setText} rows={4} headingOffset={4} error={problem('text')} maxLength={20_000} />
      <button type="submit" className="btn btn-outline-primary" disabled={isBusy || title.trim().length < 3}>
        {t('decisions.add')}
      </button>
      <WriteOutcome notice={notice} error={error} />
    </form>
  );
}
