import { useEffect, useState, type ReactNode } from 'react';
import { Link, NavLink, Navigate, Outlet, ScrollRestoration, useLocation, useNavigate } from 'react-router';
import type { Role } from '@portal/schemas';
import { useSession } from '../features/auth/api/get-session.ts';
import { useLogout } from '../features/auth/api/logout.ts';
import { NotificationBell } from '../features/notifications/components/notification-bell.tsx';
import { LanguageSwitch } from '../features/account/components/language-switch.tsx';
import { ErrorState, Loading } from '../components/states.tsx';
import { useI18n } from '../lib/i18n.tsx';
import { homeFor, navigationFor } from './navigation.ts';

function Brand({ staff }: { staff?: boolean }) {
  const { t } = useI18n();
  return (
    <Link to="/" className="brand">
      <img src="/favicon.svg" alt="" width="28" height="28" />
      <span>
        <strong>{t('app.name')}</strong>
        <small>{staff ? t('app.staffTagline') : t('app.tagline')}</small>
      </span>
    </Link>
  );
}

/** Sends "/" to the signed-in user's home; visitors start at the catalog. */
export function RootRedirect() {
  const { data: user, isPending, error } = useSession();
  if (isPending) return <Loading />;
  if (error) return <ErrorState error={error} />;
  return <Navigate to={user ? homeFor(user.role) : '/catalog'} replace />;
}

/** Sign-in, registration and invitations: no navigation, just the form. */
export function PublicLayout() {
  return (
    <div className="public">
      <header className="public__header">
        <Brand />
        <LanguageSwitch signedIn={false} />
      </header>
      <main id="main" className="public__main">
        <Outlet />
      </main>
      {/* A new page opens at its top; back and forward return to where the reader was. */}
      <ScrollRestoration />
    </div>
  );
}

/**
 * The signed-in frame: header, the role's navigation, and the page. Guards the roles allowed;
 * 'anyone' also lets visitors in (the catalog), with sign-in and registration in the header.
 */
export function AppShell({ roles }: { roles: readonly Role[] | 'anyone' }) {
  const { data: user, isPending, error } = useSession();
  const { t, setLocale, locale } = useI18n();
  const location = useLocation();
  const navigate = useNavigate();
  const logout = useLogout();

  // The account's language wins once signed in.
  useEffect(() => {
    if (user && user.locale !== locale) setLocale(user.locale);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [user?.locale]);

  if (isPending) return <Loading />;
  if (error) return <ErrorState error={error} />;
  if (!user && roles === 'anyone') return <VisitorShell />;
  if (!user) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (roles !== 'anyone' && !roles.includes(user.role)) return <Navigate to={homeFor(user.role)} replace />;

  const staff = user.role !== 'BUYER';
  return (
    <div className={`shell${staff ? ' shell--staff' : ''}`}>
      <a className="skip-link" href="#main">{t('app.skip')}</a>
      <ShellHeader
        brand={<Brand staff={staff} />}
        quick={<NotificationBell />}
        nav={navigationFor(user.role).map((item) => (
          <NavLink key={item.to} to={item.to} end={item.end ?? false} className={({ isActive }) => (isActive && isCurrent(item.to, location) ? 'active' : '')}>
            {t(item.label)}
          </NavLink>
        ))}
        tools={
          <>
            <LanguageSwitch signedIn />
            <div className="user-chip" title={user.email}>
              <span className="user-chip__name">{user.name}</span>
              <span className="user-chip__meta">{staff ? t(`role.${user.role}`) : user.company.name}</span>
            </div>
            <button type="button" className="btn btn--ghost" onClick={() => logout.mutate(undefined, { onSettled: () => navigate('/login') })}>
              {t('nav.signOut')}
            </button>
          </>
        }
      />
      <main id="main" className="shell__main" tabIndex={-1}>
        <Outlet />
      </main>
      {/* A new page opens at its top; back and forward return to where the reader was. */}
      <ScrollRestoration />
    </div>
  );
}

function VisitorShell() {
  const { t } = useI18n();
  const location = useLocation();
  const next = encodeURIComponent(location.pathname + location.search);
  return (
    <div className="shell">
      <a className="skip-link" href="#main">{t('app.skip')}</a>
      <ShellHeader
        brand={<Brand />}
        nav={<NavLink to="/catalog">{t('nav.catalog')}</NavLink>}
        tools={
          <>
            <LanguageSwitch signedIn={false} />
            <Link to={`/login?next=${next}`} className="btn btn--secondary">{t('nav.signIn')}</Link>
            <Link to="/register" className="btn btn--primary">{t('nav.register')}</Link>
          </>
        }
      />
      <main id="main" className="shell__main" tabIndex={-1}>
        <Outlet />
      </main>
      {/* A new page opens at its top; back and forward return to where the reader was. */}
      <ScrollRestoration />
    </div>
  );
}

/**
 * The header: brand, navigation and tools side by side on a wide screen; on a phone the navigation
 * and tools fold into a menu behind one button (everything stays reachable), the bell stays in view.
 */
function ShellHeader({ brand, quick, nav, tools }: { brand: ReactNode; quick?: ReactNode; nav: ReactNode; tools: ReactNode }) {
  const { t } = useI18n();
  const location = useLocation();
  const [open, setOpen] = useState(false);
  // A chosen page closes the menu.
  useEffect(() => setOpen(false), [location.pathname, location.search]);
  return (
    <header className={`shell__header${open ? ' is-open' : ''}`}>
      {brand}
      {quick && <div className="shell__quick">{quick}</div>}
      <button type="button" className="btn btn--ghost shell__menu-toggle" aria-expanded={open} aria-controls="shell-menu" onClick={() => setOpen((o) => !o)}>
        <span aria-hidden="true" className="shell__menu-icon" />
        {t('nav.menu')}
      </button>
      <div id="shell-menu" className="shell__menu">
        <nav aria-label={t('nav.main')} className="shell__nav">{nav}</nav>
        <div className="shell__tools">{tools}</div>
      </div>
    </header>
  );
}

/** NavLink matches on path only; entries that differ by query (Approvals vs all companies) need both. */
function isCurrent(to: string, location: { pathname: string; search: string }) {
  const [, query] = to.split('?');
  if (query) return location.search.includes(query);
  if (to === '/staff/companies') return !location.search.includes('status=PENDING');
  return true;
}

/** An address with no page: said plainly, inside the reader's own navigation, with ways on. */
export function NotFound() {
  const { t } = useI18n();
  const { data: user } = useSession();
  return (
    <div className="page">
      <section className="card narrow not-found" aria-labelledby="not-found-title">
        <h1 id="not-found-title">{t('errors.pageNotFound')}</h1>
        <p>{t('errors.pageNotFoundText')}</p>
        <p className="actions">
          <Link className="btn btn--primary" to={user ? homeFor(user.role) : '/catalog'}>{t(user ? 'errors.goHome' : 'errors.goCatalog')}</Link>
          {user && <Link className="btn btn--secondary" to="/catalog">{t('errors.goCatalog')}</Link>}
        </p>
      </section>
    </div>
  );
}
