import { ErrorView } from '@wholesail/web/components/error-view';
import { loadWithAuth } from '@wholesail/web/gateway.server';
import { useTranslation } from 'react-i18next';
import { Form, Link, useFetcher } from 'react-router';
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
  StatusBadge,
  secondaryButton,
} from '../../components/orders/ui';
import {
  COLLECTION_CUSTOMER_QUERY,
  COLLECTION_METHODS,
  COLLECTIONS_QUERY,
  CONFIRM_COLLECTION_MUTATION,
  type CollectionCustomerData,
  type CollectionRow,
  type CollectionsData,
  CUSTOMER_SEARCH_QUERY,
  type CustomerSearchData,
  formatAmount,
  formatShanghai,
  type InputProblem,
  isDecimal,
  REJECT_COLLECTION_MUTATION,
  SUBMIT_COLLECTION_MUTATION,
  type ValidationErrorResult,
} from '../../lib/orders-queries';
import { session } from '../../lib/session.server';
import type { Route } from './+types/collections';

const DECIDERS = ['FINANCE', 'BOSS'];
const COLLECTORS = ['REP', 'STORE_MANAGER', 'OFFICE', 'BOSS'];

export async function loader({ request }: Route.LoaderArgs) {
  const { viewer } = await session.requireAuth(request);
  const params = new URL(request.url).searchParams;
  const q = params.get('q')?.trim() ?? '';
  const customerId = params.get('customer')?.trim() ?? '';
  const mayDecide = viewer.roles.some((r) => DECIDERS.includes(r));
  const mayCollect = viewer.roles.some((r) => COLLECTORS.includes(r));
  const [pending, recent, customers, customer] = await Promise.all([
    loadWithAuth<CollectionsData>(session, request, COLLECTIONS_QUERY, {
      filter: { status: 'SUBMITTED' },
      first: 100,
    }),
    loadWithAuth<CollectionsData>(session, request, COLLECTIONS_QUERY, { first: 20 }),
    mayCollect && q && !customerId
      ? loadWithAuth<CustomerSearchData>(session, request, CUSTOMER_SEARCH_QUERY, { search: q, first: 10 })
      : null,
    mayCollect && customerId
      ? loadWithAuth<CollectionCustomerData>(session, request, COLLECTION_CUSTOMER_QUERY, { id: customerId })
      : null,
  ]);
  return {
    q,
    customerId,
    mayDecide,
    mayCollect,
    // Oldest first: the money waiting longest is looked at first.
    pending: pending.data.collections.edges.map((e) => e.node).reverse(),
    recent: recent.data.collections.edges.map((e) => e.node).filter((c) => c.status !== 'SUBMITTED'),
    customers: customers?.data.customers.edges.map((e) => e.node) ?? [],
    customer: customer?.data.customer ?? null,
  };
}

export interface CollectionActionResult {
  ok: boolean;
  intent: string;
  id?: string;
  problems: InputProblem[];
  message?: string;
}

async function run(
  request: Request,
  intent: string,
  query: string,
  field: string,
  variables: Record<string, unknown>,
): Promise<CollectionActionResult> {
  const data = await mutate<
    Record<string, { __typename: string; data?: { id: string } } | ValidationErrorResult>
  >(request, query, variables);
  const answer = data?.[field];
  if (!answer) return { ok: false, intent, problems: [{ field: '', messageKey: 'failed' }] };
  if (answer.__typename === 'ValidationError') {
    const error = answer as ValidationErrorResult;
    return { ok: false, intent, problems: error.problems, message: error.message };
  }
  return { ok: true, intent, id: (answer as { data: { id: string } }).data.id, problems: [] };
}

