import { useEffect, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';

export interface Crumb {
  label: string;
  /** Omit for the current page (the last crumb). */
  to?: string;
}

export interface PageHeaderProps {
  title: string;
  /** Text for the browser tab; defaults to the title. */
  documentTitle?: string;
  breadcrumbs?: readonly Crumb[];
  lead?: ReactNode;
  /** Badges or actions shown next to the title. */
  aside?: ReactNode;
}

/**
 * Breadcrumbs, the page's single h1 (focusable so the router can move focus to it after navigation)
 * and the document title.
 */
export function PageHeader({ title, documentTitle, breadcrumbs, lead, aside }: PageHeaderProps) {
  const { t } = useTranslation();
  const tabTitle = documentTitle ?? title;
  useEffect(() => {
    document.title = `${tabTitle} · ${t('app.name')}`;
  }, [tabTitle, t]);

  return (
    <header className="page-header mb-4">
      {breadcrumbs && breadcrumbs.length > 0 && (
        <nav className="breadcrumb-container" aria-label={t('ui.breadcrumbs')}>
          <ol className="breadcrumb p-0 mb-2">
            {breadcrumbs.map((crumb, index) => {
              const isLast = index === breadcrumbs.length - 1;
              return (
                <li
                  key={`${crumb.label}-${index}`}
                  className={`breadcrumb-item${isLast ? ' active' : ''}`}
                  aria-current={isLast ? 'page' : undefined}
                >
                  {crumb.to && !isLast ? <Link to={crumb.to}>{crumb.label}</Link> : crumb.label}
                  {!isLast && (
                    <span className="separator" aria-hidden="true">
                      /
                    </span>
                  )}
                </li>
              );
            })}
          </ol>
        </nav>
      )}
      <div className="d-flex flex-wrap align-items-center gap-3">
        <h1 className="mb-0" tabIndex={-1} data-page-title>
          {title}
        </h1>
        {aside}
      </div>
      {lead && <div className="lead mt-2 mb-0">{lead}</div>}
    </header>
  );
}
