import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocalized } from '../lib/format';
import type { CardProduct } from '../lib/queries';
import { PriceTag } from './price-tag';
import { ProductImage } from './product-image';
import { PromotionBadges } from './promotion-badges';
import { StockLabel } from './stock-label';

/** The SKU a card shows: one on special if any (so the badge and the price agree), else the first priced. */
function cardSku(product: CardProduct) {
  return (
    product.skus.find((s) => s.price?.source === 'SPECIAL') ??
    product.skus.find((s) => s.price) ??
    product.skus[0]
  );
}

/** A product in a grid: picture, name, the viewer's price with its source, badges and stock. */
export function ProductCard({ product }: { product: CardProduct }) {
  const { t } = useTranslation();
  const { name } = useLocalized();
  const title = name(product);
  const sku = cardSku(product);
  return (
    <Link
      to={`/products/${encodeURIComponent(product.id)}`}
      data-testid="product-card"
      data-product-id={product.id}
      className="group flex flex-col overflow-hidden rounded-xl border border-slate-200 bg-white shadow-xs transition hover:shadow-md"
    >
      <div className="relative aspect-square bg-slate-100">
        <ProductImage src={product.images?.[0]} name={title} />
        {product.tags?.includes('NEW') && (
          <span className="absolute top-2 left-2 rounded bg-emerald-500 px-1.5 py-0.5 text-[10px] font-medium text-white">
            {t('tag.NEW')}
          </span>
        )}
      </div>
      <div className="flex flex-1 flex-col gap-1 p-2.5">
        <h3 className="line-clamp-2 min-h-[2.5rem] text-sm leading-5 font-medium text-slate-800">{title}</h3>
        <PromotionBadges promotions={product.promotions} max={2} />
        <div className="mt-auto pt-1">
          <PriceTag price={sku?.price} />
          <div className="mt-1 flex items-center justify-between gap-2">
            <StockLabel stock={sku?.stock} />
            {product.skus.length > 1 && (
              <span className="text-[11px] text-slate-400">
                {t('product.skuCount', { count: product.skus.length })}
              </span>
            )}
          </div>
        </div>
      </div>
    </Link>
  );
}

/** The same, as a row (home zones shown as a list, bought-before). */
export function ProductRow({ product }: { product: CardProduct }) {
  const { name } = useLocalized();
  const title = name(product);
  const sku = cardSku(product);
  return (
    <Link
      to={`/products/${encodeURIComponent(product.id)}`}
      data-testid="product-card"
      data-product-id={product.id}
      className="flex gap-3 rounded-xl border border-slate-200 bg-white p-2.5"
    >
      <div className="size-20 shrink-0 overflow-hidden rounded-lg bg-slate-100">
        <ProductImage src={product.images?.[0]} name={title} />
      </div>
      <div className="flex min-w-0 flex-1 flex-col gap-1">
        <h3 className="line-clamp-2 text-sm font-medium text-slate-800">{title}</h3>
        <PromotionBadges promotions={product.promotions} max={2} />
        <div className="mt-auto flex items-end justify-between gap-2">
          <PriceTag price={sku?.price} />
          <StockLabel stock={sku?.stock} />
        </div>
      </div>
    </Link>
  );
}
