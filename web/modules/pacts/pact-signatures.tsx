import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'design-react-kit';
import type { TPactDetail, TPactSignature, TPactVersion } from '../../../common/contracts/pacts';
import { DataTable } from '../../ui/data-table';
import { SelectField, TextAreaField } from '../../ui/form-field';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { useSensitiveAction } from '../accounts';
import { ConfirmDialog, PactDialog } from './pact-dialog';
import { articleCount, organizationsToAcknowledge, organizationsToSign, signableVersion, signaturesInOrder } from './pact-rules';
import { acknowledgeAmendment, decideAdhesion, signPactVersion } from './pacts.queries';
import { usePactLabels } from './use-pact-labels';
import { usePactMutation } from './use-pact-mutation';

/**
 * Who signed which version, for which organization and when, with the signed-text check; the "sign" button for a
 * current legal representative; pending adhesions and the district's decision on them; the acknowledgements an
 * amendment asks of the previous version's signatories.
 */
export function PactSignaturesSection({ pact }: { pact: TPactDetail }) {
  const { t } = useTranslation('pacts');
  const labels = usePactLabels();
  const [isSigning, setSigning] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const version = signableVersion(pact);
  const toSign = organizationsToSign(pact, version);
  const opened = pact.versions.filter((entry) => entry.status !== 'draft');
  return (
    <section aria-labelledby="pact-signatures-heading" className="border-top pt-3 mt-4">
      <div className="d-flex flex-wrap justify-content-between align-items-baseline gap-2">
        <h2 id="pact-signatures-heading" className="h4">
          {t('sign.title')}
        </h2>
        {version && toSign.length > 0 && (
          <Button color="primary" onClick={() => { setDone(null); setSigning(true); }}>
            {t('sign.button')}
          </Button>
        )}
      </div>
      <div role="status">{done && <div className="alert alert-success">{done}</div>}</div>
      {version && isSigning && (
        <SignDialog
          pact={pact}
          version={version}
          organizations={toSign}
          onClose={() => setSigning(false)}
          onSigned={() => {
            setSigning(false);
            setDone(t('sign.done'));
          }}
        />
      )}
      {opened.length === 0 && <p>{t('page.noVersion')}</p>}
      {opened.map((entry) => (
        <div key={entry.id} className="mb-4">
          <h3 className="h5">{t('sign.versionHeading', { number: entry.number, status: labels.status(entry.status) })}</h3>
          <SignaturesTable version={entry} />
          {pact.canManage && <PendingAdhesions pact={pact} version={entry} />}
          {entry.number > 1 && entry.acknowledgements.length > 0 && <Acknowledgements pact={pact} version={entry} />}
        </div>
      ))}
    </section>
  );
}

function SignaturesTable({ version }: { version: TPactVersion }) {
  const { t } = useTranslation('pacts');
  const labels = usePactLabels();
  return (
    <DataTable
      caption={t('sign.caption', { number: version.number })}
      isCaptionHidden
      columns={[
        { key: 'organization', header: t('sign.organizationColumn'), isRowHeader: true, cell: (signature: TPactSignature) => signature.organizationName },
        { key: 'kind', header: t('sign.kind'), cell: (signature) => labels.signatureKind(signature.kind) },
        { key: 'signer', header: t('sign.signer'), cell: (signature) => signature.signerName },
        { key: 'signedAt', header: t('sign.signedAt'), cell: (signature) => labels.instantDay(signature.signedAt) },
        { key: 'version', header: t('sign.version'), isNumeric: true, cell: (signature) => labels.number(signature.versionNumber) },
        {
          key: 'status',
          header: t('sign.status'),
          cell: (signature) => (
            <>
              {labels.signatureStatus(signature.status)}
              {signature.decidedAt && <span className="d-block small">{t('adhesions.decidedOn', { day: labels.instantDay(signature.decidedAt) })}</span>}
              {signature.decisionNote && <span className="d-block small prewrap">{signature.decisionNote}</span>}
            </>
          ),
        },
        {
          key: 'text',
          header: t('sign.textCheck'),
          cell: (signature) =>
            signature.textUnchanged ? (
              t('sign.textUnchanged')
            ) : (
              <strong className="text-danger">
                <span aria-hidden="true">⚠ </span>
                {t('sign.textChanged')}
              </strong>
            ),
        },
      ]}
      rows={signaturesInOrder(version)}
      rowKey={(signature) => signature.id}
      emptyText={t('sign.none')}
    />
  );
}

