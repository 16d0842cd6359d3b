import { ErrorView } from '@wholesail/web/components/error-view';
import { loadWithAuth } from '@wholesail/web/gateway.server';
import { useTranslation } from 'react-i18next';
import { data, Link, useFetcher } from 'react-router';
import { mutate } from '../../components/orders/mutate.server';
import {
  Card,
  dangerButton,
  FieldError,
  FormProblems,
  inputClass,
  Notice,
  PageFrame,
  primaryButton,
  RushBadge,
  StatusBadge,
  secondaryButton,
} from '../../components/orders/ui';
import {
  APPROVE_ORDER_MUTATION,
  APPROVE_PRICES_MUTATION,
  CANCEL_ORDER_MUTATION,
  CREDIT_QUERY,
  type CreditAccountData,
  type CreditData,
  formatAmount,
  formatShanghai,
  type InputProblem,
  ORDER_QUERY,
  type OrderData,
  type OrderDetailData,
  type OrderStatus,
  REJECT_ORDER_MUTATION,
  SET_CREDIT_LIMIT_MUTATION,
  type SetCreditLimitData,
  STAFF_QUERY,
  type StaffData,
  type ValidationErrorResult,
} from '../../lib/orders-queries';
import { session } from '../../lib/session.server';
import type { Route } from './+types/order';

export async function loader({ request, params }: Route.LoaderArgs) {
  const { viewer } = await session.requireAuth(request);
  const [order, staff] = await Promise.all([
    loadWithAuth<OrderData>(session, request, ORDER_QUERY, { id: params.id }),
    loadWithAuth<StaffData>(session, request, STAFF_QUERY).catch(() => null),
  ]);
  if (!order.data.order) throw data({ reason: 'notFound' }, { status: 404 });
  const customerId = order.data.order.customer?.id;
  // The store's credit, for the reviewer; left out when the viewer may not see it.
  const credit = customerId
    ? await loadWithAuth<CreditData>(session, request, CREDIT_QUERY, { id: customerId }).catch(() => null)
    : null;
  return {
    order: order.data.order,
    staff: Object.fromEntries((staff?.data.staffMembers ?? []).map((s) => [s.id, s.name])),
    credit: credit?.data.customer?.creditAccount ?? null,
    // Only the boss approves prices below the level price (特价审批).
    mayApprovePrices: viewer.roles.includes('BOSS'),
    // Boss or finance change a store's credit limit and payment terms (setCreditLimit).
    mayEditCredit: viewer.roles.some((r) => r === 'BOSS' || r === 'FINANCE'),
  };
}

export interface ReviewActionResult {
  ok: boolean;
  intent: string;
  status?: OrderStatus;
  problems: InputProblem[];
  message?: string;
  /** Ours, under `orders.problems`: e.g. `failed` when the API gave no answer. */
  messageKey?: string;
  code?: string;
  /** setCredit: the store's credit as the API saved it. */
  credit?: CreditAccountData;
}

const SIGNED_DECIMAL = /^-?\d+(\.\d+)?$/;
const INTEGER = /^-?\d+$/;

/** setCredit: the typed limit and terms, checked for form only; the API judges the values. */
async function setCredit(request: Request, form: FormData): Promise<ReviewActionResult> {
  const intent = 'setCredit';
  const customerId = String(form.get('customerId') ?? '');
  const limit = String(form.get('limit') ?? '').trim();
  const days = String(form.get('paymentTermDays') ?? '').trim();
  const problems: InputProblem[] = [];
  // Keys under `orders.credit.problems`.
  if (!SIGNED_DECIMAL.test(limit)) problems.push({ field: 'limit', messageKey: 'notDecimal' });
  if (!INTEGER.test(days)) problems.push({ field: 'paymentTermDays', messageKey: 'notInteger' });
  if (problems.length) return { ok: false, intent, problems };
  const answer = await mutate<SetCreditLimitData>(request, SET_CREDIT_LIMIT_MUTATION, {
    customerId,
    limit,
    paymentTermDays: Number.parseInt(days, 10),
  });
  const result = answer?.setCreditLimit;
  if (!result) return { ok: false, intent, problems: [], messageKey: 'failed' };
  if (result.__typename === 'ValidationError')
    return { ok: false, intent, problems: result.problems, message: result.message, code: result.code };
  return { ok: true, intent, problems: [], credit: result.data };
}

