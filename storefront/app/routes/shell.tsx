import { LanguageSwitcher } from '@wholesail/web/components/language-switcher';
import { loginUrl } from '@wholesail/web/session.server';
import { useTranslation } from 'react-i18next';
import { Form, Link, NavLink, Outlet, redirect, useLocation } from 'react-router';
import { SearchBox } from '../components/search-box';
import type { ShopViewer } from '../lib/format';
import { CART_COUNT_QUERY, type CartCountData } from '../lib/ordering-queries';
import { type CustomerViewer, SHELL_QUERY, type ShellData } from '../lib/queries';
import { session } from '../lib/session.server';
import { shopCaller, shopQuery } from '../lib/shop.server';
import type { Route } from './+types/shell';

const GUEST_QUERY = /* GraphQL */ `
  query StorefrontGuest($slug: String!) { publicTenant(slug: $slug) { name guestBrowsing } }
`;

/**
 * The frame of every shop page: a sticky top bar with the search field, the page, and a tab bar
 * at the bottom on phones. A store sees its own shop; a visitor browses as a guest only when the
 * distributor allows it, else logs in first.
 */
export async function loader({
  request,
}: Route.LoaderArgs): Promise<{ viewer: ShopViewer; cartCount?: number | null }> {
  const caller = await shopCaller(request);
  if (caller.kind === 'guest') {
    const { data } = await shopQuery<{ publicTenant: { guestBrowsing: boolean } | null }>(
      request,
      GUEST_QUERY,
      {
        slug: caller.tenant,
      },
    );
    if (!data.publicTenant?.guestBrowsing) throw redirect(loginUrl(request));
    return { viewer: { guest: true, name: null, customerName: null, level: null } };
  }
  const [{ data }, cartCount] = await Promise.all([
    shopQuery<ShellData>(request, SHELL_QUERY),
    // the cart link's line count; the frame works without it
    shopQuery<CartCountData>(request, CART_COUNT_QUERY).then(
      (result) => result.data.cart?.lines.length ?? null,
      () => null,
    ),
  ]);
  if (data.me?.__typename !== 'CustomerUser') {
    // Only store users belong here; anything else starts over at the login page.
    throw redirect(loginUrl(request), { headers: { 'Set-Cookie': await session.destroyAuth(request) } });
  }
  const me = data.me as CustomerViewer;
  return {
    viewer: { guest: false, name: me.name, customerName: me.customer.name, level: me.customer.level },
    cartCount,
  };
}

/** /login, coming back to this page afterwards. */
function loginHref(back: string): string {
  return back === '/' ? '/login' : `/login?redirectTo=${encodeURIComponent(back)}`;
}

const TABS = [
  { to: '/', key: 'home', end: true, icon: 'M3 10.5 12 3l9 7.5V20a1 1 0 0 1-1 1h-5v-6H9v6H4a1 1 0 0 1-1-1z' },
  {
    to: '/categories',
    key: 'categories',
    end: false,
    icon: 'M4 4h7v7H4zM13 4h7v7h-7zM4 13h7v7H4zM13 13h7v7h-7z',
  },
  { to: '/brands', key: 'brands', end: false, icon: 'M4 6h16v3H4zM6 9h12v11H6zM10 12h4' },
  {
    to: '/bought-before',
    key: 'boughtBefore',
    end: false,
    icon: 'M4 12a8 8 0 1 0 2.4-5.7M4 4v4h4M12 8v4l3 2',
  },
  { to: '/orders', key: 'orders', end: false, icon: 'M6 3h12v18H6zM9 8h6M9 12h6M9 16h4' },
] as const;

/** The label of a tab (the ordering entries keep theirs under `ordering`). */
function tabLabel(key: (typeof TABS)[number]['key']): string {
  return key === 'orders' ? 'ordering.nav.orders' : `nav.${key}`;
}

const CART_ICON = 'M3 4h2l2.4 11h10.2L20 7H6.2M9 20a1 1 0 1 0 0-.01M17 20a1 1 0 1 0 0-.01';