/** The summary of the exact text, the organization, and the password (asked again by the platform when needed). */
function SignDialog({ pact, version, organizations, onClose, onSigned }: { pact: TPactDetail; version: TPactVersion; organizations: TPactDetail['representedOrganizations']; onClose: () => void; onSigned: () => void }) {
  const { t } = useTranslation('pacts');
  const labels = usePactLabels();
  const sensitive = useSensitiveAction();
  const [organizationId, setOrganizationId] = useState(organizations[0]?.organizationId ?? '');
  const sign = usePactMutation(pact.id, (chosen: string) => sensitive.run(() => signPactVersion(version.id, { organizationId: chosen })), onSigned);
  const articles = articleCount(version.body);
  const isAdhesion = version.status === 'in_force' && pact.adhesionNeedsApproval;
  return (
    <PactDialog id="pact-sign-dialog" title={t('sign.dialogTitle', { number: version.number })} onClose={onClose}>
      <p>
        {t('sign.summary', {
          number: version.number,
          title: pact.title,
          status: labels.status(version.status).toLowerCase(),
          start: labels.day(version.startsOn),
          articles: articles > 0 ? t('sign.articles', { count: articles, formatted: labels.number(articles) }) : t('sign.articlesNone'),
        })}
      </p>
      <p className="small">
        {t('sign.fingerprint', { hash: version.textSha256 })}
        <br />
        {t('sign.fingerprintHelp')}
      </p>
      <details className="mb-3">
        <summary>{t('page.text', { number: version.number })}</summary>
        <pre className="pact-diff-text small border rounded p-2" tabIndex={0}>{version.body}</pre>
      </details>
      {isAdhesion && <p className="alert alert-info">{t('sign.adhesionNote')}</p>}
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (organizationId) sign.mutate(organizationId);
        }}
      >
        {organizations.length > 1 ? (
          <SelectField id="pact-sign-organization" label={t('sign.organization')} isRequired value={organizationId} onChange={(event) => setOrganizationId(event.target.value)}>
            {organizations.map((organization) => (
              <option key={organization.organizationId} value={organization.organizationId}>
                {organization.organizationName}
              </option>
            ))}
          </SelectField>
        ) : (
          <p>
            {t('sign.organization')}: <strong>{organizations[0]?.organizationName}</strong>
          </p>
        )}
        <p className="small">{t('sign.password')}</p>
        {sign.isError && <ApiErrorAlert error={sign.error} />}
        {!sensitive.prompt && (
          <div className="d-flex flex-wrap gap-2">
            <Button type="submit" color="primary" disabled={sign.isPending}>
              {t('sign.confirm')}
            </Button>
            <Button type="button" color="secondary" outline onClick={onClose}>
              {t('sign.cancel')}
            </Button>
          </div>
        )}
      </form>
      {sensitive.prompt}
    </PactDialog>
  );
}

/** The district's decision on each pending adhesion of a version, with a note (what its steering group decided). */
function PendingAdhesions({ pact, version }: { pact: TPactDetail; version: TPactVersion }) {
  const { t } = useTranslation('pacts');
  const labels = usePactLabels();
  const pending = version.signatures.filter((signature) => signature.status === 'pending');
  if (pending.length === 0) return null;
  return (
    <div className="mb-3">
      <p>
        <strong>{t('adhesions.pendingCount', { count: pending.length, formatted: labels.number(pending.length) })}</strong>
      </p>
      {pending.map((signature) => (
        <AdhesionDecision key={signature.id} pact={pact} signature={signature} />
      ))}
    </div>
  );
}