const MUTATIONS = {
  approve: { query: APPROVE_ORDER_MUTATION, field: 'approveOrder', needsReason: false },
  approvePrices: { query: APPROVE_PRICES_MUTATION, field: 'approvePrices', needsReason: false },
  reject: { query: REJECT_ORDER_MUTATION, field: 'rejectOrder', needsReason: true },
  cancel: { query: CANCEL_ORDER_MUTATION, field: 'cancelOrder', needsReason: true },
} as const;

export async function action({ request, params }: Route.ActionArgs): Promise<ReviewActionResult> {
  const form = await request.formData();
  const intent = String(form.get('intent') ?? '');
  if (intent === 'setCredit') return setCredit(request, form);
  const mutation = MUTATIONS[intent as keyof typeof MUTATIONS];
  if (!mutation) return { ok: false, intent, problems: [], message: `unknown intent ${intent}` };
  const reason = String(form.get('reason') ?? '').trim();
  if (mutation.needsReason && !reason)
    return { ok: false, intent, problems: [{ field: 'reason', messageKey: 'reasonRequired' }] };
  const answer = await mutate<
    Record<string, { __typename: string; data?: { status: OrderStatus } } | ValidationErrorResult>
  >(request, mutation.query, { id: params.id, ...(mutation.needsReason ? { reason } : {}) });
  const result = answer?.[mutation.field];
  if (!result) return { ok: false, intent, problems: [], messageKey: 'failed' };
  if (result.__typename === 'ValidationError') {
    const error = result as ValidationErrorResult;
    return {
      ok: false,
      intent,
      // A refusal about the order itself (its status) is the form's message, not a field's.
      problems: error.problems.filter((p) => p.field !== 'id'),
      message: error.message,
      code: error.code,
    };
  }
  return {
    ok: true,
    intent,
    status: (result as { data: { status: OrderStatus } }).data.status,
    problems: [],
  };
}

/** Boss or finance: the store's credit limit and payment terms; the API's problems at the fields. */
function CreditForm({ customerId, credit }: { customerId: string; credit: CreditAccountData }) {
  const { t } = useTranslation();
  const fetcher = useFetcher<ReviewActionResult>();
  const result = fetcher.state === 'idle' ? fetcher.data : undefined;
  // Our own checks carry a key under `orders.credit.problems`; the API's come with their message.
  const problems = (result?.problems ?? []).map((p) =>
    p.messageKey ? { field: p.field, message: t(`orders.credit.problems.${p.messageKey}`) } : p,
  );
  const invalid = (field: string) => problems.some((p) => p.field === field) || undefined;
  return (
    <fetcher.Form
      method="post"
      className="mt-3 space-y-2 border-t border-slate-100 pt-3"
      data-testid="credit-form"
    >
      <input type="hidden" name="intent" value="setCredit" />
      <input type="hidden" name="customerId" value={customerId} />
      <p className="text-xs font-medium text-slate-700">{t('orders.credit.edit')}</p>
      <div className="grid grid-cols-2 gap-2">
        <label className="block text-xs text-slate-500">
          {t('orders.credit.limit')}
          <input
            name="limit"
            inputMode="decimal"
            defaultValue={credit.limit.amount}
            data-testid="credit-limit-input"
            aria-invalid={invalid('limit')}
            className={inputClass}
          />
          <FieldError problems={problems} field="limit" />
        </label>
        <label className="block text-xs text-slate-500">
          {t('orders.credit.terms')}
          <input
            name="paymentTermDays"
            inputMode="numeric"
            defaultValue={String(credit.paymentTermDays)}
            data-testid="credit-terms-input"
            aria-invalid={invalid('paymentTermDays')}
            className={inputClass}
          />
          <FieldError problems={problems} field="paymentTermDays" />
        </label>
      </div>
      <button
        type="submit"
        disabled={fetcher.state !== 'idle'}
        data-testid="credit-save"
        className={`${secondaryButton} w-full sm:w-auto`}
      >
        {t('orders.credit.save')}
      </button>
      {result?.ok && <Notice testId="credit-saved">{t('orders.credit.saved')}</Notice>}
      {result && !result.ok && (
        <FormProblems
          testId="credit-error"
          problems={problems}
          shown={['limit', 'paymentTermDays']}
          message={result.message ?? (result.messageKey && t(`orders.problems.${result.messageKey}`))}
        />
      )}
    </fetcher.Form>
  );
}

