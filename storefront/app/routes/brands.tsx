import { ErrorView } from '@wholesail/web/components/error-view';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocalized } from '../lib/format';
import { BRANDS_QUERY, type BrandsData } from '../lib/queries';
import { shopQuery } from '../lib/shop.server';
import type { Route } from './+types/brands';

export async function loader({ request }: Route.LoaderArgs) {
  const { data } = await shopQuery<BrandsData>(request, BRANDS_QUERY);
  return { brands: data.brands ?? [] };
}

/** The brands this store may buy, each leading to its products. */
export default function Brands({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { name } = useLocalized();
  return (
    <main className="mx-auto max-w-6xl px-4 pt-3 pb-8">
      <title>{`${t('nav.brands')} - ${t('app.name')}`}</title>
      <h1 className="mb-3 text-lg font-semibold text-slate-900">{t('nav.brands')}</h1>
      <div className="grid grid-cols-3 gap-2.5 sm:grid-cols-5 lg:grid-cols-8">
        {loaderData.brands.map((brand) => (
          <Link
            key={brand.id}
            to={`/products?brand=${encodeURIComponent(brand.id)}`}
            data-testid="brand-link"
            className="flex flex-col items-center gap-1.5 rounded-xl bg-white p-3 text-center text-xs text-slate-700 ring-1 ring-slate-200"
          >
            {brand.logoUrl ? (
              <img src={brand.logoUrl} alt="" className="size-12 rounded-full" />
            ) : (
              <span className="flex size-12 items-center justify-center rounded-full bg-orange-50 text-lg font-semibold text-orange-600">
                {name(brand).slice(0, 1)}
              </span>
            )}
            <span className="line-clamp-1">{name(brand)}</span>
          </Link>
        ))}
      </div>
    </main>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <ErrorView error={error} inline />;
}
