import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Badge, Button } from 'design-react-kit';
import type { TPactDetail, TPactVersion } from '../../../common/contracts/pacts';
import type { PactVersionStatus } from '../../../common/domain/pacts';
import { PageHeader } from '../../ui/page-header';
import { DataTable } from '../../ui/data-table';
import { MarkdownView } from '../../ui/markdown-view';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { LoadedPact, type Crumbs } from './loaded-pact';
import { ConfirmDialog } from './pact-dialog';
import { PactSettingsFields, PactTextFields, pactSettingsProblems, pactTextProblems, type PactProblem, type PactSettingsValues, type PactTextValues } from './pact-fields';
import { pactPaths } from './pact-paths';
import { canStartAmendment, versionShownFirst } from './pact-rules';
import { PactSignaturesSection } from './pact-signatures';
import { amendPact, changePactVersionStatus, updatePact, updatePactVersion } from './pacts.queries';
import { usePactFieldProblems } from './use-pact-field-problems';
import { usePactLabels } from './use-pact-labels';
import { usePactMutation } from './use-pact-mutation';
import './pacts.css';

/** One pact: its facts, the text of a version, the versions with their moves, the signatures, adhesions and acknowledgements. */
export function PactPage() {
  return <LoadedPact>{(pact, crumbs) => <PactView pact={pact} crumbs={crumbs} />}</LoadedPact>;
}

function PactView({ pact, crumbs }: { pact: TPactDetail; crumbs: Crumbs }) {
  const { t } = useTranslation('pacts');
  const labels = usePactLabels();
  const [shownId, setShownId] = useState<string | null>(null);
  const shown = pact.versions.find((version) => version.id === shownId) ?? versionShownFirst(pact.versions);
  const inForce = pact.versions.find((version) => version.status === 'in_force');
  return (
    <>
      <PageHeader
        title={pact.title}
        breadcrumbs={[...crumbs, { label: pact.title }]}
        aside={inForce ? <Badge color="success">{labels.status('in_force')}</Badge> : pact.versions[0] ? <Badge color="primary">{labels.status(pact.versions[0].status)}</Badge> : undefined}
      />
      {pact.purpose && <p className="lead prewrap">{pact.purpose}</p>}
      {pact.hasChangedSignedText && (
        <div className="alert alert-warning" role="alert">
          {t('page.changedText')}
        </div>
      )}
      <dl className="facts">
        <dt>{t('page.district')}</dt>
        <dd>{pact.districtName}</dd>
        <dt>{t('page.inForce')}</dt>
        <dd>{inForce ? t('page.inForceValue', { number: inForce.number, start: labels.day(inForce.startsOn) }) : t('page.noneInForce')}</dd>
        <dt>{t('page.visibility')}</dt>
        <dd>{pact.isPublic ? t('page.public') : t('page.notPublic')}</dd>
        <dt>{t('page.adhesions')}</dt>
        <dd>{pact.adhesionNeedsApproval ? t('page.adhesionsNeedApproval') : t('page.adhesionsFree')}</dd>
      </dl>
      <nav aria-label={t('page.linksLabel')}>
        <ul className="list-inline">
          <li className="list-inline-item mb-2">
            <Link className="btn btn-outline-primary btn-sm" to={pactPaths.commitments(pact.id)}>{t('page.commitmentsLink')}</Link>
          </li>
          <li className="list-inline-item mb-2">
            <Link className="btn btn-outline-primary btn-sm" to={pactPaths.timeline(pact.id)}>{t('page.timelineLink')}</Link>
          </li>
          <li className="list-inline-item mb-2">
            <Link className="btn btn-outline-primary btn-sm" to={pactPaths.print(pact.id)}>{t('page.printLink')}</Link>
          </li>
          {pact.isPublic && (
            <li className="list-inline-item mb-2">
              <Link className="btn btn-outline-primary btn-sm" to={pactPaths.publicPact(pact.id)}>{t('page.publicLink')}</Link>
            </li>
          )}
          {pact.versions.length > 1 && (
            <li className="list-inline-item mb-2">
              <Link className="btn btn-outline-primary btn-sm" to={pactPaths.diff(pact.id, pact.versions[1]!.number, pact.versions[0]!.number)}>{t('page.diffLink')}</Link>
            </li>
          )}
        </ul>
      </nav>
      {pact.canManage && <EditSettings pact={pact} />}
      <section aria-labelledby="pact-text-heading" className="border-top pt-3 mt-4">
        {shown ? (
          <>
            <h2 id="pact-text-heading" className="h4">
              {t('page.text', { number: shown.number })}
            </h2>
            <p>{shown.endsOn ? t('page.textStatus', { status: labels.status(shown.status), start: labels.day(shown.startsOn), end: labels.day(shown.endsOn) }) : t('page.textStatusOpenEnded', { status: labels.status(shown.status), start: labels.day(shown.startsOn) })}</p>
            <MarkdownView markdown={shown.body} headingOffset={2} className="pact-text" />
          </>
        ) : (
          <>
            <h2 id="pact-text-heading" className="h4">
              {t('versions.title')}
            </h2>
            <p>{t('page.noVersion')}</p>
          </>
        )}
      </section>
      <VersionsSection pact={pact} shownId={shown?.id ?? null} onShow={setShownId} />
      <PactSignaturesSection pact={pact} />
    </>
  );
}

