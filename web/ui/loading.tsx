import { Spinner } from 'design-react-kit';
import { useTranslation } from 'react-i18next';

/** A spinner announced politely to screen readers. */
export function Loading({ label, small = true }: { label?: string; small?: boolean }) {
  const { t } = useTranslation();
  const text = label ?? t('ui.loading');
  return (
    <div className="d-flex align-items-center gap-2 py-3" role="status">
      <Spinner active small={small} label={text} aria-hidden="true" />
      <span>{text}</span>
    </div>
  );
}
