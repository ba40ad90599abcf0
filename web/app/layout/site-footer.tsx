import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { ZHealth } from '../../../common/contracts/settings';
import { api } from '../api-client';
import { paths } from '../paths';

/** Footer: what the data is and where it comes from, the API documentation and the version running. */
export function SiteFooter() {
  const { t } = useTranslation();
  const health = useQuery({
    queryKey: ['health'],
    queryFn: ({ signal }) => api.get('/api/health', ZHealth, { signal }),
    staleTime: Infinity,
    retry: false,
  });

  return (
    <footer className="it-footer">
      <div className="it-footer-main">
        <div className="container">
          <div className="row py-4">
            <div className="col-lg-5 pb-3">
              <h2 className="h4 text-white">{t('app.name')}</h2>
              <p className="mb-0">{t('footer.about')}</p>
            </div>
            <div className="col-lg-4 pb-3">
              <h2 className="h5 text-white">{t('footer.dataTitle')}</h2>
              <p className="mb-2">{t('footer.dataAttribution')}</p>
              <Link to={paths.about} className="footer-link">
                {t('footer.dataLink')}
              </Link>
            </div>
            <div className="col-lg-3 pb-3">
              <h2 className="h5 text-white">{t('footer.developersTitle')}</h2>
              <ul className="list-unstyled mb-0">
                <li>
                  <a href={paths.apiDocs} className="footer-link">
                    {t('footer.apiDocs')}
                  </a>
                </li>
                <li>{t('footer.licence')}</li>
              </ul>
            </div>
          </div>
        </div>
      </div>
      <div className="it-footer-small-prints clearfix">
        <div className="container">
          <p className="small mb-0 py-3">
            {health.data
              ? t('footer.version', { version: health.data.version, database: health.data.database })
              : t('footer.versionUnknown')}
          </p>
        </div>
      </div>
    </footer>
  );
}
