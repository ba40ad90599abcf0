import { useEffect, useId, useRef, useState, type ComponentType } from 'react';
import { Link, NavLink, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Collapse, Header, HeaderContent, HeaderRightZone, HeaderToggler, Headers, Nav, NavItem } from 'design-react-kit';
import { useSession } from '../session';
import { paths } from '../paths';
import { LANGUAGES, type Language } from '../i18n/i18n';
import { describeError } from '../error-messages';
import { navigationFor } from '../web-modules';
import type { NavigationGroup } from '../web-module';
import { menuLayout } from './menu-layout';

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

interface MenuItem {
  to: string;
  label: string;
  Badge?: ComponentType;
  group?: NavigationGroup;
}

/**
 * A group of the main navigation as a Bootstrap Italia dropdown (a disclosure: a button that shows or hides a list of
 * links). Enter or Space opens it and Tab reaches its links; Escape closes it and gives the focus back to the button;
 * so do a click outside, the focus leaving it and following one of its links. The button carries the badges of its
 * entries, so a count that needs attention shows while it is closed.
 */
function NavGroup({ group, items, onNavigate }: { group: NavigationGroup; items: MenuItem[]; onNavigate: () => void }) {
  const { t } = useTranslation();
  const location = useLocation();
  const [isOpen, setOpen] = useState(false);
  const menuId = useId();
  const itemRef = useRef<HTMLLIElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const isCurrent = items.some((item) => location.pathname === item.to || location.pathname.startsWith(`${item.to}/`));

  useEffect(() => setOpen(false), [location.pathname]);
  useEffect(() => {
    if (!isOpen) return;
    const closeOnOutsidePointer = (event: PointerEvent) => {
      if (!itemRef.current?.contains(event.target as Node)) setOpen(false);
    };
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      buttonRef.current?.focus();
    };
    document.addEventListener('pointerdown', closeOnOutsidePointer);
    document.addEventListener('keydown', closeOnEscape);
    return () => {
      document.removeEventListener('pointerdown', closeOnOutsidePointer);
      document.removeEventListener('keydown', closeOnEscape);
    };
  }, [isOpen]);

  return (
    <li
      ref={itemRef}
      className="nav-item dropdown"
      onBlur={(event) => {
        if (!itemRef.current?.contains(event.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        className={`nav-link dropdown-toggle${isCurrent ? ' active' : ''}`}
        aria-expanded={isOpen}
        aria-controls={menuId}
        onClick={() => setOpen((open) => !open)}
      >
        <span>{t(`nav.groups.${group}`)}</span>
        {items.map((item) => item.Badge && <item.Badge key={item.to} />)}
        <svg className="icon icon-xs" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="M12 15.5 5.5 9l1.4-1.4 5.1 5.1 5.1-5.1L18.5 9z" />
        </svg>
      </button>
      <div id={menuId} className={`dropdown-menu${isOpen ? ' show' : ''}`}>
        <div className="link-list-wrapper">
          <ul className="link-list">
            {items.map((item) => (
              <li key={item.to}>
                <NavLink
                  to={item.to}
                  className="dropdown-item list-item"
                  onClick={() => {
                    setOpen(false);
                    onNavigate();
                  }}
                >
                  <span>{item.label}</span>
                  {item.Badge && <item.Badge />}
                </NavLink>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </li>
  );
}

/** Slim header (language, account), centre header (brand) and the main navigation. */
export function SiteHeader() {
  const { t } = useTranslation();
  const { session } = useSession();
  const [isMenuOpen, setMenuOpen] = useState(false);
  // Each module declares its entries and who sees them (web-modules.ts); the menu keeps the list's order.
  const items: MenuItem[] = navigationFor(session).map((entry) => ({ to: entry.to, label: entry.label(t), Badge: entry.badge, group: entry.group }));

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
                  {menuLayout(items).map((place) =>
                    place.kind === 'group' ? (
                      <NavGroup key={place.group} group={place.group} items={place.entries} onNavigate={() => setMenuOpen(false)} />
                    ) : (
                      <NavItem key={place.entry.to}>
                        <NavLink to={place.entry.to} className="nav-link" onClick={() => setMenuOpen(false)}>
                          <span>{place.entry.label}</span>
                          {place.entry.Badge && <place.entry.Badge />}
                        </NavLink>
                      </NavItem>
                    ),
                  )}
                </Nav>
              </div>
            </Collapse>
          </HeaderContent>
        </Header>
      </div>
    </Headers>
  );
}
