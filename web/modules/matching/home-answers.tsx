import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button } from 'design-react-kit';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { respondToProposal, transitionReferral } from './matching.queries';

/**
 * A proposal's answer for one organization in one role, on the person's home (issue 14): the same call as the
 * proposal page's answer box (without a comment: the proposal page has it). The labels name the role: an organization
 * asked in both roles answers each on its own. `onAnswered` gets the notice to show and refreshes the home.
 */
export function ProposalAnswerButtons({ proposalId, title, organizationId, role, onAnswered }: {
  proposalId: string; title: string; organizationId: string; role: 'requester' | 'provider'; onAnswered: (notice: string) => void;
}) {
  const { t } = useTranslation('matching');
  const [answered, setAnswered] = useState<'interested' | 'not_interested' | null>(null);
  const respond = useMutation({
    mutationFn: (response: 'interested' | 'not_interested') => respondToProposal(proposalId, { organizationId, role, response, comment: '' }),
    onSuccess: (_proposal, response) => {
      setAnswered(response);
      onAnswered(t(response === 'interested' ? `home.joined_${role}` : `home.declined_${role}`, { title }));
    },
  });
  // Answered: the home says so in its own notice (this row goes away when the home is read again).
  if (answered) return null;
  return (
    <>
      {respond.isError && <ApiErrorAlert error={respond.error} />}
      <div className="d-flex flex-wrap gap-2">
        <Button color="primary" size="sm" disabled={respond.isPending} onClick={() => respond.mutate('interested')} aria-label={t(`home.joinLabel_${role}`, { title })}>
          {t('proposal.join')}
        </Button>
        <Button color="secondary" outline size="sm" disabled={respond.isPending} onClick={() => respond.mutate('not_interested')} aria-label={t(`home.declineLabel_${role}`, { title })}>
          {t('proposal.decline')}
        </Button>
      </div>
    </>
  );
}

/**
 * Accepting a referral sent to the organization's service, on the home: the referral page's `accept` move (declining
 * or asking for information needs a reason, written on the referral page).
 */
export function ReferralAcceptButton({ referralId, version, serviceName, onAnswered }: { referralId: string; version: number; serviceName: string; onAnswered: (notice: string) => void }) {
  const { t } = useTranslation('matching');
  const queryClient = useQueryClient();
  const [accepted, setAccepted] = useState(false);
  const accept = useMutation({
    mutationFn: () => transitionReferral(referralId, { action: 'accept', reason: '', version }),
    onSuccess: () => {
      setAccepted(true);
      void queryClient.invalidateQueries({ queryKey: ['matching'] });
      onAnswered(t('home.accepted', { service: serviceName }));
    },
  });
  if (accepted) return null;
  return (
    <>
      {accept.isError && <ApiErrorAlert error={accept.error} />}
      <Button color="primary" size="sm" disabled={accept.isPending} onClick={() => accept.mutate()} aria-label={t('home.acceptLabel', { service: serviceName })}>
        {t('referralAction.accept')}
      </Button>
    </>
  );
}
