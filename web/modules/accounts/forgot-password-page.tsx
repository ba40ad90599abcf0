import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Button, Col, Row } from 'design-react-kit';
import { z } from 'zod';
import { ZPasswordResetRequest } from '../../../common/contracts/auth';
import { api } from '../../app/api-client';
import { describeError } from '../../app/error-messages';
import { paths } from '../../app/paths';
import { TextField } from '../../ui/form-field';
import { PageHeader } from '../../ui/page-header';

/** Asks for a reset link by e-mail; the answer is the same whether the account exists or not. */
export function ForgotPasswordPage() {
  const { t } = useTranslation('accounts');
  const { t: tRoot } = useTranslation();
  const [email, setEmail] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [isSent, setSent] = useState(false);
  const [isBusy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = email.trim();
    if (!trimmed) return setFieldError(t('required'));
    if (!ZPasswordResetRequest.shape.email.safeParse(trimmed).success) return setFieldError(tRoot('login.invalidEmail'));
    setFieldError(null);
    setFormError(null);
    setBusy(true);
    try {
      await api.post('/api/auth/password-reset', z.object({ ok: z.literal(true) }), { email: trimmed });
      setSent(true);
    } catch (error) {
      setFormError(describeError(error, tRoot));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader title={t('forgot.title')} breadcrumbs={[{ label: tRoot('nav.home'), to: paths.home }, { label: tRoot('login.title'), to: paths.login }, { label: t('forgot.title') }]} lead={t('forgot.lead')} />
      <Row>
        <Col md={8} lg={6}>
          <div role="status">{isSent && <div className="alert alert-success">{t('forgot.sent')}</div>}</div>
          <div role="alert">{formError && <div className="alert alert-danger">{formError}</div>}</div>
          {!isSent && (
            <form onSubmit={(event) => void submit(event)} noValidate>
              <TextField id="forgot-email" type="email" label={t('forgot.email')} autoComplete="username" inputMode="email" isRequired value={email} error={fieldError} onChange={(event) => setEmail(event.target.value)} />
              <Button type="submit" color="primary" disabled={isBusy}>
                {t('forgot.submit')}
              </Button>
            </form>
          )}
          <p className="mt-4">
            <Link to={paths.login}>{t('forgot.backToLogin')}</Link>
          </p>
        </Col>
      </Row>
    </>
  );
}
