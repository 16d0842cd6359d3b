import { ErrorView } from '@wholesail/web/components/error-view';
import { useTranslation } from 'react-i18next';
import { data, Form, Link, redirect, useNavigation } from 'react-router';
import { LineSource } from '../../components/ordering/cart-line';
import { money, useChinaTime } from '../../components/ordering/format';
import { type FormError, storeMutate, str } from '../../components/ordering/mutate.server';
import { StatusBadge } from '../../components/ordering/status-badge';
import { ProductImage } from '../../components/product-image';
import { useLocalized } from '../../lib/format';
import {
  ADD_TO_CART_MUTATION,
  CANCEL_ORDER_MUTATION,
  ORDER_QUERY,
  type OrderData,
} from '../../lib/ordering-queries';
import { session } from '../../lib/session.server';
import { shopQuery } from '../../lib/shop.server';
import type { Route } from './+types/order';

export async function loader({ request, params }: Route.LoaderArgs) {
  await session.requireAuth(request);
  const { data: result, errors } = await shopQuery<OrderData>(request, ORDER_QUERY, { id: params.id });
  // Another store's order or no such order: all the same to this store.
  if (!result.order) throw data({ reason: 'notFound' }, { status: 404 });
  const placed = new URL(request.url).searchParams.get('placed') === '1';
  return { order: result.order, placed, partial: errors.length > 0 };
}

type ActionResult =
  | { intent: 'cancel'; ok: boolean; reason: string; error?: FormError }
  | { intent: 'reorder'; ok: false; added: number; failed: { lineId: string; message: string }[] };

export async function action({ request, params }: Route.ActionArgs): Promise<ActionResult> {
  const form = await request.formData();
  const intent = str(form, 'intent');
  if (intent === 'cancel') {
    const reason = str(form, 'reason').trim();
    if (!reason) {
      return {
        intent,
        ok: false,
        reason,
        error: { message: '', code: 'reasonRequired', problems: [{ field: 'reason', message: '' }] },
      };
    }
    const outcome = await storeMutate(
      request,
      CANCEL_ORDER_MUTATION,
      { id: params.id, reason },
      'cancelOrder',
    );
    return outcome.ok ? { intent, ok: true, reason } : { intent, ok: false, reason, error: outcome.error };
  }
  if (intent === 'reorder') {
    // The order's lines as they are now (gifts come with promotions, not from the store).
    const { data: result } = await shopQuery<OrderData>(request, ORDER_QUERY, { id: params.id });
    if (!result.order) throw data({ reason: 'notFound' }, { status: 404 });
    let added = 0;
    const failed: { lineId: string; message: string }[] = [];
    for (const line of result.order.lines) {
      if (line.isGift || !line.sku) continue;
      const outcome = await storeMutate(
        request,
        ADD_TO_CART_MUTATION,
        { input: { skuId: line.sku.id, quantity: line.quantity, unit: line.unit } },
        'addToCart',
      );
      if (outcome.ok) added += 1;
      else
        failed.push({
          lineId: line.id,
          message: outcome.error.problems[0]?.message || outcome.error.message || outcome.error.code,
        });
    }
    if (failed.length === 0) throw redirect(`/cart?reordered=${added}`);
    return { intent, ok: false, added, failed };
  }
  throw data({ reason: 'error' }, { status: 400 });
}

