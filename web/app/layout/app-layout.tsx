import { Suspense, useEffect, useRef } from 'react';
import { Outlet, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../ui/loading';
import { SiteHeader } from './site-header';
import { SiteFooter } from './site-footer';

/**
 * Moves focus to the new page's h1 after client-side navigation, so screen readers announce the page — unless the
 * person has already moved the focus elsewhere while the page loaded (opened a menu, started typing): taking it back
 * then would close their menu or interrupt them.
 */
function useFocusOnNavigation() {
  const location = useLocation();
  const isFirstRender = useRef(true);
  useEffect(() => {
    if (isFirstRender.current) {
      isFirstRender.current = false;
      return;
    }
    window.scrollTo(0, 0);
    const focusedAtNavigation = document.activeElement;
    const personMovedOn = () => {
      const focused = document.activeElement;
      return focused !== null && focused !== document.body && focused !== focusedAtNavigation;
    };
    // The page may still be loading its chunk or its data; try again briefly until its heading exists.
    let attempts = 0;
    const timer = window.setInterval(() => {
      attempts += 1;
      if (personMovedOn()) {
        window.clearInterval(timer);
        return;
      }
      const heading = document.querySelector<HTMLElement>('main [data-page-title]');
      if (heading) heading.focus({ preventScroll: true });
      if (heading || attempts > 40) window.clearInterval(timer);
    }, 50);
    return () => window.clearInterval(timer);
  }, [location.pathname]);
}

export function AppLayout() {
  const { t } = useTranslation();
  useFocusOnNavigation();
  return (
    <>
      <div className="skiplinks">
        <a
          className="visually-hidden-focusable"
          href="#main"
          onClick={(event) => {
            event.preventDefault();
            document.getElementById('main')?.focus();
          }}
        >
          {t('app.skipToContent')}
        </a>
      </div>
      <SiteHeader />
      <main id="main" tabIndex={-1} className="container py-4 site-main">
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
      <SiteFooter />
    </>
  );
}
