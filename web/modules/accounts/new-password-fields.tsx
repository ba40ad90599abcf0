import { useTranslation } from 'react-i18next';
import { PasswordField } from '../../ui/form-field';
import type { NewPasswordProblem } from './password-form';

/** A new password and its confirmation, with the policy said up front and the problem under the right field. */
export function NewPasswordFields(props: {
  idPrefix: string;
  password: string;
  confirmation: string;
  problem: NewPasswordProblem | 'unchanged' | null;
  labels: { password: string; confirmation: string };
  onPassword: (value: string) => void;
  onConfirmation: (value: string) => void;
}) {
  const { t } = useTranslation('accounts');
  const problemText = (problem: NewPasswordProblem | 'unchanged') => (problem === 'required' ? t('required') : t(`passwordProblems.${problem}`));
  const isConfirmationProblem = props.problem === 'mismatch';
  return (
    <>
      <PasswordField
        id={`${props.idPrefix}-new-password`}
        label={props.labels.password}
        help={t('passwordRule')}
        autoComplete="new-password"
        isRequired
        value={props.password}
        error={props.problem && !isConfirmationProblem ? problemText(props.problem) : null}
        onChange={(event) => props.onPassword(event.target.value)}
      />
      <PasswordField
        id={`${props.idPrefix}-confirm-password`}
        label={props.labels.confirmation}
        autoComplete="new-password"
        isRequired
        value={props.confirmation}
        error={isConfirmationProblem ? problemText('mismatch') : null}
        onChange={(event) => props.onConfirmation(event.target.value)}
      />
    </>
  );
}
