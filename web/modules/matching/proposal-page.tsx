import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button } from 'design-react-kit';
import type { TProposal } from '../../../common/contracts/matching';
import { formatMoney, moneyLocaleOf, moneyOfCents } from '../../../common/domain/money';
import { PageHeader } from '../../ui/page-header';
import { Loading } from '../../ui/loading';
import { Notice } from '../../ui/notice';
import { DataTable } from '../../ui/data-table';
import { TextAreaField } from '../../ui/form-field';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { formatDecimal, formatNumber } from '../../app/format';
import { paths } from '../../app/paths';
import { canEditDistrict } from '../../app/access';
import { useSession } from '../../app/session';
import { StartProjectFromProposalLink } from '../projects';
import { matchingPaths } from './matching-paths';
import { taxonomyQuery } from '../services';
import { agreeProposal, proposalQuery, respondToProposal } from './matching.queries';

type Party = TProposal['parties'][number];

/** One shared-service proposal: requesters and ranked providers with their answers; answer for one's organization; agree. */
export function ProposalPage() {
  const { t, i18n } = useTranslation('matching');
  const { t: tCommon } = useTranslation();
  const { id = '' } = useParams();
  const { session } = useSession();
  const proposal = useQuery(proposalQuery(id));
  const taxonomy = useQuery(taxonomyQuery);
  const crumbs = [{ label: tCommon('nav.home'), to: paths.home }, { label: t('title'), to: matchingPaths.gaps }];
  // The taxonomy too, so the category is never shown as its code while its label loads.
  if (proposal.isPending || taxonomy.isPending) return <Loading />;
  if (proposal.isError) {
    return (
      <>
        <PageHeader title={t('proposal.errorTitle')} breadcrumbs={[...crumbs, { label: t('proposal.errorTitle') }]} />
        <ApiErrorAlert error={proposal.error} onRetry={() => void proposal.refetch()} />
      </>
    );
  }
  const p = proposal.data;
  // The category by its label in the reader's language (its code only for a term the taxonomy no longer has).
  const term = taxonomy.data?.find((candidate) => candidate.code === p.categoryCode);
  const categoryLabel = term ? (i18n.language === 'en' ? term.labelEn : term.labelIt) : p.categoryCode;
  return (
    <>
      <PageHeader
        title={p.title}
        breadcrumbs={[...crumbs, { label: p.title }]}
        lead={t('proposal.lead', { zone: p.zoneLabel, category: categoryLabel, people: p.peopleCovered })}
        aside={<Badge color={p.status === 'agreed' ? 'success' : 'primary'}>{t(`proposalStatus.${p.status}`)}</Badge>}
      />
      <p role="status" className="lead">
        {t('proposal.joinedCount', { joined: p.joinedCount, threshold: p.joinThreshold })}
      </p>
      {p.description && <p className="prewrap">{p.description}</p>}
      <PartiesTable proposal={p} />
      {p.parties.filter((party) => party.canRespond).map((party) => (
        <ResponseForm key={`${party.organizationId}-${party.role}`} proposal={p} party={party} />
      ))}
      {p.canAgree && <AgreeForm proposal={p} />}
      {p.agreement && (
        <Notice color="success" role="status">
          <p className="mb-0">{t('proposal.agreed', { count: p.agreement.organizationIds.length })}</p>
        </Notice>
      )}
      {/* The district's coordinators turn a proposal into a co-designed project (the projects module's page). */}
      {canEditDistrict(session, p.districtId) && (
        <p className="mt-4">
          <StartProjectFromProposalLink proposalId={p.id} />
        </p>
      )}
      <p className="mt-4">
        <Link to={matchingPaths.gaps}>{t('proposal.back')}</Link>
      </p>
    </>
  );
}

