import { ErrorView } from '@wholesail/web/components/error-view';
import { loadWithAuth } from '@wholesail/web/gateway.server';
import { useTranslation } from 'react-i18next';
import { Form, Link, useFetcher } from 'react-router';
import {
  Card,
  FieldError,
  FormProblems,
  inputClass,
  PageFrame,
  primaryButton,
  secondaryButton,
} from '../../components/pricing/ui';
import {
  ADJUST_STOCK_MUTATION,
  type InputProblem,
  isoToShanghaiLocal,
  PRODUCT_SEARCH_QUERY,
  type ProductSearchData,
  readInteger,
  SET_IN_TRANSIT_MUTATION,
  STOCK_LEVELS_QUERY,
  STOCK_REASONS,
  STOCK_SKU_QUERY,
  STOCK_WAREHOUSES_QUERY,
  type StockFigures,
  type StockLevelsData,
  type StockSkuData,
  type StockWarehousesData,
  type ValidationErrorResult,
} from '../../lib/pricing-queries';
import { session } from '../../lib/session.server';
import type { Route } from './+types/stock';

const PAGE_SIZE = 50;

export async function loader({ request }: Route.LoaderArgs) {
  const params = new URL(request.url).searchParams;
  const q = params.get('q')?.trim() ?? '';
  const after = params.get('after')?.trim() || null;
  const skuId = params.get('sku')?.trim() ?? '';
  const { data: setup } = await loadWithAuth<StockWarehousesData>(session, request, STOCK_WAREHOUSES_QUERY);
  const warehouses = setup.warehouses;
  const asked = params.get('wh')?.trim();
  const warehouseId =
    warehouses.find((w) => w.id === asked)?.id ??
    warehouses.find((w) => w.id === setup.inventorySettings?.defaultWarehouseId)?.id ??
    warehouses[0]?.id ??
    '';

  // Stock rows are by SKU id; a text search goes through catalog's product search first.
  let skuIds: string[] | null = null;
  if (q) {
    const { data } = await loadWithAuth<ProductSearchData>(session, request, PRODUCT_SEARCH_QUERY, {
      search: q,
      first: 50,
    });
    skuIds = data.products.edges.flatMap((e) => e.node.skus.map((s) => s.id));
  }
  const [levels, selected] = await Promise.all([
    warehouseId && (skuIds === null || skuIds.length > 0)
      ? loadWithAuth<StockLevelsData>(session, request, STOCK_LEVELS_QUERY, {
          warehouseId,
          filter: skuIds ? { skuIds } : null,
          after,
          first: PAGE_SIZE,
        })
      : null,
    warehouseId && skuId
      ? loadWithAuth<StockSkuData>(session, request, STOCK_SKU_QUERY, { skuId, warehouseId })
      : null,
  ]);
  return {
    q,
    after,
    skuId,
    warehouseId,
    warehouses,
    countInTransit: setup.inventorySettings?.countInTransit ?? false,
    rows: levels?.data.stockLevels.edges.map((e) => e.node) ?? [],
    pageInfo: levels?.data.stockLevels.pageInfo ?? { hasNextPage: false, endCursor: null },
    selected: selected?.data ?? null,
  };
}

export interface StockActionResult {
  ok: boolean;
  intent: string;
  problems: InputProblem[];
  message?: string;
  stock?: StockFigures;
}

export async function action({ request }: Route.ActionArgs): Promise<StockActionResult> {
  const form = await request.formData();
  const intent = String(form.get('intent') ?? '');
  const problems: InputProblem[] = [];
  const quantity = readInteger(form, 'quantity', 'quantity', problems);
  const text = (name: string) => String(form.get(name) ?? '').trim() || null;
  const base = {
    skuId: String(form.get('skuId') ?? ''),
    warehouseId: String(form.get('warehouseId') ?? ''),
    quantity,
    reason: text('reason'),
    note: text('note'),
    documentNo: text('documentNo'),
  };
  if (problems.length > 0) return { ok: false, intent, problems };
  const [query, field] =
    intent === 'setInTransit'
      ? [SET_IN_TRANSIT_MUTATION, 'setInTransit']
      : intent === 'adjustStock'
        ? [ADJUST_STOCK_MUTATION, 'adjustStock']
        : [null, ''];
  if (!query) return { ok: false, intent, problems: [], message: `unknown intent ${intent}` };
  const { data } = await loadWithAuth<
    Record<string, { __typename: string; data?: StockFigures } | ValidationErrorResult>
  >(session, request, query, { input: base });
  const answer = data[field];
  if (!answer) return { ok: false, intent, problems: [], message: 'error' };
  if (answer.__typename === 'ValidationError') {
    const error = answer as ValidationErrorResult;
    return { ok: false, intent, problems: error.problems, message: error.message };
  }
  return { ok: true, intent, problems: [], stock: (answer as { data?: StockFigures }).data };
}

