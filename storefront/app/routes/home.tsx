import { ErrorView } from '@wholesail/web/components/error-view';
import { loadWithAuth } from '@wholesail/web/gateway.server';
import { loginUrl } from '@wholesail/web/session.server';
import { useTranslation } from 'react-i18next';
import { redirect } from 'react-router';
import { ProductCard } from '../components/product-card';
import { STOREFRONT_HOME_QUERY, type StorefrontHomeData } from '../lib/queries';
import { session } from '../lib/session.server';
import type { Route } from './+types/home';

export async function loader({ request }: Route.LoaderArgs) {
  const { data, errors } = await loadWithAuth<StorefrontHomeData>(session, request, STOREFRONT_HOME_QUERY);
  const me = data.me;
  if (me?.__typename !== 'CustomerUser' || !('customer' in me)) {
    // Only store users belong here; anything else starts over at the login page.
    throw redirect(loginUrl(request), { headers: { 'Set-Cookie': await session.destroyAuth(request) } });
  }
  if (errors.length > 0) console.error('StorefrontHome answered with errors', errors);
  return {
    me,
    products: (data.products?.edges ?? []).map((edge) => edge.node),
    hasMore: data.products?.pageInfo.hasNextPage ?? false,
    partial: errors.length > 0,
  };
}

export default function Home({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { me, products, hasMore, partial } = loaderData;
  const level = me.customer.level?.name;

  return (
    <main className="mx-auto max-w-6xl px-4 pt-4 pb-12 sm:pt-6">
      <title>{t('home.pageTitle')}</title>
      <section className="rounded-2xl bg-gradient-to-br from-orange-500 to-amber-500 p-5 text-white shadow-sm sm:p-6">
        <p className="text-xs text-orange-50/90">{t('home.welcome', { name: me.name })}</p>
        <h1 data-testid="store-name" className="mt-1 text-xl font-semibold sm:text-2xl">
          {me.customer.name}
        </h1>
        <span
          data-testid="store-level"
          className="mt-3 inline-flex items-center rounded-full bg-white/20 px-2.5 py-1 text-xs font-medium ring-1 ring-white/30"
        >
          {level ? t('home.level', { level }) : t('home.noLevel')}
        </span>
      </section>

      {partial && (
        <p role="status" className="mt-4 rounded-lg bg-amber-50 px-3 py-2 text-xs text-amber-700">
          {t('home.partial')}
        </p>
      )}

      <div className="mt-6 mb-3 flex items-baseline justify-between">
        <h2 className="text-base font-semibold text-slate-900">{t('home.products')}</h2>
        <span className="text-xs text-slate-400">{t('home.productCount', { count: products.length })}</span>
      </div>

      {products.length === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white px-4 py-12 text-center text-sm text-slate-500">
          {t('home.empty')}
        </p>
      ) : (
        <div
          data-testid="product-grid"
          className="grid grid-cols-2 gap-3 sm:grid-cols-3 sm:gap-4 lg:grid-cols-4 xl:grid-cols-5"
        >
          {products.map((product) => (
            <ProductCard key={product.id} product={product} />
          ))}
        </div>
      )}
      {hasMore && <p className="mt-8 text-center text-xs text-slate-400">{t('home.more')}</p>}
    </main>
  );
}

/** Errors of this page render inside the layout, so the navigation stays usable. */
export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <ErrorView error={error} inline />;
}
