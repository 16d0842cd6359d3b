import { LanguageSwitcher } from '@wholesail/web/components/language-switcher';
import { useTranslation } from 'react-i18next';
import { Form, NavLink, Outlet } from 'react-router';
import { Icon, type IconName } from '../components/icons';
import { useRoleLabel } from '../components/role-badges';
import { session } from '../lib/session.server';
import type { Route } from './+types/shell';

/** The sections of the console; a section without `to` is listed as coming soon. Add pages here. */
const NAV: { key: string; icon: IconName; to?: string }[] = [
  { key: 'dashboard', icon: 'dashboard', to: '/' },
  { key: 'orders', icon: 'orders', to: '/orders' },
  { key: 'customers', icon: 'customers' },
  { key: 'products', icon: 'products', to: '/products' },
  { key: 'prices', icon: 'prices', to: '/prices' },
  { key: 'warehouse', icon: 'warehouse', to: '/stock' },
  { key: 'homeLayout', icon: 'homeLayout', to: '/home-layout' },
  { key: 'delivery', icon: 'delivery' },
  { key: 'finance', icon: 'finance', to: '/collections' },
];

export async function loader({ request }: Route.LoaderArgs) {
  const { viewer } = await session.requireAuth(request);
  return { viewer: { name: viewer.name, roles: viewer.roles } };
}

function NavItems({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      {NAV.map((item) =>
        item.to ? (
          <NavLink
            key={item.key}
            to={item.to}
            end={item.to === '/'}
            className={({ isActive }) =>
              `flex shrink-0 items-center gap-3 rounded-lg px-3 py-2 text-sm font-medium transition ${
                isActive ? 'bg-white/10 text-white' : 'text-indigo-100/80 hover:bg-white/5 hover:text-white'
              }`
            }
          >
            <Icon name={item.icon} />
            {t(`nav.${item.key}`)}
          </NavLink>
        ) : (
          <span
            key={item.key}
            aria-disabled="true"
            className="flex shrink-0 cursor-default items-center gap-3 rounded-lg px-3 py-2 text-sm text-indigo-100/40"
          >
            <Icon name={item.icon} />
            {t(`nav.${item.key}`)}
            {!compact && (
              <span className="ml-auto rounded bg-white/5 px-1.5 py-0.5 text-[10px] text-indigo-100/50">
                {t('nav.soon')}
              </span>
            )}
          </span>
        ),
      )}
    </>
  );
}

export default function Shell({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const roleLabel = useRoleLabel();
  const { viewer } = loaderData;

  return (
    <div className="min-h-dvh bg-slate-100 lg:grid lg:grid-cols-[15rem_minmax(0,1fr)]">
      {/* Sidebar on large screens */}
      <aside className="sticky top-0 hidden h-dvh flex-col bg-slate-900 lg:flex">
        <div className="flex h-16 items-center gap-2.5 px-5">
          <span className="flex size-8 items-center justify-center rounded-lg bg-indigo-500 text-sm font-bold text-white">
            W
          </span>
          <span className="text-sm font-semibold tracking-tight text-white">{t('app.name')}</span>
        </div>
        <nav aria-label={t('nav.label')} className="flex flex-1 flex-col gap-1 overflow-y-auto px-3 py-2">
          <NavItems />
        </nav>
        <div className="border-t border-white/10 p-4">
          <p className="truncate text-sm font-medium text-white">{viewer.name}</p>
          <p className="mt-0.5 truncate text-xs text-slate-400">{viewer.roles.map(roleLabel).join(' · ')}</p>
          <Form method="post" action="/logout" className="mt-3">
            <button
              type="submit"
              data-testid="logout"
              className="flex items-center gap-2 text-xs text-slate-400 hover:text-white"
            >
              <Icon name="logout" className="size-4" />
              {t('nav.logout')}
            </button>
          </Form>
        </div>
      </aside>

      <div className="flex min-w-0 flex-col">
        {/* Top bar: brand and navigation on small screens, language everywhere */}
        <header className="sticky top-0 z-20 border-b border-slate-200 bg-white/95 backdrop-blur">
          <div className="flex h-14 items-center gap-3 px-4 lg:px-8">
            <span className="flex items-center gap-2 lg:hidden">
              <span className="flex size-7 items-center justify-center rounded-md bg-indigo-600 text-xs font-bold text-white">
                W
              </span>
              <span className="text-sm font-semibold">{t('app.short')}</span>
            </span>
            <div className="ml-auto flex items-center gap-2">
              <LanguageSwitcher />
              <Form method="post" action="/logout" className="lg:hidden">
                <button
                  type="submit"
                  className="rounded-md px-2 py-1 text-xs text-slate-600 hover:bg-slate-100"
                >
                  {t('nav.logout')}
                </button>
              </Form>
            </div>
          </div>
          <nav
            aria-label={t('nav.label')}
            className="flex gap-1 overflow-x-auto bg-slate-900 px-2 py-1.5 lg:hidden"
          >
            <NavItems compact />
          </nav>
        </header>
        <div className="flex-1">
          <Outlet />
        </div>
      </div>
    </div>
  );
}
