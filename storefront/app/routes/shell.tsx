import { LanguageSwitcher } from '@wholesail/web/components/language-switcher';
import { useTranslation } from 'react-i18next';
import { Form, Link, NavLink, Outlet } from 'react-router';
import { session } from '../lib/session.server';
import type { Route } from './+types/shell';

/** The frame of every page after login: a sticky top bar (mobile first) and the page below. */
export async function loader({ request }: Route.LoaderArgs) {
  const { viewer } = await session.requireAuth(request);
  return { viewer: { name: viewer.name, customerName: viewer.customerName } };
}

export default function Shell({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { viewer } = loaderData;
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="sticky top-0 z-20 border-b border-slate-200 bg-white/95 pt-[env(safe-area-inset-top)] backdrop-blur">
        <div className="mx-auto flex h-14 max-w-6xl items-center gap-3 px-4">
          <Link to="/" className="flex items-center gap-2">
            <span className="flex size-8 items-center justify-center rounded-lg bg-orange-500 text-sm font-bold text-white">
              W
            </span>
            <span className="hidden text-sm font-semibold tracking-tight sm:inline">{t('app.name')}</span>
          </Link>
          <nav className="ml-2 hidden items-center gap-1 text-sm sm:flex">
            <NavLink
              to="/"
              end
              className={({ isActive }) =>
                `rounded-md px-3 py-1.5 ${isActive ? 'bg-orange-50 font-medium text-orange-700' : 'text-slate-600 hover:text-slate-900'}`
              }
            >
              {t('nav.home')}
            </NavLink>
          </nav>
          <div className="ml-auto flex items-center gap-2">
            <LanguageSwitcher />
            <span
              className="hidden max-w-40 truncate text-xs text-slate-500 md:inline"
              title={t('nav.account')}
            >
              {viewer.name}
            </span>
            <Form method="post" action="/logout">
              <button
                type="submit"
                data-testid="logout"
                className="rounded-md px-2.5 py-1.5 text-xs font-medium text-slate-600 hover:bg-slate-100 hover:text-slate-900"
              >
                {t('nav.logout')}
              </button>
            </Form>
          </div>
        </div>
      </header>
      <div className="flex-1">
        <Outlet />
      </div>
    </div>
  );
}
