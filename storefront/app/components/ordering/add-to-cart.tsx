import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useFetcher, useLocation } from 'react-router';
import { useShopViewer } from '../../lib/format';
import type { AddToCartResult } from './mutate.server';
import { QuantityStepper } from './quantity-stepper';

/**
 * 加入购物车 on the product page: a quantity in the unit chosen above, sent to the page's action
 * (`intent=addToCart`), with a confirmation linking to the cart or the API's refusal.
 */
export function AddToCart({ skuId, unit }: { skuId: string; unit: string }) {
  const { t } = useTranslation();
  const viewer = useShopViewer();
  const location = useLocation();
  const fetcher = useFetcher<AddToCartResult>();
  const [quantity, setQuantity] = useState('1');
  const result = fetcher.data?.intent === 'addToCart' ? fetcher.data : undefined;
  const busy = fetcher.state !== 'idle';
  // a confirmation is about the SKU and unit it was for; switching them starts over
  const current = result && result.skuId === skuId && result.unit === unit ? result : undefined;
  useEffect(() => {
    if (current && !current.ok) setQuantity(current.quantity);
  }, [current]);

  if (viewer.guest) {
    return (
      <Link
        to={`/login?redirectTo=${encodeURIComponent(location.pathname + location.search)}`}
        data-testid="add-to-cart-login"
        className="mt-4 block rounded-full bg-orange-500 py-2.5 text-center text-sm font-medium text-white"
      >
        {t('ordering.add.loginFirst')}
      </Link>
    );
  }

  const error = current && !current.ok ? current.error : undefined;
  return (
    <fetcher.Form method="post" className="mt-4" data-testid="add-to-cart">
      <input type="hidden" name="intent" value="addToCart" />
      <input type="hidden" name="skuId" value={skuId} />
      <input type="hidden" name="unit" value={unit} />
      <div className="flex items-center gap-3">
        <QuantityStepper
          name="quantity"
          value={quantity}
          onChange={setQuantity}
          unit={unit}
          testId="add-quantity"
          label={t('ordering.add.quantity')}
        />
        <button
          type="submit"
          disabled={busy}
          data-testid="add-to-cart-submit"
          className="flex-1 rounded-full bg-orange-500 py-2.5 text-sm font-medium text-white disabled:opacity-60"
        >
          {busy ? t('ordering.add.adding') : t('ordering.add.submit')}
        </button>
      </div>
      {current?.ok && !busy && (
        <p
          role="status"
          data-testid="add-to-cart-done"
          className="mt-2 flex items-center justify-between rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-700"
        >
          <span>{t('ordering.add.done', { quantity: current.quantity, unit: current.unit })}</span>
          <Link to="/cart" data-testid="go-to-cart" className="font-medium text-emerald-800 underline">
            {t('ordering.add.goToCart')}
          </Link>
        </p>
      )}
      {error && !busy && (
        <div
          role="alert"
          data-testid="add-to-cart-error"
          data-code={error.code}
          className="mt-2 rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700"
        >
          <p>
            {error.message ||
              t(`ordering.errors.${error.code}`, { defaultValue: t('ordering.errors.unexpected') })}
          </p>
          {error.problems
            .filter((p) => p.message && p.message !== error.message)
            .map((p) => (
              <p key={`${p.field}:${p.message}`} data-testid="add-to-cart-problem" data-field={p.field}>
                {p.message}
              </p>
            ))}
        </div>
      )}
    </fetcher.Form>
  );
}
