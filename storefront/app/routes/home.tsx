import { ErrorView } from '@wholesail/web/components/error-view';
import { LanguageSwitcher } from '@wholesail/web/components/language-switcher';
import { useTranslation } from 'react-i18next';
import { Form, Link } from 'react-router';
import { ProductCard, ProductRow } from '../components/product-card';
import { linkHref, useLocalized } from '../lib/format';
import { HOME_QUERY, type HomeData, type HomeZone, type ZoneKind } from '../lib/queries';
import { shopQuery } from '../lib/shop.server';
import type { Route } from './+types/home';

export async function loader({ request }: Route.LoaderArgs) {
  const { data, errors, caller } = await shopQuery<HomeData>(request, HOME_QUERY);
  const me = data.me?.__typename === 'CustomerUser' && 'customer' in data.me ? data.me : null;
  return {
    guest: caller.kind === 'guest',
    me,
    layout: data.homeLayout,
    partial: errors.length > 0,
  };
}

/** Where a zone's "more" leads: the whole list behind it. */
const ZONE_MORE: Record<ZoneKind, string> = {
  NEW: '/products?sort=NEWEST&tag=NEW',
  RECOMMENDED: '/products',
  PROMOTION: '/promotions',
  HOT: '/products?sort=BEST_SELLING',
  CLEARANCE: '/products?tag=CLEARANCE',
};

const ZONE_ACCENT: Record<ZoneKind, string> = {
  NEW: 'bg-emerald-500',
  RECOMMENDED: 'bg-orange-500',
  PROMOTION: 'bg-red-500',
  HOT: 'bg-rose-500',
  CLEARANCE: 'bg-amber-500',
};

function Zone({ zone }: { zone: HomeZone }) {
  const { t } = useTranslation();
  const { pick } = useLocalized();
  if (zone.products.length === 0) return null;
  return (
    <section data-testid="home-zone" data-kind={zone.kind} className="mt-6">
      <div className="mb-2.5 flex items-center justify-between">
        <h2 className="flex items-center gap-2 text-base font-semibold text-slate-900">
          <span className={`h-4 w-1 rounded-full ${ZONE_ACCENT[zone.kind]}`} />
          {pick(zone.title, zone.titleEn) || t(`zone.${zone.kind}`)}
        </h2>
        <Link to={ZONE_MORE[zone.kind]} className="text-xs text-slate-500">
          {t('home.moreLink')} ›
        </Link>
      </div>
      {zone.display === 'CAROUSEL' ? (
        <div className="-mx-4 flex snap-x gap-3 overflow-x-auto px-4 pb-1 [scrollbar-width:none]">
          {zone.products.map((product) => (
            <div key={product.id} className="w-36 shrink-0 snap-start sm:w-44">
              <ProductCard product={product} />
            </div>
          ))}
        </div>
      ) : zone.display === 'LIST' ? (
        <div className="grid gap-2.5 sm:grid-cols-2">
          {zone.products.map((product) => (
            <ProductRow key={product.id} product={product} />
          ))}
        </div>
      ) : (
        <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
          {zone.products.map((product) => (
            <ProductCard key={product.id} product={product} />
          ))}
        </div>
      )}
    </section>
  );
}

function Banners({ banners }: { banners: NonNullable<HomeData['homeLayout']>['banners'] }) {
  if (banners.length === 0) return null;
  return (
    <div
      data-testid="home-banners"
      className="-mx-4 flex snap-x snap-mandatory gap-3 overflow-x-auto px-4 [scrollbar-width:none]"
    >
      {banners.map((banner) => {
        const href = linkHref(banner.link);
        const body = (
          <div className="relative aspect-[5/2] overflow-hidden rounded-2xl bg-gradient-to-br from-orange-500 to-amber-400 shadow-sm">
            <img src={banner.imageUrl} alt="" className="absolute inset-0 size-full object-cover" />
            <p className="absolute bottom-0 left-0 p-4 text-lg font-semibold text-white drop-shadow sm:text-xl">
              {banner.title}
            </p>
          </div>
        );
        return (
          <div
            key={banner.imageUrl + banner.title}
            data-testid="home-banner"
            className="w-[88%] shrink-0 snap-center sm:w-[60%]"
          >
            {href ? <Link to={href}>{body}</Link> : body}
          </div>
        );
      })}
    </div>
  );
}

