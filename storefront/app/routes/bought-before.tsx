import { ErrorView } from '@wholesail/web/components/error-view';
import { loginUrl } from '@wholesail/web/session.server';
import { useTranslation } from 'react-i18next';
import { Link, redirect } from 'react-router';
import { PriceTag } from '../components/price-tag';
import { ProductImage } from '../components/product-image';
import { StockLabel } from '../components/stock-label';
import { useLocalized } from '../lib/format';
import { BOUGHT_BEFORE_QUERY, type BoughtBeforeData } from '../lib/queries';
import { shopCaller, shopQuery } from '../lib/shop.server';
import type { Route } from './+types/bought-before';

export async function loader({ request }: Route.LoaderArgs) {
  // A store's own history: guests log in first.
  if ((await shopCaller(request)).kind === 'guest') throw redirect(loginUrl(request));
  const { data, errors } = await shopQuery<BoughtBeforeData>(request, BOUGHT_BEFORE_QUERY, { limit: 50 });
  // Items whose SKU the store may no longer see (off the shelf, brand withdrawn) drop out.
  return { items: (data.boughtBefore ?? []).filter((item) => item.sku), partial: errors.length > 0 };
}

/** 再来一单: what this store bought before, newest first, at today's price. */
export default function BoughtBefore({ loaderData }: Route.ComponentProps) {
  const { t, i18n } = useTranslation();
  const { name } = useLocalized();
  const { items, partial } = loaderData;
  const date = new Intl.DateTimeFormat(i18n.language, { month: 'numeric', day: 'numeric' });
  return (
    <main className="mx-auto max-w-3xl px-4 pt-3 pb-8">
      <title>{`${t('boughtBefore.title')} - ${t('app.name')}`}</title>
      <h1 className="text-lg font-semibold text-slate-900">{t('boughtBefore.title')}</h1>
      <p className="mb-3 text-xs text-slate-500">{t('boughtBefore.subtitle')}</p>
      {partial && (
        <p className="mb-3 rounded-lg bg-amber-50 px-3 py-2 text-xs text-amber-700">{t('home.partial')}</p>
      )}
      {items.length === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white px-4 py-12 text-center text-sm text-slate-500">
          {t('boughtBefore.empty')}
        </p>
      ) : (
        <ul data-testid="bought-before" className="space-y-2.5">
          {items.map((item) => {
            const sku = item.sku;
            if (!sku) return null;
            const title = name(sku.product);
            return (
              <li key={`${sku.id}:${item.unit}`}>
                <Link
                  to={`/products/${encodeURIComponent(sku.product.id)}?sku=${encodeURIComponent(sku.id)}&unit=${encodeURIComponent(item.unit)}`}
                  data-testid="bought-item"
                  className="flex gap-3 rounded-xl bg-white p-2.5 ring-1 ring-slate-200"
                >
                  <div className="size-20 shrink-0 overflow-hidden rounded-lg bg-slate-100">
                    <ProductImage src={sku.product.images?.[0]} name={title} />
                  </div>
                  <div className="flex min-w-0 flex-1 flex-col gap-1">
                    <h2 className="line-clamp-1 text-sm font-medium text-slate-800">{title}</h2>
                    <p className="text-xs text-slate-500">
                      {sku.spec}
                      {' · '}
                      {t('boughtBefore.last', {
                        date: date.format(new Date(item.lastOrderedAt)),
                        quantity: item.lastQuantity,
                        unit: item.unit,
                      })}
                      {item.timesOrdered > 1 && ` · ${t('boughtBefore.times', { count: item.timesOrdered })}`}
                    </p>
                    <div className="mt-auto flex items-end justify-between gap-2">
                      <PriceTag price={sku.price} />
                      <span className="flex flex-col items-end gap-1">
                        <StockLabel stock={sku.stock} />
                        <span className="rounded-full bg-orange-500 px-2.5 py-1 text-xs font-medium text-white">
                          {t('boughtBefore.again')}
                        </span>
                      </span>
                    </div>
                  </div>
                </Link>
              </li>
            );
          })}
        </ul>
      )}
    </main>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <ErrorView error={error} inline />;
}
