import { ErrorView } from '@wholesail/web/components/error-view';
import { useTranslation } from 'react-i18next';
import { data, Link, useNavigation } from 'react-router';
import { AddToCart } from '../components/ordering/add-to-cart';
import { addToCartAction } from '../components/ordering/mutate.server';
import { PriceTag } from '../components/price-tag';
import { ProductImage } from '../components/product-image';
import { StockLabel } from '../components/stock-label';
import { formatMoney, useLocalized } from '../lib/format';
import { PRODUCT_QUERY, type ProductData, type PromotionBadge, type VolumeTier } from '../lib/queries';
import { shopQuery } from '../lib/shop.server';
import type { Route } from './+types/product';

export async function loader({ request, params }: Route.LoaderArgs) {
  const search = new URL(request.url).searchParams;
  const skuId = search.get('sku');
  const unit = search.get('unit');
  const { data: result, errors } = await shopQuery<ProductData>(request, PRODUCT_QUERY, {
    id: params.id,
    skuId: skuId ?? '',
    unit,
    withSku: Boolean(skuId),
  });
  const product = result.product;
  // Off the shelf, a brand this store may not see, or no such product: all the same to the store.
  if (!product) throw data({ reason: 'notFound' }, { status: 404 });
  const sku = product.skus.find((s) => s.id === skuId) ?? product.skus[0];
  if (!sku) throw data({ reason: 'notFound' }, { status: 404 });
  const selectedUnit = sku.units.some((u) => u.name === unit) ? (unit as string) : sku.baseUnit;
  const chosen = result.selected && result.selected.id === sku.id ? result.selected : null;
  // An unknown ?unit= gets no price from the API: show the base unit's then.
  const price = chosen?.price ?? sku.price;
  const tiers = (chosen?.volumeTiers ?? sku.volumeTiers ?? []).filter((tier) => tier.unit === selectedUnit);
  return { product, skuId: sku.id, unit: selectedUnit, price, tiers, partial: errors.length > 0 };
}

/** 加入购物车 (see components/ordering/add-to-cart). */
export async function action({ request }: Route.ActionArgs) {
  const form = await request.formData();
  if (form.get('intent') !== 'addToCart') throw data({ reason: 'error' }, { status: 400 });
  return addToCartAction(request, form);
}

function mergePromotions(...lists: (PromotionBadge[] | null | undefined)[]): PromotionBadge[] {
  const byId = new Map<string, PromotionBadge>();
  for (const list of lists) for (const p of list ?? []) if (!byId.has(p.id)) byId.set(p.id, p);
  return [...byId.values()];
}