function EditSettings({ pact }: { pact: TPactDetail }) {
  const { t } = useTranslation('pacts');
  const initial: PactSettingsValues = { title: pact.title, purpose: pact.purpose, isPublic: pact.isPublic, adhesionNeedsApproval: pact.adhesionNeedsApproval };
  const [isOpen, setOpen] = useState(false);
  const [values, setValues] = useState(initial);
  const [isChecked, setChecked] = useState(false);
  const update = usePactMutation(pact.id, (input: Parameters<typeof updatePact>[1]) => updatePact(pact.id, input), () => setOpen(false));
  const serverProblem = usePactFieldProblems(update.error);
  const local: Partial<Record<string, PactProblem>> = isChecked ? pactSettingsProblems(values) : {};
  const problem = (field: string) => (local[field] ? t(`form.problems.${local[field]}`) : serverProblem(field));
  if (!isOpen) {
    return (
      <p>
        <Button color="primary" outline size="sm" onClick={() => { setValues(initial); setChecked(false); setOpen(true); }}>
          {t('page.editSettings')}
        </Button>
      </p>
    );
  }
  return (
    <form
      aria-labelledby="pact-settings-heading"
      className="border rounded p-3 my-3"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setChecked(true);
        if (Object.keys(pactSettingsProblems(values)).length > 0) return;
        update.mutate({ version: pact.version, title: values.title.trim(), purpose: values.purpose.trim(), isPublic: values.isPublic, adhesionNeedsApproval: values.adhesionNeedsApproval });
      }}
    >
      <h2 id="pact-settings-heading" className="h5">
        {t('page.editSettingsTitle')}
      </h2>
      <PactSettingsFields idPrefix="pact-settings" values={values} onChange={setValues} problem={problem} />
      {update.isError && <ApiErrorAlert error={update.error} />}
      <div className="d-flex gap-2">
        <Button type="submit" color="primary" disabled={update.isPending}>
          {t('page.save')}
        </Button>
        <Button color="secondary" outline onClick={() => setOpen(false)}>
          {t('page.cancel')}
        </Button>
      </div>
    </form>
  );
}