function StockChangeForm({
  intent,
  skuId,
  warehouseId,
  baseUnit,
  resetKey,
}: {
  intent: 'adjustStock' | 'setInTransit';
  skuId: string;
  warehouseId: string;
  baseUnit: string;
  resetKey: string;
}) {
  const { t } = useTranslation();
  const fetcher = useFetcher<StockActionResult>();
  const problems = fetcher.data?.problems;
  const adjusting = intent === 'adjustStock';
  const testId = adjusting ? 'adjust-form' : 'in-transit-form';
  return (
    <fetcher.Form key={resetKey} method="post" data-testid={testId} className="space-y-2">
      <input type="hidden" name="skuId" value={skuId} />
      <input type="hidden" name="warehouseId" value={warehouseId} />
      <h3 className="text-sm font-medium text-slate-800">
        {adjusting ? t('pricing.stock.adjust') : t('pricing.stock.setInTransit')}
      </h3>
      <div className="grid gap-2 sm:grid-cols-2">
        <label className="text-xs text-slate-500">
          {adjusting
            ? t('pricing.stock.delta', { unit: baseUnit })
            : t('pricing.stock.inTransitQuantity', { unit: baseUnit })}
          <input
            name="quantity"
            inputMode="numeric"
            required
            placeholder={adjusting ? t('pricing.stock.deltaPlaceholder') : '0'}
            aria-invalid={problems?.some((p) => p.field === 'quantity') || undefined}
            className={inputClass}
          />
          <FieldError problems={problems} field="quantity" />
        </label>
        <label className="text-xs text-slate-500">
          {t('pricing.stock.reason')}
          <select name="reason" defaultValue={adjusting ? 'STOCKTAKE' : 'PURCHASE'} className={inputClass}>
            {STOCK_REASONS.map((r) => (
              <option key={r} value={r}>
                {t(`pricing.stock.reasons.${r}`)}
              </option>
            ))}
          </select>
          <FieldError problems={problems} field="reason" />
        </label>
        <label className="text-xs text-slate-500">
          {t('pricing.stock.note')}
          <input name="note" className={inputClass} />
          <FieldError problems={problems} field="note" />
        </label>
        <label className="text-xs text-slate-500">
          {t('pricing.stock.documentNo')}
          <input name="documentNo" className={inputClass} />
          <FieldError problems={problems} field="documentNo" />
        </label>
      </div>
      <div className="flex items-center gap-2">
        <button
          type="submit"
          name="intent"
          value={intent}
          disabled={fetcher.state !== 'idle'}
          data-testid={`${testId}-submit`}
          className={primaryButton}
        >
          {adjusting ? t('pricing.stock.adjustSubmit') : t('pricing.stock.inTransitSubmit')}
        </button>
      </div>
      <FormProblems
        problems={problems}
        shown={['quantity', 'reason', 'note', 'documentNo']}
        message={
          fetcher.data && !fetcher.data.ok && problems?.length === 0 ? fetcher.data.message : undefined
        }
      />
    </fetcher.Form>
  );
}