function Tiers({ tiers, baseUnit }: { tiers: VolumeTier[]; baseUnit: string }) {
  const { t } = useTranslation();
  if (tiers.length === 0) return null;
  return (
    <div data-testid="volume-tiers" className="mt-3 rounded-xl bg-emerald-50/60 p-3 ring-1 ring-emerald-100">
      <p className="mb-1.5 text-xs font-medium text-emerald-800">{t('product.tiers')}</p>
      <ul className="grid grid-cols-2 gap-2 sm:grid-cols-3">
        {tiers.map((tier) => (
          <li
            key={`${tier.unit}:${tier.minQuantity}`}
            data-testid="volume-tier"
            className="rounded-lg bg-white px-2.5 py-1.5 text-xs ring-1 ring-emerald-100"
          >
            <span className="block text-slate-500">
              {t('product.tierFrom', { count: tier.minQuantity, unit: baseUnit })}
            </span>
            <span className="font-semibold text-emerald-700">
              {formatMoney(tier.price)}
              <span className="font-normal text-slate-400">
                {t('product.unitSuffix', { unit: tier.unit })}
              </span>
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function optionClass(active: boolean): string {
  return `rounded-lg px-3 py-1.5 text-sm ring-1 ${
    active
      ? 'bg-orange-50 font-medium text-orange-700 ring-orange-400'
      : 'bg-white text-slate-700 ring-slate-200 hover:ring-slate-300'
  }`;
}

export default function ProductPage({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { name, pick } = useLocalized();
  const navigation = useNavigation();
  const { product, skuId, unit, price, tiers, partial } = loaderData;
  const sku = product.skus.find((s) => s.id === skuId) ?? product.skus[0];
  const title = name(product);
  const promotions = mergePromotions(product.promotions, sku?.promotions);
  const special = sku?.specialPrice;
  const images = product.images ?? [];
  const factor = sku?.units.find((u) => u.name === unit)?.factor ?? 1;
  const switching =
    navigation.state === 'loading' && navigation.location?.pathname === `/products/${product.id}`;

  return (
    <main className="mx-auto max-w-4xl pb-10 sm:px-4 sm:pt-4">
      <title>{`${title} - ${t('app.name')}`}</title>
      <div className="sm:grid sm:grid-cols-2 sm:gap-6">
        <div
          data-testid="product-images"
          className="flex snap-x snap-mandatory overflow-x-auto bg-white [scrollbar-width:none] sm:rounded-2xl"
        >
          {(images.length > 0 ? images : [undefined]).map((src, index) => (
            <div key={src ?? index} className="aspect-[4/3] w-full shrink-0 snap-center sm:aspect-square">
              <ProductImage src={src} name={title} className="object-contain" />
            </div>
          ))}
        </div>

        <div className="px-4 sm:px-0">
          <section className="-mx-4 bg-white px-4 pt-3 pb-4 sm:mx-0 sm:rounded-2xl sm:p-5 sm:ring-1 sm:ring-slate-200">
            <div
              data-testid="product-price"
              aria-busy={switching}
              className={switching ? 'opacity-60' : undefined}
            >
              <PriceTag price={price} size="lg" />
              {price && factor > 1 && (
                <p data-testid="price-per-base" className="mt-0.5 text-xs text-slate-500">
                  {t('product.perBase', {
                    price: formatMoney({
                      amount: (Number(price.amount) / factor).toFixed(2),
                      currency: price.currency,
                    }),
                    unit: sku?.baseUnit,
                    sale: unit,
                    factor,
                  })}
                </p>
              )}
            </div>
            {special?.flashSale && (
              <p className="mt-1 text-xs text-red-600">
                {t('product.flashSaleEnds', { date: new Date(special.endsAt).toLocaleString() })}
              </p>
            )}
            <h1 data-testid="product-name" className="mt-2 text-lg leading-snug font-semibold text-slate-900">
              {title}
            </h1>
            <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-500">
              {product.brand && (
                <Link
                  to={`/products?brand=${encodeURIComponent(product.brand.id)}`}
                  className="text-orange-600"
                >
                  {name(product.brand)}
                </Link>
              )}
              {product.category && (
                <Link to={`/products?category=${encodeURIComponent(product.category.id)}`}>
                  {name(product.category)}
                </Link>
              )}
              {(product.tags ?? []).map((tag) => (
                <span key={tag} className="rounded bg-slate-100 px-1.5 py-0.5 text-[11px] text-slate-600">
                  {t(`tag.${tag}`)}
                </span>
              ))}
            </p>
            {partial && <p className="mt-2 text-xs text-amber-700">{t('home.partial')}</p>}
          </section>

          {promotions.length > 0 && (
            <section
              data-testid="product-promotions"
              className="mt-2 rounded-2xl bg-white p-4 ring-1 ring-slate-200"
            >
              <h2 className="mb-2 text-sm font-medium text-slate-900">{t('product.promotions')}</h2>
              <ul className="space-y-1.5">
                {promotions.map((promotion) => (
                  <li key={promotion.id} className="flex items-center gap-2 text-sm">
                    <span
                      data-testid="promotion-badge"
                      className="shrink-0 rounded bg-red-500 px-1.5 py-0.5 text-[11px] font-medium text-white"
                    >
                      {pick(promotion.badge || promotion.title, promotion.badgeEn)}
                    </span>
                    <span className="min-w-0 truncate text-slate-700">
                      {pick(promotion.title, promotion.titleEn)}
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          )}

          <section className="mt-2 rounded-2xl bg-white p-4 ring-1 ring-slate-200">
            {product.skus.length > 1 && (
              <div className="mb-3">
                <h2 className="mb-2 text-sm font-medium text-slate-900">{t('product.spec')}</h2>
                <div data-testid="sku-options" className="flex flex-wrap gap-2">
                  {product.skus.map((option) => (
                    <Link
                      key={option.id}
                      to={`?sku=${encodeURIComponent(option.id)}`}
                      replace
                      preventScrollReset
                      data-testid="sku-option"
                      data-sku-id={option.id}
                      aria-current={option.id === sku?.id ? 'true' : undefined}
                      className={optionClass(option.id === sku?.id)}
                    >
                      {option.spec || option.code}
                      {option.price?.source === 'SPECIAL' && (
                        <span className="ml-1 rounded bg-red-500 px-1 text-[10px] text-white">
                          {t('priceSource.SPECIAL')}
                        </span>
                      )}
                    </Link>
                  ))}
                </div>
              </div>
            )}
            {sku && sku.units.length > 1 && (
              <div>
                <h2 className="mb-2 text-sm font-medium text-slate-900">{t('product.unit')}</h2>
                <div data-testid="unit-options" className="flex flex-wrap gap-2">
                  {sku.units.map((option) => (
                    <Link
                      key={option.name}
                      to={`?sku=${encodeURIComponent(sku.id)}&unit=${encodeURIComponent(option.name)}`}
                      replace
                      preventScrollReset
                      data-testid="unit-option"
                      data-unit={option.name}
                      aria-current={option.name === unit ? 'true' : undefined}
                      className={optionClass(option.name === unit)}
                    >
                      {option.name}
                      {option.factor > 1 && (
                        <span className="ml-1 text-xs text-slate-400">
                          {t('product.unitFactor', { factor: option.factor, unit: sku.baseUnit })}
                        </span>
                      )}
                    </Link>
                  ))}
                </div>
              </div>
            )}
            <Tiers tiers={tiers} baseUnit={sku?.baseUnit ?? ''} />
            <div className="mt-3 flex items-center justify-between text-sm">
              <span className="text-slate-500">{t('product.stockTitle')}</span>
              <StockLabel stock={sku?.stock} unit={sku?.baseUnit} />
            </div>
            {sku && <AddToCart skuId={sku.id} unit={unit} />}
          </section>

          <section
            data-testid="product-specs"
            className="mt-2 rounded-2xl bg-white p-4 text-sm ring-1 ring-slate-200"
          >
            <h2 className="mb-2 font-medium text-slate-900">{t('product.details')}</h2>
            <dl className="grid grid-cols-[6rem_1fr] gap-y-1.5 text-slate-700">
              <dt className="text-slate-400">{t('product.spec')}</dt>
              <dd>{sku?.spec || '-'}</dd>
              <dt className="text-slate-400">{t('product.code')}</dt>
              <dd>{sku?.code}</dd>
              {sku?.barcode && (
                <>
                  <dt className="text-slate-400">{t('product.barcode')}</dt>
                  <dd className="tabular-nums">{sku.barcode}</dd>
                </>
              )}
              <dt className="text-slate-400">{t('product.units')}</dt>
              <dd>
                {sku?.units
                  .map((u) => (u.factor > 1 ? `${u.name}=${u.factor}${sku.baseUnit}` : u.name))
                  .join(' · ')}
              </dd>
              {product.brand && (
                <>
                  <dt className="text-slate-400">{t('product.brand')}</dt>
                  <dd>{name(product.brand)}</dd>
                </>
              )}
            </dl>
            {product.description && <p className="mt-3 text-slate-600">{product.description}</p>}
          </section>
        </div>
      </div>
    </main>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <ErrorView error={error} inline />;
}