export default function OrderPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { name } = useLocalized();
  const { dateTime } = useChinaTime();
  const navigation = useNavigation();
  const { order, placed, partial } = loaderData;
  const busy = navigation.state !== 'idle' && navigation.formMethod?.toUpperCase() === 'POST';
  const cancel = actionData?.intent === 'cancel' ? actionData : undefined;
  const reorder = actionData?.intent === 'reorder' ? actionData : undefined;
  const failedLines = new Map((reorder?.failed ?? []).map((f) => [f.lineId, f.message]));
  const goods = order.lines.filter((line) => !line.isGift);

  return (
    <main className="mx-auto max-w-3xl pb-10 sm:px-4 sm:pt-4">
      <title>{`${t('ordering.order.title', { number: order.number })} - ${t('app.name')}`}</title>
      <div className="px-4 pt-3 pb-2 sm:px-0">
        <Link to="/orders" className="text-xs text-slate-500">
          {t('ordering.order.back')}
        </Link>
      </div>

      {placed && (order.status === 'SUBMITTED' || order.status === 'APPROVED') && (
        <p
          role="status"
          data-testid="order-placed"
          className="mx-4 mb-2 rounded-xl bg-emerald-50 px-3 py-2.5 text-sm text-emerald-700 ring-1 ring-emerald-200 sm:mx-0"
        >
          {t(order.status === 'APPROVED' ? 'ordering.order.placedApproved' : 'ordering.order.placed', {
            number: order.number,
          })}
        </p>
      )}
      {partial && <p className="mx-4 mb-2 text-xs text-amber-700 sm:mx-0">{t('home.partial')}</p>}

      <section className="mx-4 rounded-2xl bg-white p-4 ring-1 ring-slate-200 sm:mx-0">
        <div className="flex items-center justify-between gap-2">
          <h1 data-testid="order-number" className="text-base font-semibold text-slate-900 tabular-nums">
            {order.number}
          </h1>
          <StatusBadge status={order.status} />
        </div>
        <dl className="mt-2 grid grid-cols-[5rem_1fr] gap-y-1 text-xs text-slate-600">
          <dt className="text-slate-400">{t('ordering.order.createdAt')}</dt>
          <dd>{dateTime(order.createdAt)}</dd>
          {order.rush && (
            <>
              <dt className="text-slate-400">{t('ordering.order.rush')}</dt>
              <dd className="text-red-600">{t('ordering.order.rushYes')}</dd>
            </>
          )}
          {order.note && (
            <>
              <dt className="text-slate-400">{t('ordering.order.note')}</dt>
              <dd>{order.note}</dd>
            </>
          )}
        </dl>
      </section>

      <section className="mx-4 mt-2 overflow-hidden rounded-2xl bg-white ring-1 ring-slate-200 sm:mx-0">
        <h2 className="px-4 pt-3 text-sm font-medium text-slate-900">{t('ordering.order.lines')}</h2>
        <ul className="divide-y divide-slate-100">
          {order.lines.map((line) => {
            const title = line.sku ? name(line.sku.product) : t('ordering.order.unknownSku');
            return (
              <li
                key={line.id}
                data-testid="order-line"
                data-sku-id={line.sku?.id}
                data-unit={line.unit}
                data-quantity={line.quantity}
                className="flex gap-3 px-4 py-3"
              >
                <div className="size-12 shrink-0 overflow-hidden rounded-lg bg-slate-50">
                  <ProductImage src={line.sku?.product.images[0]} name={title} className="object-cover" />
                </div>
                <div className="min-w-0 flex-1">
                  <p className="truncate text-sm text-slate-900">
                    {title}
                    {line.isGift && (
                      <span className="ml-1 rounded bg-red-500 px-1 text-[10px] text-white">
                        {t('ordering.cart.gift')}
                      </span>
                    )}
                  </p>
                  <p className="truncate text-xs text-slate-500">
                    {[line.sku?.spec, line.sku?.code].filter(Boolean).join(' · ')}
                  </p>
                  <div className="mt-1 flex flex-wrap items-center gap-1.5 text-xs text-slate-600">
                    <span>
                      {money(line.unitPrice)}
                      {t('product.unitSuffix', { unit: line.unit })} × {line.quantity}
                      {line.unit}
                    </span>
                    <LineSource source={line.priceSource} />
                  </div>
                  {failedLines.has(line.id) && (
                    <p data-testid="reorder-line-error" className="mt-1 text-xs text-red-600">
                      {failedLines.get(line.id)}
                    </p>
                  )}
                </div>
                <span
                  data-testid="order-line-amount"
                  className="shrink-0 text-sm font-medium text-slate-900 tabular-nums"
                >
                  {money(line.amount)}
                </span>
              </li>
            );
          })}
        </ul>
        <div className="flex items-center justify-between border-t border-slate-100 px-4 py-3">
          <span className="text-sm text-slate-500">
            {t('ordering.order.lineCount', { count: order.lines.length })}
          </span>
          <span className="text-sm">
            {t('ordering.cart.total')}{' '}
            <span
              data-testid="order-total"
              data-amount={order.total.amount}
              className="text-base font-semibold text-red-600 tabular-nums"
            >
              {money(order.total)}
            </span>
          </span>
        </div>
      </section>

      <section className="mx-4 mt-2 rounded-2xl bg-white p-4 ring-1 ring-slate-200 sm:mx-0">
        <h2 className="mb-2 text-sm font-medium text-slate-900">{t('ordering.order.timeline')}</h2>
        <ol data-testid="order-timeline" className="space-y-3 border-l border-slate-200 pl-4">
          {[...order.timeline].reverse().map((event) => (
            <li
              key={event.id}
              data-testid="timeline-event"
              data-type={event.type}
              className="relative text-sm"
            >
              <span className="absolute top-1.5 -left-[1.3rem] size-2 rounded-full bg-orange-400" />
              <div className="flex flex-wrap items-center gap-2">
                <span className="font-medium text-slate-800">
                  {t(`ordering.event.${event.type}`, { defaultValue: event.type })}
                </span>
                {event.toStatus && <StatusBadge status={event.toStatus} testId="timeline-status" />}
              </div>
              <p className="text-xs text-slate-400">
                {dateTime(event.createdAt)}
                {' · '}
                {t(`ordering.actor.${event.actorKind}`, { defaultValue: event.actorKind })}
              </p>
              {event.note && (
                <p data-testid="timeline-note" className="mt-0.5 text-xs text-slate-600">
                  {event.note}
                </p>
              )}
            </li>
          ))}
        </ol>
      </section>

      <section className="mx-4 mt-2 space-y-2 sm:mx-0">
        {goods.length > 0 && (
          <Form method="post">
            <input type="hidden" name="intent" value="reorder" />
            <button
              type="submit"
              disabled={busy}
              data-testid="reorder"
              className="w-full rounded-full bg-orange-500 py-2.5 text-sm font-medium text-white disabled:opacity-60"
            >
              {t('ordering.order.reorder')}
            </button>
          </Form>
        )}
        {reorder && (
          <p role="alert" data-testid="reorder-result" className="text-sm text-amber-700">
            {t('ordering.order.reorderPartial', { added: reorder.added, failed: reorder.failed.length })}{' '}
            <Link to="/cart" className="text-orange-600 underline">
              {t('ordering.add.goToCart')}
            </Link>
          </p>
        )}

        {order.status === 'SUBMITTED' && (
          <details
            data-testid="cancel-panel"
            open={cancel ? !cancel.ok : undefined}
            className="rounded-2xl bg-white p-4 ring-1 ring-slate-200"
          >
            <summary data-testid="cancel-open" className="cursor-pointer text-sm text-slate-600">
              {t('ordering.order.cancel')}
            </summary>
            <Form method="post" className="mt-3 space-y-2">
              <input type="hidden" name="intent" value="cancel" />
              <label className="block text-xs text-slate-500" htmlFor="cancel-reason">
                {t('ordering.order.cancelReason')}
              </label>
              <textarea
                id="cancel-reason"
                name="reason"
                rows={2}
                maxLength={200}
                defaultValue={cancel?.reason}
                data-testid="cancel-reason"
                placeholder={t('ordering.order.cancelPlaceholder')}
                aria-invalid={cancel?.error ? true : undefined}
                className="w-full rounded-lg px-3 py-2 text-sm ring-1 ring-slate-300 outline-none focus:ring-orange-400"
              />
              {cancel?.error && (
                <p
                  role="alert"
                  data-testid="cancel-error"
                  data-code={cancel.error.code}
                  className="text-xs text-red-600"
                >
                  {cancel.error.problems[0]?.message ||
                    cancel.error.message ||
                    t(`ordering.errors.${cancel.error.code}`, {
                      defaultValue: t('ordering.errors.unexpected'),
                    })}
                </p>
              )}
              <button
                type="submit"
                disabled={busy}
                data-testid="cancel-submit"
                className="w-full rounded-full py-2.5 text-sm font-medium text-red-600 ring-1 ring-red-300 disabled:opacity-60"
              >
                {t('ordering.order.cancelConfirm')}
              </button>
            </Form>
          </details>
        )}
        {cancel?.ok && (
          <p role="status" data-testid="cancel-done" className="text-sm text-slate-600">
            {t('ordering.order.cancelled')}
          </p>
        )}
      </section>
    </main>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <ErrorView error={error} inline />;
}
