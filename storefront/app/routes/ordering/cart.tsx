import { ErrorView } from '@wholesail/web/components/error-view';
import { useTranslation } from 'react-i18next';
import { data, Form, Link, redirect, useNavigation } from 'react-router';
import { CartLineRow } from '../../components/ordering/cart-line';
import { money } from '../../components/ordering/format';
import {
  type FormError,
  intOf,
  storeMutate,
  storeRequest,
  str,
} from '../../components/ordering/mutate.server';
import { ProblemList, RefusalText, useProblemTitle } from '../../components/ordering/problems';
import {
  type AppliedPromotion,
  CART_QUERY,
  type CartData,
  CLEAR_CART_MUTATION,
  PLACE_ORDER_MUTATION,
  type PlaceOrderRefusal,
  type PlaceOrderResult,
  type QuoteCoupon,
  type QuoteLine,
  REMOVE_CART_LINE_MUTATION,
  UPDATE_CART_LINE_MUTATION,
  type ValidationErrorShape,
} from '../../lib/ordering-queries';
import { session } from '../../lib/session.server';
import { shopQuery } from '../../lib/shop.server';
import type { Route } from './+types/cart';

export async function loader({ request }: Route.LoaderArgs) {
  await session.requireAuth(request);
  const search = new URL(request.url).searchParams;
  const coupon = search.get('coupon')?.trim() ?? '';
  const { data: result, errors } = await shopQuery<CartData>(request, CART_QUERY, {
    couponCode: coupon || null,
  });
  return {
    coupon,
    cart: result.cart,
    quote: result.quote,
    partial: errors.length > 0,
    // One key per submit intent: a new one with every fresh look at the cart, the same one when
    // the action hands it back to retry a submit whose answer never came.
    idempotencyKey: crypto.randomUUID(),
    reordered: search.get('reordered'),
  };
}

type ActionResult =
  | { intent: 'update' | 'remove' | 'clear'; lineId?: string; ok: boolean; error?: FormError }
  | {
      intent: 'place';
      ok: false;
      refusal?: PlaceOrderRefusal;
      error?: FormError;
      /** The key to send again (same submit, no answer), with the total it was for. */
      retryKey?: string;
      expectedTotal: string;
      /** A new key for confirming a changed total (a new submit). */
      confirmKey?: string;
    };

export async function action({ request }: Route.ActionArgs): Promise<ActionResult> {
  const form = await request.formData();
  const intent = str(form, 'intent');
  if (intent === 'update') {
    const lineId = str(form, 'lineId');
    const quantity = intOf(form.get('quantity'));
    if (!Number.isInteger(quantity) || quantity < 0) {
      return {
        intent,
        lineId,
        ok: false,
        error: { message: '', code: 'quantity', problems: [] },
      };
    }
    const outcome = await storeMutate(
      request,
      UPDATE_CART_LINE_MUTATION,
      { input: { lineId, quantity } },
      'updateCartLine',
    );
    return outcome.ok ? { intent, lineId, ok: true } : { intent, lineId, ok: false, error: outcome.error };
  }
  if (intent === 'remove') {
    const lineId = str(form, 'lineId');
    const outcome = await storeRequest(request, REMOVE_CART_LINE_MUTATION, { lineId }, 'removeCartLine');
    return outcome.ok ? { intent, lineId, ok: true } : { intent, lineId, ok: false, error: outcome.error };
  }
  if (intent === 'clear') {
    const outcome = await storeRequest(request, CLEAR_CART_MUTATION, {}, 'clearCart');
    return outcome.ok ? { intent, ok: true } : { intent, ok: false, error: outcome.error };
  }
  if (intent === 'place') {
    const idempotencyKey = str(form, 'idempotencyKey');
    const expectedTotal = str(form, 'expectedTotal');
    const couponCode = str(form, 'couponCode').trim();
    const outcome = await storeRequest<PlaceOrderResult | ValidationErrorShape>(
      request,
      PLACE_ORDER_MUTATION,
      { input: { idempotencyKey, expectedTotal, ...(couponCode ? { couponCode } : {}) } },
      'placeOrder',
    );
    if (!outcome.ok) {
      // No answer: the order may or may not be placed; the same key again is safe (never twice).
      return { intent, ok: false, error: outcome.error, retryKey: idempotencyKey, expectedTotal };
    }
    const answer = outcome.data;
    if (answer.__typename === 'ValidationError' && 'problems' in answer) {
      return {
        intent,
        ok: false,
        error: { message: answer.message, code: answer.code, problems: answer.problems },
        expectedTotal,
      };
    }
    // placeOrder answers its union directly: the order, a refusal, or a ValidationError
    const result = answer as PlaceOrderResult;
    if (result.__typename === 'PlaceOrderSuccess') {
      throw redirect(`/orders/${encodeURIComponent(result.order.id)}?placed=1`);
    }
    return {
      intent,
      ok: false,
      refusal: result,
      expectedTotal,
      confirmKey: result.__typename === 'PriceChanged' ? crypto.randomUUID() : undefined,
    };
  }
  throw data({ reason: 'error' }, { status: 400 });
}