function AdhesionDecision({ pact, signature }: { pact: TPactDetail; signature: TPactSignature }) {
  const { t } = useTranslation('pacts');
  const [note, setNote] = useState('');
  const decide = usePactMutation(pact.id, (decision: 'approve' | 'reject') => decideAdhesion(signature.id, { version: signature.version, decision, note: note.trim() }));
  const id = `adhesion-${signature.id}`;
  return (
    <form aria-labelledby={`${id}-heading`} className="border rounded p-3 mb-2" noValidate onSubmit={(event) => event.preventDefault()}>
      <h4 id={`${id}-heading`} className="h6">
        {t('adhesions.decideFor', { organization: signature.organizationName })}
      </h4>
      <TextAreaField id={`${id}-note`} label={t('adhesions.note')} rows={2} maxLength={2000} value={note} onChange={(event) => setNote(event.target.value)} />
      {decide.isError && <ApiErrorAlert error={decide.error} />}
      <div className="d-flex flex-wrap gap-2">
        <Button color="primary" disabled={decide.isPending} onClick={() => decide.mutate('approve')}>
          {t('adhesions.approve')}
        </Button>
        <Button color="danger" outline disabled={decide.isPending} onClick={() => decide.mutate('reject')}>
          {t('adhesions.reject')}
        </Button>
      </div>
    </form>
  );
}

/** Who has and who has not acknowledged an amendment, and the button for the caller's organizations still asked to. */
function Acknowledgements({ pact, version }: { pact: TPactDetail; version: TPactVersion }) {
  const { t } = useTranslation('pacts');
  const labels = usePactLabels();
  const sensitive = useSensitiveAction();
  const [asking, setAsking] = useState<TPactDetail['representedOrganizations'][number] | null>(null);
  const acknowledge = usePactMutation(pact.id, (organizationId: string) => sensitive.run(() => acknowledgeAmendment(version.id, { organizationId })), () => setAsking(null));
  const mine = organizationsToAcknowledge(pact, version);
  const doneCount = version.acknowledgements.filter((entry) => entry.hasAcknowledged).length;
  return (
    <div className="mb-3">
      <h4 className="h6">{t('acknowledge.title', { number: version.number })}</h4>
      <p>
        {t('acknowledge.lead')} {t('acknowledge.summary', { count: version.acknowledgements.length, formatted: labels.number(version.acknowledgements.length), done: labels.number(doneCount) })}
      </p>
      <DataTable
        caption={t('acknowledge.caption', { number: version.number })}
        isCaptionHidden
        columns={[
          { key: 'organization', header: t('acknowledge.organization'), isRowHeader: true, cell: (entry: TPactVersion['acknowledgements'][number]) => entry.organizationName },
          { key: 'state', header: t('acknowledge.state'), cell: (entry) => (entry.hasAcknowledged ? t('acknowledge.done') : t('acknowledge.notDone')) },
        ]}
        rows={version.acknowledgements}
        rowKey={(entry) => entry.organizationId}
      />
      {mine.length > 0 && (
        <div className="d-flex flex-wrap gap-2">
          {mine.map((organization) => (
            <Button key={organization.organizationId} color="primary" onClick={() => setAsking(organization)}>
              {t('acknowledge.button', { organization: organization.organizationName })}
            </Button>
          ))}
        </div>
      )}
      {asking && (
        <ConfirmDialog
          id="pact-acknowledge-dialog"
          title={t('acknowledge.title', { number: version.number })}
          question={t('acknowledge.confirm', { number: version.number, organization: asking.organizationName })}
          confirmLabel={t('acknowledge.button', { organization: asking.organizationName })}
          cancelLabel={t('versions.cancel')}
          isBusy={acknowledge.isPending}
          error={
            <>
              {acknowledge.isError && <ApiErrorAlert error={acknowledge.error} />}
              {sensitive.prompt}
            </>
          }
          onConfirm={() => acknowledge.mutate(asking.organizationId)}
          onClose={() => { setAsking(null); acknowledge.reset(); }}
        />
      )}
    </div>
  );
}
