import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation } from '@tanstack/react-query';
import { Button } from 'design-react-kit';
import { ZMemberAnswerLink } from '../../../common/contracts/surveys';
import { api } from '../../app/api-client';
import { ApiErrorAlert } from '../../app/api-error-alert';

/**
 * For a signed-in member of an invited organization (their home, issue 14): opens the survey's answer page without
 * the mailed link. The server issues a link of the member's own and the page goes there.
 */
export function MemberAnswerButton({ surveyId, organizationId, title, hasStarted }: { surveyId: string; organizationId: string; title: string; hasStarted: boolean }) {
  const { t } = useTranslation('surveys');
  const navigate = useNavigate();
  const open = useMutation({
    mutationFn: () => api.post(`/api/surveys/${encodeURIComponent(surveyId)}/member-answer`, ZMemberAnswerLink, { organizationId }),
    onSuccess: (link) => void navigate(link.path),
  });
  return (
    <>
      {open.isError && <ApiErrorAlert error={open.error} />}
      <Button color="primary" size="sm" disabled={open.isPending} onClick={() => open.mutate()}>
        {t(hasStarted ? 'memberAnswer.continue' : 'memberAnswer.start', { title })}
      </Button>
    </>
  );
}