export async function action({ request }: Route.ActionArgs): Promise<CollectionActionResult> {
  const form = await request.formData();
  const intent = String(form.get('intent') ?? '');
  const id = String(form.get('id') ?? '');
  if (intent === 'confirm')
    return run(request, intent, CONFIRM_COLLECTION_MUTATION, 'confirmCollection', { id });
  if (intent === 'reject') {
    const reason = String(form.get('reason') ?? '').trim();
    if (!reason) return { ok: false, intent, problems: [{ field: 'reason', messageKey: 'reasonRequired' }] };
    return run(request, intent, REJECT_COLLECTION_MUTATION, 'rejectCollection', { id, reason });
  }
  if (intent === 'submit') {
    const problems: InputProblem[] = [];
    const customerId = String(form.get('customerId') ?? '');
    const amount = String(form.get('amount') ?? '').trim();
    const method = String(form.get('method') ?? '');
    const proofImageUrl = String(form.get('proofImageUrl') ?? '').trim();
    const note = String(form.get('note') ?? '').trim();
    const orderIds = form.getAll('orderIds').map(String);
    if (!customerId) problems.push({ field: 'customerId', messageKey: 'customerRequired' });
    if (!isDecimal(amount))
      problems.push({ field: 'amount', messageKey: amount ? 'notDecimal' : 'required' });
    if (problems.length > 0) return { ok: false, intent, problems };
    return run(request, intent, SUBMIT_COLLECTION_MUTATION, 'submitCollection', {
      input: {
        customerId,
        amount,
        method,
        proofImageUrl: proofImageUrl || null,
        orderIds,
        note: note || null,
      },
    });
  }
  return { ok: false, intent, problems: [], message: `unknown intent ${intent}` };
}

/** A pending collection with finance's confirm and reject (with a reason). */
function PendingRow({ row, mayDecide }: { row: CollectionRow; mayDecide: boolean }) {
  const { t } = useTranslation();
  const confirm = useFetcher<CollectionActionResult>();
  const reject = useFetcher<CollectionActionResult>();
  const busy = confirm.state !== 'idle' || reject.state !== 'idle';
  return (
    <li data-testid="pending-collection" data-collection={row.id} className="space-y-2 py-3">
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1 text-sm">
        <span className="font-medium text-slate-900">{row.customer.name}</span>
        <span className="text-xs text-slate-500">{row.customer.code}</span>
        <span className="font-semibold tabular-nums" data-testid="collection-amount">
          {formatAmount(row.amount)}
        </span>
        <span className="text-slate-600">{t(`orders.collections.methods.${row.method}`)}</span>
        {row.proofImageUrl && (
          <a
            href={row.proofImageUrl}
            target="_blank"
            rel="noreferrer"
            data-testid="collection-proof"
            className="text-indigo-600 hover:underline"
          >
            {t('orders.collections.proof')}
          </a>
        )}
        <span className="text-xs text-slate-500">
          {row.submittedBy?.name} · {formatShanghai(row.submittedAt)}
        </span>
      </div>
      {(row.orderIds.length > 0 || row.note) && (
        <p className="text-xs text-slate-500">
          {row.orderIds.map((id) => (
            <Link key={id} to={`/orders/${id}`} className="mr-2 font-mono text-indigo-600 hover:underline">
              {id}
            </Link>
          ))}
          {row.note}
        </p>
      )}
      {mayDecide && (
        <div className="flex flex-wrap items-start gap-2">
          <confirm.Form method="post">
            <input type="hidden" name="id" value={row.id} />
            <button
              type="submit"
              name="intent"
              value="confirm"
              disabled={busy}
              data-testid="confirm-collection"
              className={primaryButton}
            >
              {t('orders.collections.confirm')}
            </button>
          </confirm.Form>
          <reject.Form method="post" className="flex min-w-0 flex-1 flex-wrap items-start gap-2">
            <input type="hidden" name="id" value={row.id} />
            <div className="min-w-40 flex-1">
              <input
                name="reason"
                data-testid="collection-reject-reason"
                placeholder={t('orders.collections.rejectReason')}
                aria-label={t('orders.collections.rejectReason')}
                aria-invalid={reject.data?.problems.some((p) => p.field === 'reason') || undefined}
                className={inputClass}
              />
              <FieldError problems={reject.data?.problems} field="reason" />
            </div>
            <button
              type="submit"
              name="intent"
              value="reject"
              disabled={busy}
              data-testid="reject-collection"
              className={dangerButton}
            >
              {t('orders.collections.reject')}
            </button>
          </reject.Form>
        </div>
      )}
      {[confirm.data, reject.data].map(
        (d, i) =>
          d &&
          !d.ok && (
            <FormProblems
              // biome-ignore lint/suspicious/noArrayIndexKey: two fixed forms
              key={i}
              testId="collection-error"
              problems={d.problems}
              shown={['reason']}
              message={d.message}
            />
          ),
      )}
    </li>
  );
}