function lineKey(skuId: string, unit: string): string {
  return `${skuId}\u0000${unit}`;
}

function SubmitForm({
  idempotencyKey,
  expectedTotal,
  couponCode,
  disabled,
  label,
  testId,
}: {
  idempotencyKey: string;
  expectedTotal: string;
  couponCode: string;
  disabled: boolean;
  label: string;
  testId: string;
}) {
  return (
    <Form method="post" className="contents">
      <input type="hidden" name="intent" value="place" />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} data-testid={`${testId}-key`} />
      <input type="hidden" name="expectedTotal" value={expectedTotal} />
      <input type="hidden" name="couponCode" value={couponCode} />
      <button
        type="submit"
        disabled={disabled}
        data-testid={testId}
        className="shrink-0 rounded-full bg-orange-500 px-6 py-2.5 text-sm font-medium text-white disabled:bg-slate-300"
      >
        {label}
      </button>
    </Form>
  );
}

function PromotionRow({ promotion }: { promotion: AppliedPromotion }) {
  return (
    <>
      <dt className="truncate text-slate-500" data-testid="cart-promotion">
        {promotion.title}
      </dt>
      <dd className="text-right text-red-600 tabular-nums" data-amount={promotion.discount.amount}>
        -{money(promotion.discount)}
      </dd>
    </>
  );
}

/** The coupon code (优惠券): a GET form, so the code stays in `?coupon=` and the loader quotes with it. */
function CouponField({ coupon, quoted }: { coupon: string; quoted: QuoteCoupon | null }) {
  const { t } = useTranslation();
  return (
    <section className="mx-4 mt-3 rounded-2xl bg-white p-4 text-sm ring-1 ring-slate-200 sm:mx-0">
      <Form method="get" className="flex items-end gap-2">
        <label className="min-w-0 flex-1 text-xs text-slate-500">
          {t('ordering.coupon.label')}
          <input
            name="coupon"
            defaultValue={coupon}
            key={coupon}
            data-testid="coupon-code"
            autoComplete="off"
            placeholder={t('ordering.coupon.placeholder')}
            aria-invalid={quoted ? !quoted.ok : undefined}
            className="mt-1 block w-full rounded-lg border border-slate-300 px-3 py-2 text-sm text-slate-900 uppercase"
          />
        </label>
        <button
          type="submit"
          data-testid="coupon-apply"
          className="shrink-0 rounded-full border border-orange-500 px-4 py-2 text-sm text-orange-600"
        >
          {t('ordering.coupon.apply')}
        </button>
      </Form>
      {quoted && (
        <p
          data-testid="coupon-status"
          data-ok={quoted.ok}
          data-code={quoted.code}
          className={`mt-2 text-xs ${quoted.ok ? 'text-emerald-700' : 'text-red-700'}`}
        >
          {quoted.ok
            ? t('ordering.coupon.ok', { code: quoted.code, discount: money(quoted.discount) })
            : t('ordering.coupon.refused', {
                code: quoted.code,
                reason: quoted.reason || t('ordering.coupon.unavailable'),
              })}
        </p>
      )}
    </section>
  );
}