/** The versions, newest first: status in words since when, validity, valid signatures; managers move them and amend. */
function VersionsSection({ pact, shownId, onShow }: { pact: TPactDetail; shownId: string | null; onShow: (id: string) => void }) {
  const { t } = useTranslation('pacts');
  const labels = usePactLabels();
  const [move, setMove] = useState<{ version: TPactVersion; to: PactVersionStatus } | null>(null);
  const [isAmending, setAmending] = useState(false);
  const transition = usePactMutation(pact.id, (input: { versionId: string; version: number; to: PactVersionStatus }) => changePactVersionStatus(input.versionId, { version: input.version, to: input.to }), () => setMove(null));
  const amend = usePactMutation(pact.id, () => amendPact(pact.id), () => setAmending(false));
  const draft = pact.versions.find((version) => version.status === 'draft');
  return (
    <section aria-labelledby="pact-versions-heading" className="border-top pt-3 mt-4">
      <div className="d-flex flex-wrap justify-content-between align-items-baseline gap-2">
        <h2 id="pact-versions-heading" className="h4">
          {t('versions.title')}
        </h2>
        {pact.canManage && canStartAmendment(pact.versions) && (
          <Button color="primary" outline size="sm" onClick={() => setAmending(true)}>
            {t('versions.amend')}
          </Button>
        )}
      </div>
      <DataTable
        caption={t('versions.caption')}
        isCaptionHidden
        columns={[
          { key: 'number', header: t('versions.number'), isRowHeader: true, cell: (version: TPactVersion) => labels.number(version.number) },
          { key: 'status', header: t('versions.status'), cell: (version) => labels.status(version.status) },
          { key: 'since', header: t('versions.since'), cell: (version) => labels.instantDay(version.statusChangedAt) },
          { key: 'period', header: t('versions.period'), cell: (version) => (version.endsOn ? t('versions.periodValue', { start: labels.day(version.startsOn), end: labels.day(version.endsOn) }) : t('versions.periodOpenEnded', { start: labels.day(version.startsOn) })) },
          { key: 'signatures', header: t('versions.signatures'), isNumeric: true, cell: (version) => labels.number(version.signatures.filter((signature) => signature.status === 'valid').length) },
          {
            key: 'actions',
            header: t('versions.actions'),
            cell: (version) => (
              <div className="d-flex flex-wrap gap-2">
                {version.id !== shownId && (
                  <Button color="primary" outline size="xs" className="btn-sm" onClick={() => onShow(version.id)}>
                    {t('versions.show', { number: version.number })}
                  </Button>
                )}
                {version.nextStatuses.map((to) => (
                  <Button key={to} color="primary" size="xs" className="btn-sm" onClick={() => setMove({ version, to })}>
                    {labels.moveTo(to)}
                  </Button>
                ))}
              </div>
            ),
          },
        ]}
        rows={pact.versions}
        rowKey={(version) => version.id}
        emptyText={t('page.noVersion')}
      />
      {pact.canManage && draft && <EditDraft pact={pact} draft={draft} />}
      {move && (
        <ConfirmDialog
          id="pact-move-dialog"
          title={labels.moveTo(move.to)}
          question={t(`moveConfirm.${move.to}`, { number: move.version.number, defaultValue: t('versions.confirm') })}
          confirmLabel={labels.moveTo(move.to)}
          cancelLabel={t('versions.cancel')}
          isBusy={transition.isPending}
          error={transition.isError ? <ApiErrorAlert error={transition.error} /> : undefined}
          onConfirm={() => transition.mutate({ versionId: move.version.id, version: move.version.version, to: move.to })}
          onClose={() => { setMove(null); transition.reset(); }}
        />
      )}
      {isAmending && (
        <ConfirmDialog
          id="pact-amend-dialog"
          title={t('versions.amend')}
          question={t('versions.amendConfirm')}
          confirmLabel={t('versions.amend')}
          cancelLabel={t('versions.cancel')}
          isBusy={amend.isPending}
          error={amend.isError ? <ApiErrorAlert error={amend.error} /> : undefined}
          onConfirm={() => amend.mutate(undefined)}
          onClose={() => { setAmending(false); amend.reset(); }}
        />
      )}
    </section>
  );
}

/** The draft's text and dates (managers): saved with the version check; an opened text never changes. */
function EditDraft({ pact, draft }: { pact: TPactDetail; draft: TPactVersion }) {
  const { t } = useTranslation('pacts');
  const initial: PactTextValues = { body: draft.body, startsOn: draft.startsOn, endsOn: draft.endsOn ?? '' };
  const [isOpen, setOpen] = useState(false);
  const [values, setValues] = useState(initial);
  const [isChecked, setChecked] = useState(false);
  const update = usePactMutation(pact.id, (input: Parameters<typeof updatePactVersion>[1]) => updatePactVersion(draft.id, input), () => setOpen(false));
  const serverProblem = usePactFieldProblems(update.error);
  const local: Partial<Record<string, PactProblem>> = isChecked ? pactTextProblems(values) : {};
  const problem = (field: string) => (local[field] ? t(`form.problems.${local[field]}`) : serverProblem(field));
  if (!isOpen) {
    return (
      <p>
        <Button color="primary" outline size="sm" onClick={() => { setValues(initial); setChecked(false); setOpen(true); }}>
          {t('versions.editDraft')}
        </Button>
      </p>
    );
  }
  return (
    <form
      aria-labelledby="pact-draft-heading"
      className="border rounded p-3 my-3"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setChecked(true);
        if (Object.keys(pactTextProblems(values)).length > 0) return;
        update.mutate({ version: draft.version, body: values.body, startsOn: values.startsOn, endsOn: values.endsOn || null });
      }}
    >
      <h3 id="pact-draft-heading" className="h5">
        {t('versions.editDraftTitle', { number: draft.number })}
      </h3>
      <PactTextFields idPrefix="pact-draft" values={values} onChange={setValues} problem={problem} />
      {update.isError && <ApiErrorAlert error={update.error} />}
      <div className="d-flex gap-2">
        <Button type="submit" color="primary" disabled={update.isPending}>
          {t('versions.saveDraft')}
        </Button>
        <Button color="secondary" outline onClick={() => setOpen(false)}>
          {t('page.cancel')}
        </Button>
      </div>
    </form>
  );
}