/** A rep's (or the office's) form: the store, the amount, how it was paid, the proof, the orders. */
function SubmitCollection({
  q,
  customerId,
  customers,
  customer,
}: {
  q: string;
  customerId: string;
  customers: { id: string; code: string; name: string }[];
  customer: CollectionCustomerData['customer'];
}) {
  const { t } = useTranslation();
  const fetcher = useFetcher<CollectionActionResult>();
  const result = fetcher.state === 'idle' ? fetcher.data : undefined;
  const problems = result?.problems;
  const shown = ['customerId', 'amount', 'method', 'proofImageUrl', 'orderIds', 'note'];
  return (
    <Card title={t('orders.collections.submitTitle')} testId="submit-collection">
      {!customer ? (
        <>
          <Form method="get" role="search" className="flex gap-2">
            <input
              name="q"
              defaultValue={q}
              data-testid="collection-store-search"
              placeholder={t('orders.new.storeSearchPlaceholder')}
              className={inputClass}
            />
            <button type="submit" data-testid="collection-store-search-submit" className={secondaryButton}>
              {t('orders.search')}
            </button>
          </Form>
          {customerId && <p className="mt-2 text-sm text-red-600">{t('orders.new.unknownStore')}</p>}
          {q && (
            <ul className="mt-3 divide-y divide-slate-100 text-sm">
              {customers.length === 0 && <li className="py-2 text-slate-400">{t('orders.noResults')}</li>}
              {customers.map((c) => (
                <li key={c.id}>
                  <Link
                    to={`?customer=${encodeURIComponent(c.id)}`}
                    data-testid="collection-store-choice"
                    data-customer={c.id}
                    className="block rounded px-2 py-2 hover:bg-slate-50"
                  >
                    {c.name} <span className="text-xs text-slate-500">{c.code}</span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </>
      ) : (
        <fetcher.Form
          method="post"
          className="space-y-3"
          key={result?.ok ? result.id : 'form'}
          data-testid="collection-form"
        >
          <input type="hidden" name="customerId" value={customer.id} />
          <div
            className="flex items-center gap-2 text-sm"
            data-testid="collection-store"
            data-customer={customer.id}
          >
            <span className="flex-1 font-medium">
              {customer.name} <span className="text-xs text-slate-500">{customer.code}</span>
            </span>
            <Link to="/collections" className="text-xs text-indigo-600">
              {t('orders.new.changeStore')}
            </Link>
          </div>
          <FieldError problems={problems} field="customerId" />
          <div className="grid gap-3 sm:grid-cols-2">
            <label className="block text-xs text-slate-500">
              {t('orders.collections.amount')}
              <input
                name="amount"
                inputMode="decimal"
                data-testid="collection-amount-input"
                placeholder={t('orders.collections.amountPlaceholder')}
                aria-invalid={problems?.some((p) => p.field === 'amount') || undefined}
                className={inputClass}
              />
              <FieldError problems={problems} field="amount" />
            </label>
            <label className="block text-xs text-slate-500">
              {t('orders.collections.method')}
              <select
                name="method"
                defaultValue="CASH"
                data-testid="collection-method"
                className={inputClass}
              >
                {COLLECTION_METHODS.map((m) => (
                  <option key={m} value={m}>
                    {t(`orders.collections.methods.${m}`)}
                  </option>
                ))}
              </select>
              <FieldError problems={problems} field="method" />
            </label>
          </div>
          <label className="block text-xs text-slate-500">
            {t('orders.collections.proofUrl')}
            <input
              name="proofImageUrl"
              type="url"
              data-testid="collection-proof-input"
              placeholder="https://"
              aria-invalid={problems?.some((p) => p.field === 'proofImageUrl') || undefined}
              className={inputClass}
            />
            <FieldError problems={problems} field="proofImageUrl" />
          </label>
          <fieldset className="text-xs text-slate-500">
            <legend>{t('orders.collections.orders')}</legend>
            {customer.recentOrders.length === 0 ? (
              <p className="text-slate-400">{t('orders.collections.noOrders')}</p>
            ) : (
              <ul className="mt-1 max-h-48 space-y-1 overflow-y-auto">
                {customer.recentOrders.map((o) => (
                  <li key={o.id}>
                    <label className="flex items-center gap-2 text-sm text-slate-700">
                      <input
                        type="checkbox"
                        name="orderIds"
                        value={o.id}
                        data-testid="collection-order"
                        data-order={o.id}
                        className="size-4"
                      />
                      <span className="font-mono text-xs">{o.number}</span>
                      <span className="tabular-nums">{formatAmount(o.total)}</span>
                      <StatusBadge status={o.status} testId="collection-order-status" />
                    </label>
                  </li>
                ))}
              </ul>
            )}
            <FieldError problems={problems} field="orderIds" />
          </fieldset>
          <label className="block text-xs text-slate-500">
            {t('orders.collections.note')}
            <input name="note" data-testid="collection-note" className={inputClass} />
            <FieldError problems={problems} field="note" />
          </label>
          {result?.ok && <Notice testId="collection-submitted">{t('orders.collections.submitted')}</Notice>}
          {result && !result.ok && (
            <FormProblems
              testId="collection-submit-error"
              problems={problems}
              shown={shown}
              message={result.message}
            />
          )}
          <button
            type="submit"
            name="intent"
            value="submit"
            disabled={fetcher.state !== 'idle'}
            data-testid="submit-collection-button"
            className={`${primaryButton} w-full sm:w-auto`}
          >
            {t('orders.collections.submit')}
          </button>
        </fetcher.Form>
      )}
    </Card>
  );
}

export default function Collections({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { q, customerId, mayDecide, mayCollect, pending, recent, customers, customer } = loaderData;
  return (
    <PageFrame title={t('orders.collections.title')} subtitle={t('orders.collections.subtitle')}>
      <div className="grid gap-5 lg:grid-cols-[minmax(0,1fr)_24rem]">
        <div className="min-w-0 space-y-5">
          <Card title={t('orders.collections.pending')} testId="pending-collections">
            {pending.length === 0 ? (
              <p className="text-sm text-slate-400" data-testid="no-pending">
                {t('orders.collections.none')}
              </p>
            ) : (
              <ul className="divide-y divide-slate-100">
                {pending.map((row) => (
                  <PendingRow key={row.id} row={row} mayDecide={mayDecide} />
                ))}
              </ul>
            )}
          </Card>
          {recent.length > 0 && (
            <Card title={t('orders.collections.recent')} testId="recent-collections">
              <ul className="divide-y divide-slate-100 text-sm">
                {recent.map((row) => (
                  <li
                    key={row.id}
                    data-testid="decided-collection"
                    data-collection={row.id}
                    data-status={row.status}
                    className="flex flex-wrap items-baseline gap-x-3 py-2"
                  >
                    <span className="font-medium">{row.customer.name}</span>
                    <span className="tabular-nums">{formatAmount(row.amount)}</span>
                    <span className="text-slate-600">{t(`orders.collections.methods.${row.method}`)}</span>
                    <span className={row.status === 'CONFIRMED' ? 'text-emerald-700' : 'text-red-600'}>
                      {t(`orders.collections.statuses.${row.status}`)}
                    </span>
                    {row.rejectReason && <span className="text-xs text-slate-500">{row.rejectReason}</span>}
                    <span className="text-xs text-slate-400">
                      {row.decidedBy?.name} {formatShanghai(row.decidedAt)}
                    </span>
                  </li>
                ))}
              </ul>
            </Card>
          )}
        </div>
        {mayCollect && (
          <SubmitCollection q={q} customerId={customerId} customers={customers} customer={customer} />
        )}
      </div>
    </PageFrame>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <ErrorView error={error} inline />;
}