export default function CartPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const problemTitle = useProblemTitle();
  const { cart, quote, partial, reordered, coupon } = loaderData;
  const submitting = navigation.state !== 'idle' && navigation.formData?.get('intent') === 'place';
  const placed = actionData?.intent === 'place' ? actionData : undefined;
  const quoteLines = new Map<string, QuoteLine>();
  for (const line of quote?.lines ?? []) quoteLines.set(lineKey(line.sku.id, line.unit), line);
  const total = quote?.total.amount ?? '';
  // retry a submit that got no answer with its own key, as long as it is for the same total
  const idempotencyKey =
    placed?.retryKey && placed.expectedTotal === total ? placed.retryKey : loaderData.idempotencyKey;
  const problems = (quote?.problems ?? []).filter(
    (p) => !(cart.lines.length === 0 && p.__typename === 'EmptyOrder'),
  );
  const canPlace = Boolean(quote?.canPlace) && cart.lines.length > 0;
  const blocked = !canPlace;
  const blockedReason =
    cart.lines.length === 0
      ? t('ordering.cart.emptyReason')
      : !quote
        ? t('ordering.cart.noQuote')
        : problems.map((p) => problemTitle(p)).join('、') || t('ordering.cart.noQuote');
  const refusal = placed?.refusal;
  const placeError = placed?.error;

  return (
    <main className="mx-auto max-w-3xl pb-32 sm:px-4 sm:pt-4 md:pb-10">
      <title>{`${t('ordering.cart.title')} - ${t('app.name')}`}</title>
      <div className="flex items-center justify-between px-4 pt-3 pb-2 sm:px-0">
        <h1 className="text-lg font-semibold text-slate-900">
          {t('ordering.cart.title')}
          <span data-testid="cart-count" className="ml-1 text-sm font-normal text-slate-500">
            {t('ordering.cart.count', { count: cart.lines.length })}
          </span>
        </h1>
        {cart.lines.length > 0 && (
          <Form method="post">
            <input type="hidden" name="intent" value="clear" />
            <button type="submit" data-testid="cart-clear" className="text-xs text-slate-500">
              {t('ordering.cart.clear')}
            </button>
          </Form>
        )}
      </div>

      {reordered && (
        <p
          role="status"
          data-testid="reordered-notice"
          className="mx-4 mb-2 rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-700 sm:mx-0"
        >
          {t('ordering.cart.reordered', { count: Number(reordered) || 0 })}
        </p>
      )}
      {partial && <p className="mx-4 mb-2 text-xs text-amber-700 sm:mx-0">{t('home.partial')}</p>}

      {cart.lines.length === 0 ? (
        <div data-testid="cart-empty" className="mx-4 rounded-2xl bg-white p-8 text-center sm:mx-0">
          <p className="text-sm text-slate-500">{t('ordering.cart.empty')}</p>
          <Link
            to="/products"
            className="mt-4 inline-block rounded-full bg-orange-500 px-5 py-2 text-sm font-medium text-white"
          >
            {t('ordering.cart.browse')}
          </Link>
        </div>
      ) : (
        <ul className="divide-y divide-slate-100 overflow-hidden sm:rounded-2xl sm:ring-1 sm:ring-slate-200">
          {cart.lines.map((line) => (
            <CartLineRow key={line.id} line={line} quote={quoteLines.get(lineKey(line.sku.id, line.unit))} />
          ))}
        </ul>
      )}

      {problems.length > 0 && (
        <section className="mx-4 mt-3 sm:mx-0">
          <ProblemList problems={problems} testId="quote-problems" />
        </section>
      )}

      {refusal && (
        <section
          role="alert"
          data-testid="place-refusal"
          data-kind={refusal.__typename}
          className="mx-4 mt-3 rounded-xl bg-red-50 px-3 py-2.5 text-sm text-red-800 ring-1 ring-red-200 sm:mx-0"
        >
          <p className="font-medium">{t(`ordering.refusal.${refusal.__typename}.title`)}</p>
          <div className="mt-0.5">
            <RefusalText refusal={refusal} />
          </div>
          {refusal.__typename === 'PriceChanged' && placed?.confirmKey && (
            <div className="mt-2 flex items-center justify-between gap-3">
              <span data-testid="new-total" data-amount={refusal.total.amount} className="font-semibold">
                {t('ordering.refusal.PriceChanged.newTotal', { total: money(refusal.total) })}
              </span>
              <SubmitForm
                idempotencyKey={placed.confirmKey}
                expectedTotal={refusal.total.amount}
                couponCode={coupon}
                disabled={submitting}
                label={t('ordering.refusal.PriceChanged.confirm')}
                testId="confirm-new-total"
              />
            </div>
          )}
        </section>
      )}
      {placeError && (
        <p
          role="alert"
          data-testid="place-error"
          data-code={placeError.code}
          className="mx-4 mt-3 rounded-xl bg-red-50 px-3 py-2.5 text-sm text-red-700 sm:mx-0"
        >
          {placed?.retryKey
            ? t('ordering.cart.placeFailed')
            : placeError.message ||
              t(`ordering.errors.${placeError.code}`, { defaultValue: t('ordering.errors.unexpected') })}
        </p>
      )}

      {cart.lines.length > 0 && <CouponField coupon={coupon} quoted={quote?.coupon ?? null} />}

      {cart.lines.length > 0 && (
        <section
          data-testid="cart-totals"
          className="mx-4 mt-3 rounded-2xl bg-white p-4 text-sm ring-1 ring-slate-200 sm:mx-0"
        >
          <dl className="grid grid-cols-[1fr_auto] gap-y-1.5">
            <dt className="text-slate-500">{t('ordering.cart.subtotal')}</dt>
            <dd data-testid="cart-subtotal" className="text-right tabular-nums">
              {quote ? money(quote.subtotal) : '-'}
            </dd>
            {quote?.promotions.map((promotion) => (
              <PromotionRow key={promotion.promotionId} promotion={promotion} />
            ))}
            {quote?.coupon?.ok && (
              <>
                <dt className="text-slate-500">
                  {t('ordering.coupon.applied', { code: quote.coupon.code })}
                </dt>
                <dd
                  data-testid="cart-coupon-discount"
                  data-amount={quote.coupon.discount.amount}
                  className="text-right text-red-600 tabular-nums"
                >
                  -{money(quote.coupon.discount)}
                </dd>
              </>
            )}
            {quote && quote.discount.minor !== '0' && (
              <>
                <dt className="text-slate-500">{t('ordering.cart.discount')}</dt>
                <dd
                  data-testid="cart-discount"
                  data-amount={quote.discount.amount}
                  className="text-right text-red-600 tabular-nums"
                >
                  -{money(quote.discount)}
                </dd>
              </>
            )}
            <dt className="font-medium text-slate-900">{t('ordering.cart.total')}</dt>
            <dd className="text-right text-base font-semibold text-red-600 tabular-nums">
              {quote ? money(quote.total) : '-'}
            </dd>
          </dl>
        </section>
      )}

      <div className="fixed inset-x-0 bottom-[calc(4rem+env(safe-area-inset-bottom))] z-10 border-t border-slate-200 bg-white/95 backdrop-blur md:static md:mx-auto md:mt-3 md:max-w-3xl md:rounded-2xl md:border md:bg-white">
        <div className="mx-auto flex max-w-3xl items-center gap-3 px-4 py-2.5">
          <div className="min-w-0 flex-1">
            <p className="text-xs text-slate-500">{t('ordering.cart.total')}</p>
            <p
              data-testid="cart-total"
              data-amount={total}
              className="text-lg leading-tight font-semibold text-red-600 tabular-nums"
            >
              {quote ? money(quote.total) : '-'}
            </p>
            {blocked && (
              <p data-testid="place-blocked" className="truncate text-xs text-amber-700">
                {t('ordering.cart.blocked', { reason: blockedReason })}
              </p>
            )}
          </div>
          <SubmitForm
            idempotencyKey={idempotencyKey}
            expectedTotal={total}
            couponCode={coupon}
            disabled={blocked || submitting}
            label={submitting ? t('ordering.cart.placing') : t('ordering.cart.place')}
            testId="place-order"
          />
        </div>
      </div>
    </main>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <ErrorView error={error} inline />;
}
