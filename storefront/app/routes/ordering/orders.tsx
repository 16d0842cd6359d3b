import { ErrorView } from '@wholesail/web/components/error-view';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { money, useChinaTime } from '../../components/ordering/format';
import { StatusBadge } from '../../components/ordering/status-badge';
import { useLocalized } from '../../lib/format';
import { ORDER_STATUSES, ORDERS_QUERY, type OrderStatus, type OrdersData } from '../../lib/ordering-queries';
import { session } from '../../lib/session.server';
import { shopQuery } from '../../lib/shop.server';
import type { Route } from './+types/orders';

const PAGE_SIZE = 20;

/** The filter chips: all, or one stage of the order's life. */
const FILTERS: { key: string; statuses: OrderStatus[] | null }[] = [
  { key: 'all', statuses: null },
  { key: 'SUBMITTED', statuses: ['SUBMITTED'] },
  { key: 'inProgress', statuses: ['APPROVED', 'PICKING', 'PACKED', 'SHIPPED'] },
  { key: 'done', statuses: ['DELIVERED', 'COMPLETED'] },
  { key: 'closed', statuses: ['CANCELLED', 'REJECTED'] },
];

export async function loader({ request }: Route.LoaderArgs) {
  await session.requireAuth(request);
  const search = new URL(request.url).searchParams;
  const filterKey = FILTERS.some((f) => f.key === search.get('filter'))
    ? (search.get('filter') as string)
    : 'all';
  const statuses = FILTERS.find((f) => f.key === filterKey)?.statuses ?? null;
  const after = search.get('after');
  const { data, errors } = await shopQuery<OrdersData>(request, ORDERS_QUERY, {
    filter: statuses ? { status: statuses.filter((s) => ORDER_STATUSES.includes(s)) } : null,
    first: PAGE_SIZE,
    after: after || null,
  });
  return {
    orders: data.orders.edges.map((edge) => edge.node),
    pageInfo: data.orders.pageInfo,
    filterKey,
    paged: Boolean(after),
    partial: errors.length > 0,
  };
}

export default function OrdersPage({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { name } = useLocalized();
  const { dateTime } = useChinaTime();
  const { orders, pageInfo, filterKey, paged, partial } = loaderData;
  const filterHref = (key: string) => (key === 'all' ? '/orders' : `/orders?filter=${key}`);

  return (
    <main className="mx-auto max-w-3xl pb-10 sm:px-4 sm:pt-4">
      <title>{`${t('ordering.orders.title')} - ${t('app.name')}`}</title>
      <div className="flex items-center justify-between px-4 pt-3 pb-2 sm:px-0">
        <h1 className="text-lg font-semibold text-slate-900">{t('ordering.orders.title')}</h1>
        <Link to="/statement" data-testid="statement-link" className="text-xs text-orange-600">
          {t('ordering.statement.title')}
        </Link>
      </div>
      <nav className="flex gap-2 overflow-x-auto px-4 pb-2 [scrollbar-width:none] sm:px-0">
        {FILTERS.map((filter) => (
          <Link
            key={filter.key}
            to={filterHref(filter.key)}
            data-testid="orders-filter"
            data-filter={filter.key}
            aria-current={filter.key === filterKey ? 'true' : undefined}
            className={`shrink-0 rounded-full px-3 py-1 text-xs ring-1 ${
              filter.key === filterKey
                ? 'bg-orange-50 font-medium text-orange-700 ring-orange-300'
                : 'bg-white text-slate-600 ring-slate-200'
            }`}
          >
            {t(`ordering.orders.filter.${filter.key}`)}
          </Link>
        ))}
      </nav>
      {partial && <p className="px-4 pb-2 text-xs text-amber-700 sm:px-0">{t('home.partial')}</p>}

      {orders.length === 0 ? (
        <div data-testid="orders-empty" className="mx-4 rounded-2xl bg-white p-8 text-center sm:mx-0">
          <p className="text-sm text-slate-500">{t('ordering.orders.empty')}</p>
          <Link
            to="/products"
            className="mt-4 inline-block rounded-full bg-orange-500 px-5 py-2 text-sm font-medium text-white"
          >
            {t('ordering.cart.browse')}
          </Link>
        </div>
      ) : (
        <ul data-testid="orders-list" className="space-y-2 px-4 sm:px-0">
          {orders.map((order) => {
            const names = order.lines.map((line) => (line.sku ? name(line.sku.product) : '')).filter(Boolean);
            return (
              <li key={order.id}>
                <Link
                  to={`/orders/${encodeURIComponent(order.id)}`}
                  data-testid="order-row"
                  data-order-id={order.id}
                  data-status={order.status}
                  className="block rounded-2xl bg-white p-3 ring-1 ring-slate-200 active:bg-slate-50"
                >
                  <div className="flex items-center justify-between gap-2">
                    <span className="text-sm font-medium text-slate-900 tabular-nums">{order.number}</span>
                    <StatusBadge status={order.status} />
                  </div>
                  <p className="mt-1 truncate text-xs text-slate-500">
                    {names.slice(0, 3).join('、')}
                    {names.length > 3 ? t('ordering.orders.andMore', { count: names.length }) : ''}
                  </p>
                  <div className="mt-1.5 flex items-end justify-between text-xs text-slate-500">
                    <span data-testid="order-date">
                      {dateTime(order.createdAt)}
                      {order.rush && <span className="ml-1.5 text-red-600">{t('ordering.order.rush')}</span>}
                    </span>
                    <span
                      data-testid="order-total"
                      data-amount={order.total.amount}
                      className="text-sm font-semibold text-slate-900 tabular-nums"
                    >
                      {money(order.total)}
                    </span>
                  </div>
                </Link>
              </li>
            );
          })}
        </ul>
      )}
      <div className="mt-4 flex justify-center gap-4 text-sm">
        {paged && (
          <Link to={filterHref(filterKey)} className="text-slate-500">
            {t('ordering.orders.first')}
          </Link>
        )}
        {pageInfo.hasNextPage && pageInfo.endCursor && (
          <Link
            to={`/orders?${new URLSearchParams({ ...(filterKey === 'all' ? {} : { filter: filterKey }), after: pageInfo.endCursor })}`}
            data-testid="orders-next"
            className="text-orange-600"
          >
            {t('ordering.orders.next')}
          </Link>
        )}
      </div>
    </main>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <ErrorView error={error} inline />;
}
