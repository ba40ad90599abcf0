import { useTranslation } from 'react-i18next';
import { useMutation } from '@tanstack/react-query';
import { Button } from 'design-react-kit';
import type { TPendingMembership } from '../../../common/contracts/memberships';
import { Notice } from '../../ui/notice';
import { describeError } from '../../app/error-messages';
import { answerMembership, answerRelationship, useRefreshAfterAnswer, type MembershipAnswer } from './memberships.queries';

/** A timestamp as a day in the interface language. */
interface MembershipAnswerButtonsProps {
  organizationId: string;
  membershipId: string;
  organizationName: string;
  districtName: string;
  canAnswer: boolean;
  canWithdraw: boolean;
}

/**
 * Accept / Decline for the side that did not propose the membership, Withdraw for the side that did. The server
 * decides again; these only hide what would be refused.
 */
export function MembershipAnswerButtons({ organizationId, membershipId, organizationName, districtName, canAnswer, canWithdraw }: MembershipAnswerButtonsProps) {
  const { t } = useTranslation('memberships');
  const { t: tc } = useTranslation();
  const refresh = useRefreshAfterAnswer();
  const mutation = useMutation({
    mutationFn: (answer: MembershipAnswer) => answerMembership(organizationId, membershipId, answer),
    onSuccess: () => void refresh(),
  });
  const names = { organization: organizationName, district: districtName };
  if (!canAnswer && !canWithdraw) return null;
  return (
    <div className="d-flex flex-wrap gap-2">
      {canAnswer && (
        <>
          <Button size="xs" color="primary" disabled={mutation.isPending} aria-label={t('actions.acceptLabel', names)} onClick={() => mutation.mutate('accept')}>
            {t('actions.accept')}
          </Button>
          <Button size="xs" color="primary" outline disabled={mutation.isPending} aria-label={t('actions.declineLabel', names)} onClick={() => mutation.mutate('decline')}>
            {t('actions.decline')}
          </Button>
        </>
      )}
      {canWithdraw && (
        <Button size="xs" color="primary" outline disabled={mutation.isPending} aria-label={t('actions.withdrawLabel', names)} onClick={() => mutation.mutate('withdraw')}>
          {t('actions.withdraw')}
        </Button>
      )}
      {mutation.isError && <Notice color="danger" role="alert">{describeError(mutation.error, tc)}</Notice>}
    </div>
  );
}

/** Confirm / Decline a relationship another organization declared with this one (this organization's admins). */
export function RelationshipAnswerButtons({ organizationId, relationshipId, otherName }: { organizationId: string; relationshipId: string; otherName: string }) {
  const { t } = useTranslation('memberships');
  const { t: tc } = useTranslation();
  const refresh = useRefreshAfterAnswer();
  const mutation = useMutation({
    mutationFn: (answer: 'confirm' | 'decline') => answerRelationship(organizationId, relationshipId, answer),
    onSuccess: () => void refresh(),
  });
  return (
    <div className="d-flex flex-wrap gap-2">
      <Button size="xs" color="primary" disabled={mutation.isPending} aria-label={t('actions.confirmRelationshipLabel', { organization: otherName })} onClick={() => mutation.mutate('confirm')}>
        {t('actions.confirm')}
      </Button>
      <Button size="xs" color="primary" outline disabled={mutation.isPending} aria-label={t('actions.declineRelationshipLabel', { organization: otherName })} onClick={() => mutation.mutate('decline')}>
        {t('actions.decline')}
      </Button>
      {mutation.isError && <Notice color="danger" role="alert">{describeError(mutation.error, tc)}</Notice>}
    </div>
  );
}

export type PendingMembership = TPendingMembership;
