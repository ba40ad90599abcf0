import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFeedToken } from '../../../common/contracts/groups';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { createFeedToken } from './groups.queries';

/**
 * "Add to calendar": the person's own secret address of the group's calendar, for calendar apps that cannot sign in.
 * It is shown once; asking again makes a new one and the old one stops working.
 */
export function CalendarFeed({ groupId }: { groupId: string }) {
  const { t } = useTranslation('groups');
  const [feed, setFeed] = useState<TFeedToken | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [isBusy, setBusy] = useState(false);
  const url = feed ? new URL(feed.path, window.location.origin).toString() : '';
  return (
    <section aria-labelledby="group-calendar-heading" className="mt-5">
      <h2 id="group-calendar-heading" className="h4">
        {t('calendar.title')}
      </h2>
      <p>{t('calendar.lead')}</p>
      <button
        type="button"
        className="btn btn-outline-primary"
        disabled={isBusy}
        onClick={async () => {
          setBusy(true);
          setError(null);
          try {
            setFeed(await createFeedToken(groupId));
          } catch (caught) {
            setError(caught);
          } finally {
            setBusy(false);
          }
        }}
      >
        {feed ? t('calendar.renew') : t('calendar.get')}
      </button>
      <div role="status" className="mt-3">
        {feed && (
          <>
            <div className="form-group">
              <label htmlFor="group-calendar-url" className="active">
                {t('calendar.address')}
              </label>
              <input id="group-calendar-url" className="form-control" readOnly value={url} onFocus={(event) => event.target.select()} aria-describedby="group-calendar-help" />
              <small id="group-calendar-help" className="form-text">
                {t('calendar.help')}
              </small>
            </div>
            <a className="btn btn-outline-secondary btn-sm" href={url.replace(/^https?:/, 'webcal:')}>
              {t('calendar.open')}
            </a>
          </>
        )}
      </div>
      {error !== null && <ApiErrorAlert error={error} />}
    </section>
  );
}