export default function StockPage({ loaderData }: Route.ComponentProps) {
  const { t, i18n } = useTranslation();
  const { q, after, skuId, warehouseId, warehouses, countInTransit, rows, pageInfo, selected } = loaderData;
  const link = (patch: Record<string, string | null>) => {
    const params = new URLSearchParams();
    const current: Record<string, string | null> = { wh: warehouseId, q, after, sku: skuId };
    for (const [k, v] of Object.entries({ ...current, ...patch })) if (v) params.set(k, v);
    return `?${params}`;
  };
  const sku = selected?.sku ?? null;
  const movements = selected?.stockMovements.edges.map((e) => e.node) ?? [];
  const warehouseName = (w: { name: string; nameEn: string }) =>
    i18n.language === 'en' ? w.nameEn || w.name : w.name;

  return (
    <PageFrame title={t('pricing.stock.title')} subtitle={t('pricing.stock.subtitle')}>
      <Form method="get" className="flex flex-wrap items-end gap-2" role="search">
        {warehouses.length > 1 && (
          <label className="text-xs text-slate-500">
            {t('pricing.stock.warehouse')}
            <select
              name="wh"
              defaultValue={warehouseId}
              data-testid="warehouse-picker"
              onChange={(e) => e.currentTarget.form?.requestSubmit()}
              className={inputClass}
            >
              {warehouses.map((w) => (
                <option key={w.id} value={w.id}>
                  {warehouseName(w)} ({w.code})
                </option>
              ))}
            </select>
          </label>
        )}
        {warehouses.length === 1 && <input type="hidden" name="wh" value={warehouseId} />}
        <label className="min-w-60 flex-1 text-xs text-slate-500">
          {t('pricing.search')}
          <input
            name="q"
            defaultValue={q}
            data-testid="stock-search"
            placeholder={t('pricing.prices.searchPlaceholder')}
            className={inputClass}
          />
        </label>
        <button type="submit" data-testid="stock-search-submit" className={secondaryButton}>
          {t('pricing.search')}
        </button>
      </Form>
      {countInTransit && <p className="text-xs text-slate-500">{t('pricing.stock.countsInTransit')}</p>}

      <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_26rem]">
        <Card testId="stock-table">
          <div className="overflow-x-auto">
            <table className="min-w-full text-sm">
              <thead>
                <tr className="text-left text-xs text-slate-500">
                  <th className="py-2 pr-3 font-medium">{t('pricing.stock.sku')}</th>
                  <th className="py-2 pr-3 text-right font-medium">{t('pricing.stock.onHand')}</th>
                  <th className="py-2 pr-3 text-right font-medium">{t('pricing.stock.reserved')}</th>
                  <th className="py-2 pr-3 text-right font-medium">{t('pricing.stock.inTransit')}</th>
                  <th className="py-2 pr-3 text-right font-medium">{t('pricing.stock.available')}</th>
                  <th className="py-2 font-medium" />
                </tr>
              </thead>
              <tbody>
                {rows.length === 0 && (
                  <tr>
                    <td colSpan={6} className="py-4 text-center text-slate-400">
                      {t('pricing.noResults')}
                    </td>
                  </tr>
                )}
                {rows.map((row) => (
                  <tr
                    key={row.sku.id}
                    data-testid="stock-row"
                    data-sku={row.sku.id}
                    data-level={row.level}
                    aria-current={row.sku.id === skuId ? 'true' : undefined}
                    className={`border-t border-slate-100 ${row.sku.id === skuId ? 'bg-indigo-50' : ''}`}
                  >
                    <td className="py-2 pr-3">
                      <p className="font-medium text-slate-800">{row.sku.product.name}</p>
                      <p className="text-xs text-slate-500">
                        {row.sku.code} {row.sku.spec} · {row.sku.baseUnit}
                      </p>
                    </td>
                    <td data-testid="on-hand" className="py-2 pr-3 text-right tabular-nums">
                      {row.onHand}
                    </td>
                    <td data-testid="reserved" className="py-2 pr-3 text-right tabular-nums">
                      {row.reserved}
                    </td>
                    <td data-testid="in-transit" className="py-2 pr-3 text-right tabular-nums">
                      {row.inTransit}
                    </td>
                    <td
                      data-testid="available"
                      className={`py-2 pr-3 text-right font-medium tabular-nums ${row.level === 'OUT' ? 'text-red-600' : row.level === 'LOW' ? 'text-amber-600' : 'text-slate-900'}`}
                    >
                      {row.available ?? '—'}
                    </td>
                    <td className="py-2 text-right">
                      <Link
                        to={link({ sku: row.sku.id })}
                        preventScrollReset
                        data-testid="stock-open"
                        className="text-xs font-medium whitespace-nowrap text-indigo-600 hover:text-indigo-500"
                      >
                        {t('pricing.stock.open')}
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="mt-3 flex gap-2">
            {after && (
              <Link to={link({ after: null })} className={secondaryButton}>
                {t('pricing.stock.firstPage')}
              </Link>
            )}
            {pageInfo.hasNextPage && pageInfo.endCursor && (
              <Link
                to={link({ after: pageInfo.endCursor })}
                data-testid="stock-next"
                className={secondaryButton}
              >
                {t('pricing.stock.nextPage')}
              </Link>
            )}
          </div>
        </Card>

        <div className="space-y-6 self-start xl:sticky xl:top-20">
          {!skuId && <p className="text-sm text-slate-500">{t('pricing.stock.pickSku')}</p>}
          {skuId && !sku && <p className="text-sm text-red-600">{t('pricing.prices.unknownSku')}</p>}
          {sku && (
            <Card
              testId="stock-detail"
              title={
                <span data-testid="stock-detail-title" data-sku={sku.id}>
                  {sku.product.name} · {sku.code} {sku.spec}
                </span>
              }
            >
              {sku.stock && (
                <dl
                  className="grid grid-cols-4 gap-2 text-center text-xs text-slate-500"
                  data-testid="stock-figures"
                >
                  {(
                    [
                      ['onHand', sku.stock.onHand],
                      ['reserved', sku.stock.reserved],
                      ['inTransit', sku.stock.inTransit],
                      ['available', sku.stock.available],
                    ] as const
                  ).map(([key, value]) => (
                    <div key={key} className="rounded-md bg-slate-50 py-2">
                      <dt>{t(`pricing.stock.${key}`)}</dt>
                      <dd
                        data-testid={`detail-${key}`}
                        className="mt-0.5 text-lg font-semibold text-slate-900 tabular-nums"
                      >
                        {value ?? '—'}
                      </dd>
                    </div>
                  ))}
                </dl>
              )}
              <div className="mt-4 space-y-5">
                <StockChangeForm
                  intent="adjustStock"
                  skuId={sku.id}
                  warehouseId={warehouseId}
                  baseUnit={sku.baseUnit}
                  resetKey={`${sku.id}:${movements[0]?.id ?? ''}`}
                />
                <StockChangeForm
                  intent="setInTransit"
                  skuId={sku.id}
                  warehouseId={warehouseId}
                  baseUnit={sku.baseUnit}
                  resetKey={`${sku.id}:${movements[0]?.id ?? ''}`}
                />
              </div>
              <h3 className="mt-6 text-sm font-medium text-slate-800">{t('pricing.stock.history')}</h3>
              {movements.length === 0 ? (
                <p className="mt-2 text-xs text-slate-400">{t('pricing.stock.noMovements')}</p>
              ) : (
                <ol className="mt-2 divide-y divide-slate-100 text-sm" data-testid="movements">
                  {movements.map((m) => (
                    <li
                      key={m.id}
                      data-testid="movement-row"
                      data-id={m.id}
                      data-delta={m.delta}
                      data-reason={m.reason ?? ''}
                      className="py-2"
                    >
                      <div className="flex items-baseline justify-between gap-2">
                        <span className="font-medium">
                          {m.reason
                            ? t(`pricing.stock.reasons.${m.reason}`, { defaultValue: m.reason })
                            : m.kind}
                        </span>
                        <span className="text-xs text-slate-400 tabular-nums">
                          {isoToShanghaiLocal(m.createdAt).replace('T', ' ')}
                        </span>
                      </div>
                      <p className="text-xs text-slate-600 tabular-nums">
                        {m.delta !== 0 && (
                          <span
                            data-testid="movement-delta"
                            className={m.delta < 0 ? 'text-red-600' : 'text-emerald-600'}
                          >
                            {t('pricing.stock.deltaOnHand', { delta: m.delta > 0 ? `+${m.delta}` : m.delta })}
                          </span>
                        )}
                        {m.inTransitDelta !== 0 && (
                          <span className="ml-2">
                            {t('pricing.stock.deltaInTransit', {
                              delta: m.inTransitDelta > 0 ? `+${m.inTransitDelta}` : m.inTransitDelta,
                            })}
                          </span>
                        )}
                        {m.onHandAfter !== null && (
                          <span className="ml-2 text-slate-400">
                            {t('pricing.stock.onHandAfter', { count: m.onHandAfter })}
                          </span>
                        )}
                      </p>
                      {(m.note || m.sourceId) && (
                        <p className="text-xs text-slate-400">
                          {m.note}
                          {m.note && m.sourceId ? ' · ' : ''}
                          {m.sourceId}
                        </p>
                      )}
                    </li>
                  ))}
                </ol>
              )}
            </Card>
          )}
        </div>
      </div>
    </PageFrame>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <ErrorView error={error} inline />;
}
