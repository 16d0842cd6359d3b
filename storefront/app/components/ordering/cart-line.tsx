import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useFetcher } from 'react-router';
import { useLocalized } from '../../lib/format';
import type { CartLine, QuoteLine } from '../../lib/ordering-queries';
import type { PriceSource } from '../../lib/queries';
import { PriceSourceLabel } from '../price-tag';
import { ProductImage } from '../product-image';
import { money } from './format';
import type { FormError } from './mutate.server';
import { QuantityStepper } from './quantity-stepper';

const KNOWN_SOURCES = new Set([
  'CUSTOMER',
  'LAST_SALE',
  'LEVEL',
  'WHOLESALE',
  'SPECIAL',
  'RETAIL',
  'VOLUME_TIER',
]);

/** Where a line's price comes from, with the shop's labels (您的专属价, 等级价 · VIP, 特价, ...). */
export function LineSource({ source }: { source: string | null | undefined }) {
  const { t } = useTranslation();
  if (!source) return null;
  if (KNOWN_SOURCES.has(source)) return <PriceSourceLabel source={source as PriceSource} />;
  return (
    <span
      data-testid="price-source"
      data-source={source}
      className="inline-flex items-center rounded bg-slate-100 px-1.5 py-0.5 text-[11px] leading-none font-medium text-slate-600 ring-1 ring-slate-200 ring-inset"
    >
      {t(`ordering.priceSource.${source}`, { defaultValue: source })}
    </span>
  );
}

interface LineActionData {
  intent: string;
  lineId?: string;
  ok: boolean;
  error?: FormError;
}

/** One line of the cart: the SKU, its price now and source, a quantity stepper, remove. */
export function CartLineRow({ line, quote }: { line: CartLine; quote: QuoteLine | undefined }) {
  const { t } = useTranslation();
  const { name } = useLocalized();
  const fetcher = useFetcher<LineActionData>();
  const [quantity, setQuantity] = useState(String(line.quantity));
  useEffect(() => setQuantity(String(line.quantity)), [line.quantity]);
  const busy = fetcher.state !== 'idle';
  const removing = busy && fetcher.formData?.get('intent') === 'remove';
  const error = fetcher.data && !fetcher.data.ok ? fetcher.data.error : undefined;
  const update = (next: number) => {
    if (next === line.quantity) return;
    fetcher.submit({ intent: 'update', lineId: line.id, quantity: String(next) }, { method: 'post' });
  };
  const short = quote && quote.available !== null && quote.available < quote.baseQuantity;
  const title = name(line.sku.product);

  return (
    <li
      data-testid="cart-line"
      data-line-id={line.id}
      data-sku-id={line.sku.id}
      data-unit={line.unit}
      data-quantity={line.quantity}
      aria-busy={busy}
      className={`flex gap-3 bg-white p-3 ${removing ? 'opacity-40' : ''}`}
    >
      <Link
        to={`/products/${encodeURIComponent(line.sku.product.id)}?sku=${encodeURIComponent(line.sku.id)}`}
        className="size-16 shrink-0 overflow-hidden rounded-lg bg-slate-50"
      >
        <ProductImage src={line.sku.product.images[0]} name={title} className="object-cover" />
      </Link>
      <div className="min-w-0 flex-1">
        <div className="flex items-start justify-between gap-2">
          <div className="min-w-0">
            <p data-testid="cart-line-name" className="truncate text-sm font-medium text-slate-900">
              {title}
            </p>
            <p className="truncate text-xs text-slate-500">
              {[line.sku.spec, line.sku.code].filter(Boolean).join(' · ')}
            </p>
          </div>
          <fetcher.Form method="post">
            <input type="hidden" name="intent" value="remove" />
            <input type="hidden" name="lineId" value={line.id} />
            <button
              type="submit"
              data-testid="cart-line-remove"
              disabled={busy}
              className="text-xs text-slate-400 hover:text-red-600"
            >
              {t('ordering.cart.remove')}
            </button>
          </fetcher.Form>
        </div>
        <div className="mt-1 flex flex-wrap items-center gap-1.5 text-xs">
          {quote?.unitPrice ? (
            <span data-testid="cart-line-price" data-amount={quote.unitPrice.amount} className="text-red-600">
              {money(quote.unitPrice)}
              <span className="text-slate-400">{t('product.unitSuffix', { unit: line.unit })}</span>
            </span>
          ) : (
            <span className="text-slate-400">{t('product.noPrice')}</span>
          )}
          <LineSource source={quote?.priceSource} />
          {quote?.isGift && (
            <span className="rounded bg-red-500 px-1 text-[10px] text-white">{t('ordering.cart.gift')}</span>
          )}
        </div>
        <div className="mt-2 flex items-center justify-between gap-2">
          <QuantityStepper
            name="quantity"
            value={quantity}
            onChange={setQuantity}
            onCommit={update}
            unit={line.unit}
            testId="cart-line-quantity"
            label={t('ordering.add.quantity')}
            min={0}
            disabled={removing}
          />
          <span
            data-testid="cart-line-amount"
            data-amount={quote?.amount.amount}
            className="text-sm font-semibold text-slate-900 tabular-nums"
          >
            {quote ? money(quote.amount) : '-'}
          </span>
        </div>
        {short && quote && (
          <p data-testid="cart-line-short" className="mt-1 text-xs text-amber-700">
            {t('ordering.cart.lineShort', {
              available: quote.available,
              requested: quote.baseQuantity,
              unit: line.sku.baseUnit,
            })}
          </p>
        )}
        {error && (
          <p role="alert" data-testid="cart-line-error" className="mt-1 text-xs text-red-600">
            {error.problems[0]?.message ||
              error.message ||
              t(`ordering.errors.${error.code}`, { defaultValue: t('ordering.errors.unexpected') })}
          </p>
        )}
      </div>
    </li>
  );
}