/** 特价审批 and the review stage; the boss approves a pending price here. */
function ApprovalPanel({ order, mayApprovePrices }: { order: OrderDetailData; mayApprovePrices: boolean }) {
  const { t } = useTranslation();
  const fetcher = useFetcher<ReviewActionResult>();
  return (
    <Card title={t('orders.approval.title')} testId="order-approval">
      <dl className="grid grid-cols-2 gap-x-3 gap-y-1 text-sm">
        <dt className="text-slate-500">{t('orders.approval.priceApproval')}</dt>
        <dd className="text-right" data-testid="order-price-approval" data-value={order.priceApproval}>
          {t(`orders.approval.price.${order.priceApproval}`, { defaultValue: order.priceApproval })}
        </dd>
        <dt className="text-slate-500">{t('orders.approval.reviewStage')}</dt>
        <dd className="text-right" data-testid="order-review-stage" data-value={order.reviewStage}>
          {t(`orders.approval.stage.${order.reviewStage}`, { defaultValue: order.reviewStage })}
        </dd>
      </dl>
      {fetcher.data?.ok && (
        <div className="mt-3">
          <Notice testId="approve-prices-done">{t('orders.detail.done.approvePrices')}</Notice>
        </div>
      )}
      {mayApprovePrices && order.priceApproval === 'PENDING' && (
        <fetcher.Form method="post" className="mt-3 space-y-2">
          <button
            type="submit"
            name="intent"
            value="approvePrices"
            disabled={fetcher.state !== 'idle'}
            data-testid="approve-prices"
            className={`${primaryButton} w-full sm:w-auto`}
          >
            {t('orders.approval.approvePrices')}
          </button>
          {fetcher.data && !fetcher.data.ok && (
            <FormProblems
              testId="approve-prices-error"
              problems={fetcher.data.problems}
              message={
                fetcher.data.message ??
                (fetcher.data.messageKey && t(`orders.problems.${fetcher.data.messageKey}`))
              }
            />
          )}
        </fetcher.Form>
      )}
    </Card>
  );
}

/** Approve, or reject / cancel with a reason; each refusal of the API shown as it came. */
function ReviewPanel({ order }: { order: OrderDetailData }) {
  const { t } = useTranslation();
  const approve = useFetcher<ReviewActionResult>();
  const reject = useFetcher<ReviewActionResult>();
  const cancel = useFetcher<ReviewActionResult>();
  const reviewable = order.status === 'SUBMITTED';
  const cancellable = ['SUBMITTED', 'APPROVED', 'PICKING', 'PACKED'].includes(order.status);
  const done = [approve, reject, cancel].find((f) => f.data?.ok)?.data;

  return (
    <Card title={t('orders.detail.review')} testId="order-review">
      <div className="space-y-4">
        {done && <Notice testId="review-done">{t(`orders.detail.done.${done.intent}`)}</Notice>}
        <approve.Form method="post" className="space-y-2">
          <button
            type="submit"
            name="intent"
            value="approve"
            disabled={approve.state !== 'idle'}
            data-testid="approve-order"
            className={`${primaryButton} w-full sm:w-auto`}
          >
            {t('orders.detail.approve')}
          </button>
          {!reviewable && <p className="text-xs text-slate-500">{t('orders.detail.notReviewable')}</p>}
          {approve.data && !approve.data.ok && (
            <FormProblems
              testId="approve-error"
              problems={approve.data.problems}
              message={
                approve.data.message ??
                (approve.data.messageKey && t(`orders.problems.${approve.data.messageKey}`))
              }
            />
          )}
        </approve.Form>

        <reject.Form method="post" className="space-y-2 border-t border-slate-100 pt-4">
          <label className="block text-xs text-slate-500">
            {t('orders.detail.rejectReason')}
            <input
              name="reason"
              data-testid="reject-reason"
              aria-invalid={reject.data?.problems.some((p) => p.field === 'reason') || undefined}
              className={inputClass}
            />
          </label>
          <FieldError problems={reject.data?.problems} field="reason" />
          <button
            type="submit"
            name="intent"
            value="reject"
            disabled={reject.state !== 'idle'}
            data-testid="reject-order"
            className={`${dangerButton} w-full sm:w-auto`}
          >
            {t('orders.detail.reject')}
          </button>
          {reject.data && !reject.data.ok && (
            <FormProblems
              testId="reject-error"
              problems={reject.data.problems}
              shown={['reason']}
              message={
                reject.data.message ??
                (reject.data.messageKey && t(`orders.problems.${reject.data.messageKey}`))
              }
            />
          )}
        </reject.Form>

        <cancel.Form method="post" className="space-y-2 border-t border-slate-100 pt-4">
          <label className="block text-xs text-slate-500">
            {t('orders.detail.cancelReason')}
            <input
              name="reason"
              data-testid="cancel-reason"
              aria-invalid={cancel.data?.problems.some((p) => p.field === 'reason') || undefined}
              className={inputClass}
            />
          </label>
          <FieldError problems={cancel.data?.problems} field="reason" />
          <button
            type="submit"
            name="intent"
            value="cancel"
            disabled={cancel.state !== 'idle'}
            data-testid="cancel-order"
            className={`${secondaryButton} w-full sm:w-auto`}
          >
            {t('orders.detail.cancel')}
          </button>
          {!cancellable && <p className="text-xs text-slate-500">{t('orders.detail.notCancellable')}</p>}
          {cancel.data && !cancel.data.ok && (
            <FormProblems
              testId="cancel-error"
              problems={cancel.data.problems}
              shown={['reason']}
              message={
                cancel.data.message ??
                (cancel.data.messageKey && t(`orders.problems.${cancel.data.messageKey}`))
              }
            />
          )}
        </cancel.Form>
      </div>
    </Card>
  );
}

