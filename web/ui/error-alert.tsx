import type { ReactNode } from 'react';
import { Button } from 'design-react-kit';
import { Notice } from './notice';
import { useTranslation } from 'react-i18next';

export interface ErrorAlertProps {
  title?: string;
  message: ReactNode;
  /** Shown small, e.g. a request id to quote to support. */
  detail?: string | null;
  onRetry?: () => void;
  /** Announce immediately (role="alert"); true by default. */
  assertive?: boolean;
}

/** A danger alert announced to screen readers, with an optional retry button. */
export function ErrorAlert({ title, message, detail, onRetry, assertive = true }: ErrorAlertProps) {
  const { t } = useTranslation();
  return (
    <Notice color="danger" role={assertive ? 'alert' : 'status'} className="my-3">
      {title && <h2 className="h5 alert-heading">{title}</h2>}
      <div>{message}</div>
      {detail && <p className="small mb-0 mt-1">{detail}</p>}
      {onRetry && (
        <Button color="danger" outline size="sm" className="mt-2" onClick={onRetry}>
          {t('ui.retry')}
        </Button>
      )}
    </Notice>
  );
}
