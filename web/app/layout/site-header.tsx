import { useState } from 'react';
import { Link, NavLink, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Collapse, Header, HeaderContent, HeaderRightZone, HeaderToggler, Headers, Nav, NavItem } from 'design-react-kit';
import { useSession } from '../session';
import { paths } from '../paths';
import { LANGUAGES, type Language } from '../i18n/i18n';
import { describeError } from '../error-messages';
import { navigationFor } from '../web-modules';

const LANGUAGE_NAMES: Record<Language, string> = { it: 'Italiano', en: 'English' };

function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <div className="language-switch" role="group" aria-label={t('header.language')}>
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          className="btn btn-sm language-switch__button"
          aria-pressed={i18n.resolvedLanguage === language}
          lang={language}
          onClick={() => void i18n.changeLanguage(language)}
        >
          {language.toUpperCase()}
          <span className="visually-hidden"> {LANGUAGE_NAMES[language]}</span>
        </button>
      ))}
    </div>
  );
}

function AccountZone() {
  const { t } = useTranslation();
  const { session, logout } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);

  if (!session.user) {
    if (location.pathname === paths.login) return null;
    return (
      <Link
        to={paths.login}
        state={{ from: `${location.pathname}${location.search}` }}
        className="btn btn-primary btn-sm account-zone__login"
      >
        {t('header.login')}
      </Link>
    );
  }

  const signOut = async (everywhere: boolean) => {
    setBusy(true);
    setError(null);
    try {
      await logout({ everywhere });
      navigate(paths.home);
    } catch (caught) {
      setError(describeError(caught, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="account-zone">
      <span className="account-zone__user d-none d-md-inline">{t('header.signedInAs', { name: session.user.displayName })}</span>
      <Link to={paths.account} className="btn btn-sm account-zone__button">
        {t('header.account')}
      </Link>
      <button type="button" className="btn btn-sm account-zone__button" disabled={isBusy} onClick={() => void signOut(false)}>
        {t('header.logout')}
      </button>
      <button type="button" className="btn btn-sm account-zone__button" disabled={isBusy} onClick={() => void signOut(true)}>
        {t('header.logoutEverywhere')}
      </button>
      {error && (
        <span role="alert" className="account-zone__error">
          {error}
        </span>
      )}
    </div>
  );
}

/** Slim header (language, account), centre header (brand) and the main navigation. */
export function SiteHeader() {
  const { t } = useTranslation();
  const { session } = useSession();
  const [isMenuOpen, setMenuOpen] = useState(false);
  // Each module declares its entries and who sees them (web-modules.ts); the menu keeps the list's order.
  const items = navigationFor(session).map((entry) => ({ to: entry.to, label: entry.label(t), Badge: entry.badge }));

  return (
    <Headers>
      <Header type="slim">
        <HeaderContent>
          <Link to={paths.about} className="navbar-brand d-none d-lg-block">
            {t('header.slimText')}
          </Link>
          <HeaderRightZone>
            <LanguageSwitch />
            <AccountZone />
          </HeaderRightZone>
        </HeaderContent>
      </Header>
      <div className="it-nav-wrapper">
        <Header type="center">
          <HeaderContent>
            <div className="it-brand-wrapper">
              <Link to={paths.home}>
                <svg className="icon brand-mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
                  <rect width="32" height="32" rx="6" fill="#ffffff" />
                  <path d="M9 8h7.5a8 8 0 0 1 0 16H9z" fill="none" stroke="#0066cc" strokeWidth="3" />
                </svg>
                <div className="it-brand-text">
                  <div className="it-brand-title">{t('app.name')}</div>
                  <div className="it-brand-tagline d-none d-md-block">{t('app.tagline')}</div>
                </div>
              </Link>
            </div>
          </HeaderContent>
        </Header>
        <Header type="navbar">
          <HeaderContent expand="lg" megamenu={false} aria-label={t('nav.label')}>
            <HeaderToggler
              aria-controls="main-navigation"
              aria-label={t('nav.open')}
              onClick={() => setMenuOpen((open) => !open)}
              isOpen={isMenuOpen}
            >
              <svg className="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                <path d="M3 6h18v2H3zm0 5h18v2H3zm0 5h18v2H3z" fill="currentColor" />
              </svg>
            </HeaderToggler>
            <Collapse
              isOpen={isMenuOpen}
              navbar
              header
              onOverlayClick={() => setMenuOpen(false)}
              closeSrText={t('nav.close')}
              aria-label={isMenuOpen ? t('nav.label') : undefined}
              id="main-navigation"
            >
              <div className="menu-wrapper">
                <Nav navbar tag="ul">
                  {items.map((item) => (
                    <NavItem key={item.to}>
                      <NavLink to={item.to} className="nav-link" onClick={() => setMenuOpen(false)}>
                        <span>{item.label}</span>
                        {item.Badge && <item.Badge />}
                      </NavLink>
                    </NavItem>
                  ))}
                </Nav>
              </div>
            </Collapse>
          </HeaderContent>
        </Header>
      </div>
    </Headers>
  );
}
