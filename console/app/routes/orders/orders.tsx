import { ErrorView } from '@wholesail/web/components/error-view';
import { loadWithAuth } from '@wholesail/web/gateway.server';
import { useTranslation } from 'react-i18next';
import { Form, Link } from 'react-router';
import {
  Card,
  inputClass,
  PageFrame,
  primaryButton,
  RushBadge,
  StatusBadge,
  secondaryButton,
} from '../../components/orders/ui';
import {
  CUSTOMER_SEARCH_QUERY,
  type CustomerChoice,
  type CustomerSearchData,
  formatAmount,
  formatShanghai,
  ORDERS_QUERY,
  type OrderStatus,
  type OrdersData,
  queueOrder,
} from '../../lib/orders-queries';
import { session } from '../../lib/session.server';
import type { Route } from './+types/orders';

/** The tabs of the list: the review queue first, then by status. */
export const ORDER_TABS: { key: string; statuses: OrderStatus[] | null }[] = [
  { key: 'queue', statuses: ['SUBMITTED'] },
  { key: 'approved', statuses: ['APPROVED'] },
  { key: 'fulfilment', statuses: ['PICKING', 'PACKED', 'SHIPPED'] },
  { key: 'done', statuses: ['DELIVERED', 'COMPLETED'] },
  { key: 'rejected', statuses: ['REJECTED'] },
  { key: 'cancelled', statuses: ['CANCELLED'] },
  { key: 'all', statuses: null },
];

/** The queue is read oldest first and shows rush orders first on each page. */
const QUEUE_PAGE = 50;
const PAGE = 20;

export async function loader({ request }: Route.LoaderArgs) {
  const params = new URL(request.url).searchParams;
  const tab = ORDER_TABS.find((x) => x.key === params.get('tab')) ?? ORDER_TABS[0]!;
  const q = params.get('q')?.trim() ?? '';
  let customerId = params.get('customer')?.trim() ?? '';
  const after = params.get('after') ?? '';
  const before = params.get('before') ?? '';

  let customers: CustomerChoice[] = [];
  if (q) {
    const found = await loadWithAuth<CustomerSearchData>(session, request, CUSTOMER_SEARCH_QUERY, {
      search: q,
      first: 10,
    });
    customers = found.data.customers.edges.map((e) => e.node);
    // One store matches: filter by it straight away.
    if (!customerId && customers.length === 1) customerId = customers[0]!.id;
  }
  const noMatch = q !== '' && customers.length === 0 && !customerId;

  const filter = {
    ...(tab.statuses ? { status: tab.statuses } : {}),
    ...(customerId ? { customerId } : {}),
  };
  const queue = tab.key === 'queue';
  const size = queue ? QUEUE_PAGE : PAGE;
  // The list is newest first. `before` pages to newer orders, `after` to older ones; the queue
  // starts at the end (the oldest), the other tabs at the start (the newest).
  const backward = before !== '' || (after === '' && queue);
  const paging = backward ? { last: size, before: before || null } : { first: size, after: after || null };
  const result = noMatch
    ? null
    : await loadWithAuth<OrdersData>(session, request, ORDERS_QUERY, { filter, ...paging });
  const nodes = result?.data.orders.edges.map((e) => e.node) ?? [];
  const info = result?.data.orders.pageInfo;
  const newer =
    info && nodes.length > 0 && (backward ? info.hasPreviousPage : after !== '')
      ? { before: info.startCursor ?? '' }
      : null;
  const older =
    info && nodes.length > 0 && (backward ? before !== '' : info.hasNextPage)
      ? { after: info.endCursor ?? '' }
      : null;
  return {
    tab: tab.key,
    q,
    customerId,
    customers,
    rows: queue ? queueOrder(nodes) : nodes,
    // The queue goes from old to new, the other tabs from new to old.
    next: queue ? newer : older,
    previous: queue ? older : newer,
  };
}

