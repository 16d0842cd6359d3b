import { ErrorView } from '@wholesail/web/components/error-view';
import { useTranslation } from 'react-i18next';
import { ProductCard } from '../components/product-card';
import { useLocalized } from '../lib/format';
import { type HomeData, PROMOTION_ZONE_QUERY } from '../lib/queries';
import { shopQuery } from '../lib/shop.server';
import type { Route } from './+types/promotions';

export async function loader({ request }: Route.LoaderArgs) {
  const { data } = await shopQuery<HomeData>(request, PROMOTION_ZONE_QUERY);
  const zone = data.homeLayout?.zones.find((z) => z.kind === 'PROMOTION') ?? null;
  return { zone };
}

/** The products on promotion for this store (the home page's promotion zone, in full). */
export default function Promotions({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { pick } = useLocalized();
  const { zone } = loaderData;
  const title = zone ? pick(zone.title, zone.titleEn) : t('zone.PROMOTION');
  return (
    <main className="mx-auto max-w-6xl px-4 pt-3 pb-8">
      <title>{`${title} - ${t('app.name')}`}</title>
      <h1 className="mb-3 text-lg font-semibold text-slate-900">{title}</h1>
      {!zone || zone.products.length === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white px-4 py-12 text-center text-sm text-slate-500">
          {t('list.empty')}
        </p>
      ) : (
        <div data-testid="product-grid" className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
          {zone.products.map((product) => (
            <ProductCard key={product.id} product={product} />
          ))}
        </div>
      )}
    </main>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <ErrorView error={error} inline />;
}
