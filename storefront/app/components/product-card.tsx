import { useTranslation } from 'react-i18next';
import type { Product, Sku, StockLevel } from '../lib/queries';

function currencySymbol(currency: string): string {
  return currency === 'CNY' ? '¥' : `${currency} `;
}

const STOCK_LEVEL_LABEL = {
  IN_STOCK: 'product.inStock',
  LOW: 'product.lowStock',
  OUT: 'product.outOfStock',
} as const satisfies Record<StockLevel, string>;

const STOCK_LEVEL_COLOR: Record<StockLevel, string> = {
  IN_STOCK: 'text-emerald-600',
  LOW: 'text-amber-600',
  OUT: 'text-slate-400',
};

function StockLabel({ stock }: { stock: Sku['stock'] }) {
  const { t } = useTranslation();
  if (!stock) return null;
  const { available, level } = stock;
  // available is null when the distributor shows customers only the level (in stock / low / out).
  const label =
    available === null
      ? t(STOCK_LEVEL_LABEL[level] ?? 'product.inStock')
      : available > 0
        ? t('product.stock', { count: available })
        : t('product.outOfStock');
  const color =
    available === null
      ? (STOCK_LEVEL_COLOR[level] ?? 'text-emerald-600')
      : available > 0
        ? 'text-emerald-600'
        : 'text-slate-400';
  return (
    <span data-testid="stock" data-level={level} className={`text-xs ${color}`}>
      {label}
    </span>
  );
}

export function ProductCard({ product }: { product: Product }) {
  const { t, i18n } = useTranslation();
  const name = i18n.language === 'en' && product.nameEn ? product.nameEn : product.name;
  const image = product.images?.[0];
  const sku = product.skus.find((s) => s.price) ?? product.skus[0];
  const promotions = product.promotions ?? [];

  return (
    <article
      data-testid="product-card"
      data-product-id={product.id}
      className="group flex flex-col overflow-hidden rounded-xl border border-slate-200 bg-white shadow-xs transition hover:shadow-md"
    >
      <div className="relative aspect-square bg-slate-100">
        {image ? (
          <img src={image} alt={name} loading="lazy" className="size-full object-cover" />
        ) : (
          <div className="flex size-full flex-col items-center justify-center gap-1 text-slate-300">
            <span className="text-3xl font-semibold">{name.slice(0, 1)}</span>
            <span className="text-[11px]">{t('product.noImage')}</span>
          </div>
        )}
        {promotions.length > 0 && (
          <div className="absolute top-2 left-2 flex flex-wrap gap-1">
            {promotions.slice(0, 2).map((promotion) => (
              <span
                key={promotion.id}
                data-testid="promotion-badge"
                title={promotion.title}
                className="rounded bg-red-500 px-1.5 py-0.5 text-[11px] font-medium text-white shadow-sm"
              >
                {promotion.badge || promotion.title}
              </span>
            ))}
          </div>
        )}
      </div>

      <div className="flex flex-1 flex-col gap-1 p-3">
        {product.brand && <p className="truncate text-xs text-slate-400">{product.brand.name}</p>}
        <h3 className="line-clamp-2 min-h-[2.5rem] text-sm leading-5 font-medium text-slate-800">{name}</h3>

        <div className="mt-auto pt-2">
          {sku?.price ? (
            <div className="flex flex-wrap items-baseline gap-x-1.5 gap-y-1">
              <span data-testid="price" className="font-semibold text-red-600">
                <span className="text-xs">{currencySymbol(sku.price.currency)}</span>
                <span className="text-lg">{sku.price.amount}</span>
                <span className="text-xs font-normal text-slate-400">
                  {t('product.unitSuffix', { unit: sku.baseUnit })}
                </span>
              </span>
              <span
                data-testid="price-source"
                data-source={sku.price.source}
                className={`rounded px-1.5 py-0.5 text-[11px] leading-none font-medium ${
                  sku.price.source === 'SPECIAL'
                    ? 'bg-red-50 text-red-600'
                    : sku.price.source === 'CUSTOMER'
                      ? 'bg-orange-50 text-orange-700'
                      : 'bg-slate-100 text-slate-600'
                }`}
              >
                {t(`priceSource.${sku.price.source}`)}
              </span>
            </div>
          ) : (
            <span data-testid="price" className="text-sm text-slate-400">
              {t('product.noPrice')}
            </span>
          )}
          <div className="mt-1 flex items-center justify-between gap-2">
            <StockLabel stock={sku?.stock ?? null} />
            {product.skus.length > 1 && (
              <span className="text-xs text-slate-400">
                {t('product.skuCount', { count: product.skus.length })}
              </span>
            )}
          </div>
        </div>
      </div>
    </article>
  );
}