function PartiesTable({ proposal }: { proposal: TProposal }) {
  const { t, i18n } = useTranslation('matching');
  const number = (value: number) => formatNumber(value, i18n.language);
  const decimal = (value: number) => formatDecimal(value, i18n.language);
  return (
    <DataTable
      caption={t('proposal.partiesCaption')}
      columns={[
        { key: 'name', header: t('proposal.organization'), isRowHeader: true, cell: (party: Party) => party.organizationName },
        { key: 'role', header: t('proposal.role'), cell: (party) => (party.role === 'provider' ? t('proposal.provider', { rank: party.rank ?? 0, service: party.serviceName ?? '' }) : t('proposal.requester')) },
        {
          key: 'score',
          header: t('proposal.score'),
          isNumeric: true,
          cell: (party) =>
            party.score === null ? '—' : (
              <span title={t('proposal.scoreExplained', {
                category: decimal(party.scoreDetails?.categoryFit ?? 0), target: decimal(party.scoreDetails?.targetGroupFit ?? 0),
                proximity: decimal(party.scoreDetails?.proximity ?? 0), capacity: decimal(party.scoreDetails?.capacity ?? 0), open: decimal(party.scoreDetails?.openToCommunity ?? 0),
              })}>
                {decimal(party.score)}
              </span>
            ),
        },
        { key: 'people', header: t('groups.people'), isNumeric: true, cell: (party) => (party.peopleCount === null ? '—' : number(party.peopleCount)) },
        { key: 'cost', header: t('proposal.costShare'), isNumeric: true, cell: (party) => (party.costShareCents === null ? (party.role === 'requester' ? t('proposal.costUnknown') : '—') : formatMoney(moneyOfCents(party.costShareCents), moneyLocaleOf(i18n.language))) },
        { key: 'response', header: t('proposal.response'), cell: (party) => t(`response.${party.response}`) },
        { key: 'comment', header: t('proposal.comment'), cell: (party) => party.comment || '—' },
      ]}
      rows={proposal.parties}
      rowKey={(party) => `${party.organizationId}-${party.role}`}
    />
  );
}

function ResponseForm({ proposal, party }: { proposal: TProposal; party: Party }) {
  const { t } = useTranslation('matching');
  const queryClient = useQueryClient();
  const [comment, setComment] = useState(party.comment);
  const respond = useMutation({
    mutationFn: (response: 'interested' | 'not_interested') => respondToProposal(proposal.id, { organizationId: party.organizationId, role: party.role, response, comment }),
    onSuccess: (updated) => queryClient.setQueryData(proposalQuery(proposal.id).queryKey, updated),
  });
  const id = `response-${party.organizationId}-${party.role}`;
  return (
    <section aria-labelledby={`${id}-heading`} className="border rounded p-3 my-3">
      <h2 id={`${id}-heading`} className="h5">
        {party.role === 'provider'
          ? t('proposal.answerAsProvider', { organization: party.organizationName, service: party.serviceName ?? '' })
          : t('proposal.answerAsRequester', { organization: party.organizationName })}
      </h2>
      <TextAreaField id={`${id}-comment`} label={t('proposal.comment')} value={comment} onChange={(event) => setComment(event.target.value)} rows={2} />
      {respond.isError && <ApiErrorAlert error={respond.error} />}
      <div className="d-flex gap-2">
        <Button color="primary" disabled={respond.isPending} onClick={() => respond.mutate('interested')}>
          {t('proposal.join')}
        </Button>
        <Button color="secondary" outline disabled={respond.isPending} onClick={() => respond.mutate('not_interested')}>
          {t('proposal.decline')}
        </Button>
      </div>
    </section>
  );
}

function AgreeForm({ proposal }: { proposal: TProposal }) {
  const { t } = useTranslation('matching');
  const queryClient = useQueryClient();
  const [notes, setNotes] = useState('');
  const agree = useMutation({
    mutationFn: () => agreeProposal(proposal.id, { version: proposal.version, notes }),
    onSuccess: (updated) => queryClient.setQueryData(proposalQuery(proposal.id).queryKey, updated),
  });
  return (
    <section aria-labelledby="agree-heading" className="border rounded p-3 my-3">
      <h2 id="agree-heading" className="h5">
        {t('proposal.agreeTitle')}
      </h2>
      <TextAreaField id="agree-notes" label={t('proposal.agreeNotes')} value={notes} onChange={(event) => setNotes(event.target.value)} rows={2} />
      {agree.isError && <ApiErrorAlert error={agree.error} />}
      <Button color="primary" disabled={agree.isPending} onClick={() => agree.mutate()}>
        {t('proposal.agree')}
      </Button>
    </section>
  );
}