export default function Shell({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { viewer } = loaderData;
  const location = useLocation();
  const query =
    location.pathname === '/products' ? (new URLSearchParams(location.search).get('q') ?? '') : '';
  const tabs = viewer.guest ? TABS.filter((tab) => tab.key !== 'boughtBefore' && tab.key !== 'orders') : TABS;
  const cartCount = loaderData.cartCount ?? 0;
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="sticky top-0 z-20 border-b border-slate-200 bg-white/95 pt-[env(safe-area-inset-top)] backdrop-blur">
        <div className="mx-auto flex h-14 max-w-6xl items-center gap-2.5 px-3 sm:gap-3 sm:px-4">
          <Link to="/" className="flex shrink-0 items-center gap-2" aria-label={t('nav.home')}>
            <span className="flex size-8 items-center justify-center rounded-lg bg-orange-500 text-sm font-bold text-white">
              W
            </span>
            <span className="hidden text-sm font-semibold tracking-tight lg:inline">{t('app.name')}</span>
          </Link>
          <nav className="hidden items-center gap-1 text-sm md:flex">
            {tabs.map((tab) => (
              <NavLink
                key={tab.key}
                to={tab.to}
                end={tab.end}
                className={({ isActive }) =>
                  `rounded-md px-2.5 py-1.5 whitespace-nowrap ${isActive ? 'bg-orange-50 font-medium text-orange-700' : 'text-slate-600 hover:text-slate-900'}`
                }
              >
                {t(tabLabel(tab.key))}
              </NavLink>
            ))}
          </nav>
          <div className="min-w-0 flex-1">
            <SearchBox key={`${location.pathname}?${query}`} defaultValue={query} />
          </div>
          <LanguageSwitcher className="hidden sm:flex" />
          {!viewer.guest && (
            <Link
              to="/cart"
              data-testid="cart-link"
              data-count={cartCount}
              aria-label={t('ordering.nav.cartCount', { count: cartCount })}
              className="relative flex size-9 shrink-0 items-center justify-center rounded-full text-slate-700 hover:bg-slate-100"
            >
              <svg
                aria-hidden="true"
                viewBox="0 0 24 24"
                className="size-6 fill-none stroke-current stroke-[1.8]"
                strokeLinecap="round"
                strokeLinejoin="round"
              >
                <path d={CART_ICON} />
              </svg>
              {cartCount > 0 && (
                <span
                  data-testid="cart-link-count"
                  className="absolute -top-0.5 -right-0.5 flex h-4 min-w-4 items-center justify-center rounded-full bg-red-500 px-1 text-[10px] leading-none font-medium text-white"
                >
                  {cartCount > 99 ? '99+' : cartCount}
                </span>
              )}
            </Link>
          )}
          {viewer.guest ? (
            <Link
              to={loginHref(location.pathname + location.search)}
              data-testid="login-link"
              className="shrink-0 rounded-full bg-orange-500 px-3 py-1.5 text-xs font-medium text-white"
            >
              {t('nav.login')}
            </Link>
          ) : (
            <Form method="post" action="/logout" className="hidden sm:block">
              <button
                type="submit"
                data-testid="logout"
                className="rounded-md px-2.5 py-1.5 text-xs font-medium whitespace-nowrap text-slate-600 hover:bg-slate-100 hover:text-slate-900"
              >
                {t('nav.logout')}
              </button>
            </Form>
          )}
        </div>
      </header>
      <div className="flex-1 pb-[calc(4rem+env(safe-area-inset-bottom))] md:pb-0">
        <Outlet />
      </div>
      <nav
        aria-label={t('nav.tabs')}
        className="fixed inset-x-0 bottom-0 z-20 border-t border-slate-200 bg-white/95 pb-[env(safe-area-inset-bottom)] backdrop-blur md:hidden"
      >
        <div className="mx-auto flex max-w-md">
          {tabs.map((tab) => (
            <NavLink
              key={tab.key}
              to={tab.to}
              end={tab.end}
              data-testid={`tab-${tab.key}`}
              className={({ isActive }) =>
                `flex flex-1 flex-col items-center gap-0.5 py-2 text-[11px] ${isActive ? 'font-medium text-orange-600' : 'text-slate-500'}`
              }
            >
              <svg
                aria-hidden="true"
                viewBox="0 0 24 24"
                className="size-5 fill-none stroke-current stroke-[1.8]"
                strokeLinecap="round"
                strokeLinejoin="round"
              >
                <path d={tab.icon} />
              </svg>
              {t(tabLabel(tab.key))}
            </NavLink>
          ))}
        </div>
      </nav>
    </div>
  );
}