export default function Orders({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { tab, q, customerId, customers, rows, next, previous } = loaderData;
  const link = (patch: Record<string, string | null | undefined>) => {
    const params = new URLSearchParams();
    const current: Record<string, string> = { tab, q, customer: customerId };
    for (const [k, v] of Object.entries({ ...current, ...patch })) if (v) params.set(k, v);
    const text = params.toString();
    return text ? `?${text}` : '?';
  };
  const picked = customers.find((c) => c.id === customerId);

  return (
    <PageFrame
      title={t('orders.list.title')}
      subtitle={t('orders.list.subtitle')}
      actions={
        <>
          <Link to="/orders/settings" data-testid="orders-settings-link" className={secondaryButton}>
            {t('orders.settings.link')}
          </Link>
          <Link to="/orders/new" data-testid="new-order" className={primaryButton}>
            {t('orders.list.newOrder')}
          </Link>
        </>
      }
      tabs={
        <nav
          aria-label={t('orders.list.tabsLabel')}
          className="mt-4 flex gap-1 overflow-x-auto border-b border-slate-200"
        >
          {ORDER_TABS.map((x) => (
            <Link
              key={x.key}
              to={link({ tab: x.key })}
              data-testid="orders-tab"
              data-tab={x.key}
              aria-current={x.key === tab ? 'page' : undefined}
              className={`-mb-px shrink-0 border-b-2 px-3 py-2 text-sm font-medium ${
                x.key === tab
                  ? 'border-indigo-600 text-indigo-700'
                  : 'border-transparent text-slate-500 hover:text-slate-800'
              }`}
            >
              {t(`orders.tabs.${x.key}`)}
            </Link>
          ))}
        </nav>
      }
    >
      <Form method="get" role="search" className="flex flex-wrap items-center gap-2">
        <input type="hidden" name="tab" value={tab} />
        <input
          name="q"
          defaultValue={q}
          data-testid="orders-customer-search"
          placeholder={t('orders.list.searchPlaceholder')}
          className={`${inputClass} max-w-xs`}
        />
        <button type="submit" data-testid="orders-customer-search-submit" className={secondaryButton}>
          {t('orders.search')}
        </button>
        {(q || customerId) && (
          <Link
            to={link({ q: null, customer: null })}
            data-testid="orders-search-clear"
            className="text-sm text-indigo-600"
          >
            {t('orders.list.clear')}
          </Link>
        )}
      </Form>
      {q && customers.length > 1 && (
        <div className="flex flex-wrap gap-1.5" data-testid="orders-customer-choices">
          {customers.map((c) => (
            <Link
              key={c.id}
              to={link({ customer: c.id === customerId ? null : c.id })}
              data-testid="orders-customer-choice"
              data-customer={c.id}
              aria-current={c.id === customerId ? 'true' : undefined}
              className={`rounded-full border px-3 py-1 text-xs ${c.id === customerId ? 'border-indigo-500 bg-indigo-600 text-white' : 'border-slate-300 text-slate-600 hover:border-slate-400'}`}
            >
              {c.name} · {c.code}
            </Link>
          ))}
        </div>
      )}
      {picked && (
        <p className="text-sm text-slate-600" data-testid="orders-customer-filter" data-customer={picked.id}>
          {t('orders.list.forCustomer', { name: picked.name })}
        </p>
      )}
      <Card testId="orders-list">
        {rows.length === 0 ? (
          <p data-testid="orders-empty" className="py-6 text-center text-sm text-slate-400">
            {tab === 'queue' ? t('orders.list.queueEmpty') : t('orders.list.empty')}
          </p>
        ) : (
          <>
            {/* Table on wide screens */}
            <div className="hidden overflow-x-auto md:block">
              <table className="min-w-full text-sm">
                <thead>
                  <tr className="text-left text-xs text-slate-500">
                    <th className="py-2 pr-3 font-medium">{t('orders.list.number')}</th>
                    <th className="py-2 pr-3 font-medium">{t('orders.list.store')}</th>
                    <th className="py-2 pr-3 text-right font-medium">{t('orders.list.total')}</th>
                    <th className="py-2 pr-3 font-medium">{t('orders.list.channel')}</th>
                    <th className="py-2 pr-3 font-medium">{t('orders.list.placedAt')}</th>
                    <th className="py-2 pr-3 font-medium">{t('orders.list.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((o) => (
                    <tr
                      key={o.id}
                      data-testid="order-row"
                      data-order={o.id}
                      data-rush={o.rush ? 'true' : 'false'}
                      data-created={o.createdAt}
                      className={`border-t border-slate-100 ${o.rush ? 'bg-red-50/40' : ''}`}
                    >
                      <td className="py-2 pr-3">
                        <span className="flex items-center gap-1.5">
                          {o.rush && <RushBadge />}
                          <Link
                            to={`/orders/${o.id}`}
                            data-testid="order-link"
                            className="font-mono text-indigo-700 hover:underline"
                          >
                            {o.number}
                          </Link>
                        </span>
                      </td>
                      <td className="py-2 pr-3">
                        <span className="font-medium text-slate-800">{o.customer?.name ?? '—'}</span>
                        {o.customer && <span className="ml-1 text-xs text-slate-500">{o.customer.code}</span>}
                      </td>
                      <td className="py-2 pr-3 text-right tabular-nums" data-testid="order-total">
                        {formatAmount(o.total)}
                      </td>
                      <td className="py-2 pr-3 text-slate-600">{t(`orders.channel.${o.channel}`)}</td>
                      <td className="py-2 pr-3 whitespace-nowrap text-slate-600">
                        {formatShanghai(o.createdAt)}
                      </td>
                      <td className="py-2 pr-3">
                        <StatusBadge status={o.status} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {/* Cards on phones */}
            <ul className="divide-y divide-slate-100 md:hidden">
              {rows.map((o) => (
                <li key={o.id} data-testid="order-card" data-order={o.id} className="py-2.5">
                  <Link to={`/orders/${o.id}`} className="block">
                    <span className="flex items-center gap-1.5">
                      {o.rush && <RushBadge />}
                      <span className="font-mono text-sm text-indigo-700">{o.number}</span>
                      <span className="ml-auto">
                        <StatusBadge status={o.status} testId="order-card-status" />
                      </span>
                    </span>
                    <span className="mt-1 flex items-center gap-2 text-sm">
                      <span className="min-w-0 flex-1 truncate font-medium text-slate-800">
                        {o.customer?.name ?? '—'}
                      </span>
                      <span className="tabular-nums">{formatAmount(o.total)}</span>
                    </span>
                    <span className="mt-0.5 block text-xs text-slate-500">
                      {t(`orders.channel.${o.channel}`)} · {formatShanghai(o.createdAt)}
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          </>
        )}
        {(next || previous) && (
          <div className="mt-3 flex justify-between gap-2 border-t border-slate-100 pt-3">
            {previous ? (
              <Link
                to={link(
                  'before' in previous
                    ? { before: previous.before, after: null }
                    : { after: previous.after, before: null },
                )}
                data-testid="orders-previous"
                className={secondaryButton}
              >
                {t('orders.list.previous')}
              </Link>
            ) : (
              <span />
            )}
            {next && (
              <Link
                to={link(
                  'before' in next
                    ? { before: next.before, after: null }
                    : { after: next.after, before: null },
                )}
                data-testid="orders-next"
                className={secondaryButton}
              >
                {t('orders.list.next')}
              </Link>
            )}
          </div>
        )}
      </Card>
    </PageFrame>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <ErrorView error={error} inline />;
}