export default function OrderPage({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { order, staff, credit, mayApprovePrices, mayEditCredit } = loaderData;
  const actorName = (kind: string, id: string) => {
    if (kind === 'staff') return staff[id] ?? id;
    if (kind === 'customer') return order.customer?.name ?? t('orders.actor.customer');
    return t(`orders.actor.${kind}`, { defaultValue: kind });
  };

  return (
    <PageFrame
      title={
        <span className="flex flex-wrap items-center gap-2">
          <span data-testid="order-number" data-order={order.id} className="font-mono">
            {order.number}
          </span>
          {order.rush && <RushBadge />}
          <StatusBadge status={order.status} />
        </span>
      }
      subtitle={
        <>
          <Link to="/orders" className="text-indigo-600 hover:underline">
            {t('orders.detail.back')}
          </Link>
          {' · '}
          {t(`orders.channel.${order.channel}`)} · {formatShanghai(order.createdAt)}
        </>
      }
    >
      <div className="grid gap-5 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="min-w-0 space-y-5">
          <Card title={t('orders.detail.lines')} testId="order-lines">
            <div className="overflow-x-auto">
              <table className="min-w-full text-sm">
                <thead>
                  <tr className="text-left text-xs text-slate-500">
                    <th className="py-2 pr-3 font-medium">{t('orders.detail.product')}</th>
                    <th className="py-2 pr-3 text-right font-medium">{t('orders.detail.quantity')}</th>
                    <th className="py-2 pr-3 text-right font-medium">{t('orders.detail.unitPrice')}</th>
                    <th className="py-2 pr-3 font-medium">{t('orders.detail.priceSource')}</th>
                    <th className="py-2 pr-3 text-right font-medium">{t('orders.detail.amount')}</th>
                  </tr>
                </thead>
                <tbody>
                  {order.lines.map((line) => (
                    <tr
                      key={line.id}
                      data-testid="order-line"
                      data-sku={line.sku?.id}
                      className="border-t border-slate-100 align-top"
                    >
                      <td className="py-2 pr-3">
                        <p className="font-medium text-slate-800">
                          {line.sku?.product.name ?? '—'}
                          {line.isGift && (
                            <span className="ml-1 rounded bg-pink-100 px-1 text-[11px] text-pink-700">
                              {t('orders.detail.gift')}
                            </span>
                          )}
                        </p>
                        <p className="text-xs text-slate-500">
                          {line.sku?.code} {line.sku?.spec}
                        </p>
                      </td>
                      <td
                        className="py-2 pr-3 text-right whitespace-nowrap tabular-nums"
                        data-testid="line-quantity"
                      >
                        {line.quantity} {line.unit}
                        {line.factor > 1 && (
                          <span className="block text-xs text-slate-400">
                            ×{line.factor} {line.sku?.baseUnit}
                          </span>
                        )}
                      </td>
                      <td className="py-2 pr-3 text-right tabular-nums" data-testid="line-unit-price">
                        {formatAmount(line.unitPrice)}
                        {line.priceSource === 'OVERRIDE' && line.levelPrice && (
                          <span
                            className="block text-xs text-slate-400"
                            data-testid="line-level-price"
                            data-amount={line.levelPrice.amount}
                          >
                            {t('orders.approval.levelPrice', { price: formatAmount(line.levelPrice) })}
                          </span>
                        )}
                      </td>
                      <td
                        className="py-2 pr-3"
                        data-testid="line-price-source"
                        data-source={line.priceSource}
                      >
                        {t(`orders.sources.${line.priceSource}`, { defaultValue: line.priceSource })}
                      </td>
                      <td className="py-2 pr-3 text-right tabular-nums" data-testid="line-amount">
                        {formatAmount(line.amount)}
                      </td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr className="border-t border-slate-200 font-semibold">
                    <td className="py-2 pr-3" colSpan={4}>
                      {t('orders.detail.total')}
                    </td>
                    <td className="py-2 pr-3 text-right tabular-nums" data-testid="order-total">
                      {formatAmount(order.total)}
                    </td>
                  </tr>
                </tfoot>
              </table>
            </div>
            {order.note && (
              <p
                className="mt-3 rounded bg-slate-50 px-3 py-2 text-sm text-slate-600"
                data-testid="order-note"
              >
                {t('orders.detail.note')}: {order.note}
              </p>
            )}
          </Card>

          <Card title={t('orders.detail.timeline')} testId="order-timeline">
            <ol className="space-y-3">
              {order.timeline.map((event) => (
                <li
                  key={event.id}
                  data-testid="timeline-event"
                  data-type={event.type}
                  data-to={event.toStatus ?? ''}
                  className="flex gap-3 text-sm"
                >
                  <span className="mt-1.5 size-2 shrink-0 rounded-full bg-indigo-400" />
                  <div className="min-w-0">
                    <p className="text-slate-800">
                      <span className="font-medium" data-testid="timeline-actor">
                        {actorName(event.actorKind, event.actorId)}
                      </span>{' '}
                      {t(`orders.event.${event.type}`, { defaultValue: event.type })}
                      {event.toStatus && event.fromStatus && (
                        <span className="text-slate-500">
                          {' '}
                          ({t(`orders.status.${event.fromStatus}`)} → {t(`orders.status.${event.toStatus}`)})
                        </span>
                      )}
                    </p>
                    {event.note && (
                      <p className="text-slate-600" data-testid="timeline-note">
                        {event.note}
                      </p>
                    )}
                    <p className="text-xs text-slate-400">{formatShanghai(event.createdAt)}</p>
                  </div>
                </li>
              ))}
            </ol>
          </Card>
        </div>

        <div className="space-y-5">
          <Card title={t('orders.detail.store')} testId="order-store">
            {order.customer ? (
              <div className="space-y-1 text-sm" data-customer={order.customer.id}>
                <p className="font-medium text-slate-900" data-testid="order-store-name">
                  {order.customer.name}
                  <span className="ml-1 text-xs font-normal text-slate-500">{order.customer.code}</span>
                </p>
                <p className="text-slate-600">
                  {order.customer.contactName} {order.customer.phone}
                </p>
                <p className="text-slate-500">{order.customer.address}</p>
              </div>
            ) : (
              <p className="text-sm text-slate-400">—</p>
            )}
            {credit && (
              <dl
                className="mt-3 grid grid-cols-2 gap-x-3 gap-y-1 border-t border-slate-100 pt-3 text-xs"
                data-testid="order-credit"
              >
                <dt className="text-slate-500">{t('orders.credit.limit')}</dt>
                <dd
                  className="text-right tabular-nums"
                  data-testid="credit-limit"
                  data-amount={credit.limit.amount}
                >
                  {formatAmount(credit.limit)}
                </dd>
                <dt className="text-slate-500">{t('orders.credit.terms')}</dt>
                <dd
                  className="text-right tabular-nums"
                  data-testid="credit-terms"
                  data-days={credit.paymentTermDays}
                >
                  {credit.paymentTermDays}
                </dd>
                <dt className="text-slate-500">{t('orders.credit.receivable')}</dt>
                <dd className="text-right tabular-nums">{formatAmount(credit.receivable)}</dd>
                <dt className="text-slate-500">{t('orders.credit.openOrders')}</dt>
                <dd className="text-right tabular-nums">{formatAmount(credit.openOrders)}</dd>
                <dt className="font-medium text-slate-700">{t('orders.credit.available')}</dt>
                <dd
                  className="text-right font-medium tabular-nums"
                  data-testid="credit-available"
                  data-amount={credit.available.amount}
                >
                  {formatAmount(credit.available)}
                </dd>
              </dl>
            )}
            {credit && mayEditCredit && order.customer && (
              <CreditForm customerId={order.customer.id} credit={credit} />
            )}
          </Card>
          <ApprovalPanel order={order} mayApprovePrices={mayApprovePrices} />
          <ReviewPanel order={order} />
        </div>
      </div>
    </PageFrame>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <ErrorView error={error} inline />;
}