export default function Home({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { pick, name } = useLocalized();
  const { me, layout, partial, guest } = loaderData;
  const zones = (layout?.zones ?? []).filter((zone) => zone.enabled);
  const notice = layout?.notice?.active ? layout.notice : null;

  return (
    <main className="mx-auto max-w-6xl px-4 pt-3 pb-8 sm:pt-5">
      <title>{t('home.pageTitle')}</title>

      {me ? (
        <section className="mb-3 flex items-center justify-between gap-3 rounded-2xl bg-gradient-to-br from-orange-500 to-amber-500 px-4 py-3 text-white shadow-sm">
          <div className="min-w-0">
            <p className="text-[11px] text-orange-50/90">{t('home.welcome', { name: me.name })}</p>
            <h1 data-testid="store-name" className="truncate text-base font-semibold sm:text-lg">
              {me.customer.name}
            </h1>
          </div>
          <span
            data-testid="store-level"
            className="shrink-0 rounded-full bg-white/20 px-2.5 py-1 text-xs font-medium ring-1 ring-white/30"
          >
            {me.customer.level ? t('home.level', { level: name(me.customer.level) }) : t('home.noLevel')}
          </span>
        </section>
      ) : (
        guest && (
          <Link
            to="/login"
            data-testid="guest-notice"
            className="mb-3 flex items-center justify-between rounded-2xl bg-orange-50 px-4 py-3 text-sm text-orange-800 ring-1 ring-orange-200"
          >
            <span>{t('home.guest')}</span>
            <span className="font-medium">{t('nav.login')} ›</span>
          </Link>
        )
      )}

      {partial && (
        <p role="status" className="mb-3 rounded-lg bg-amber-50 px-3 py-2 text-xs text-amber-700">
          {t('home.partial')}
        </p>
      )}

      <Banners banners={layout?.banners ?? []} />

      {(layout?.navButtons.length ?? 0) > 0 && (
        <nav
          data-testid="home-nav"
          className="mt-4 grid grid-cols-4 gap-y-3 rounded-2xl bg-white p-3 shadow-xs ring-1 ring-slate-200 sm:grid-cols-8"
        >
          {layout?.navButtons
            .filter((button) => !(guest && button.link?.url === '/bought-before'))
            .map((button) => (
              <Link
                key={button.label}
                to={linkHref(button.link) ?? '/'}
                className="flex flex-col items-center gap-1.5 text-xs text-slate-700"
              >
                <img src={button.icon} alt="" className="size-10 rounded-full" />
                <span className="truncate">{pick(button.label, button.labelEn)}</span>
              </Link>
            ))}
        </nav>
      )}

      {notice && (
        <p
          data-testid="home-notice"
          className="mt-3 flex items-center gap-2 rounded-xl bg-amber-50 px-3 py-2 text-xs text-amber-800 ring-1 ring-amber-200"
        >
          <span className="shrink-0 rounded bg-amber-500 px-1.5 py-0.5 text-[10px] font-medium text-white">
            {t('home.notice')}
          </span>
          <span className="min-w-0 flex-1">{notice.text}</span>
        </p>
      )}

      {zones.map((zone) => (
        <Zone key={zone.kind} zone={zone} />
      ))}
      {zones.every((zone) => zone.products.length === 0) && (
        <p className="mt-6 rounded-xl border border-dashed border-slate-300 bg-white px-4 py-12 text-center text-sm text-slate-500">
          {t('home.empty')}
        </p>
      )}

      <footer className="mt-10 flex items-center justify-between border-t border-slate-200 pt-4 sm:hidden">
        <LanguageSwitcher />
        {!guest && (
          <Form method="post" action="/logout">
            <button
              type="submit"
              className="rounded-md px-2.5 py-1.5 text-xs font-medium text-slate-600 hover:bg-slate-100"
            >
              {t('nav.logout')}
            </button>
          </Form>
        )}
      </footer>
    </main>
  );
}

/** Errors of this page render inside the layout, so the navigation stays usable. */
export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <ErrorView error={error} inline />;
}
