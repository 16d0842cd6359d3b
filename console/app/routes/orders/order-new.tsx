import { ErrorView } from '@wholesail/web/components/error-view';
import { loadWithAuth } from '@wholesail/web/gateway.server';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Form, Link, redirect, useFetcher } from 'react-router';
import { useClient } from 'urql';
import { mutate } from '../../components/orders/mutate.server';
import {
  type DraftLine,
  draftLine,
  lineTotal,
  OrderLineEditor,
  overridePriceOf,
} from '../../components/orders/order-line-editor';
import {
  Card,
  FieldError,
  FormProblems,
  inputClass,
  PageFrame,
  primaryButton,
  secondaryButton,
} from '../../components/orders/ui';
import {
  CUSTOMER_SEARCH_QUERY,
  type CustomerSearchData,
  fenToAmount,
  formatAmount,
  formatShanghai,
  type InputProblem,
  isDecimal,
  newIdempotencyKey,
  ORDER_CUSTOMER_QUERY,
  type OrderCustomerData,
  PLACE_ORDER_MUTATION,
  type PlaceOrderData,
  type PlaceOrderRefusal,
  PRODUCT_SEARCH_QUERY,
  type ProductSearchData,
  SKU_BY_BARCODE_QUERY,
  type SkuByBarcodeData,
  type SkuChoice,
  toFen,
} from '../../lib/orders-queries';
import { session } from '../../lib/session.server';
import type { Route } from './+types/order-new';

export async function loader({ request }: Route.LoaderArgs) {
  const { viewer } = await session.requireAuth(request);
  const params = new URL(request.url).searchParams;
  const q = params.get('q')?.trim() ?? '';
  const customerId = params.get('customer')?.trim() ?? '';
  const [customers, customer] = await Promise.all([
    q && !customerId
      ? loadWithAuth<CustomerSearchData>(session, request, CUSTOMER_SEARCH_QUERY, { search: q, first: 20 })
      : null,
    customerId
      ? loadWithAuth<OrderCustomerData>(session, request, ORDER_CUSTOMER_QUERY, { id: customerId })
      : null,
  ]);
  return {
    q,
    customerId,
    customers: customers?.data.customers.edges.map((e) => e.node) ?? [],
    customer: customer?.data.customer ?? null,
    // Boss and office may charge another price than the store's own.
    mayPrice: viewer.roles.some((r) => r === 'BOSS' || r === 'OFFICE'),
  };
}

export interface PlaceActionResult {
  ok: false;
  /** No answer (an internal error or the gateway away): send again with the same key. */
  failed?: boolean;
  problems: InputProblem[];
  message?: string;
  refusal?: PlaceOrderRefusal;
}

interface SubmittedOrder {
  idempotencyKey: string;
  customerId: string;
  note: string;
  rush: boolean;
  lines: { skuId: string; unit: string; quantity: string; price: string | null }[];
}

export async function action({ request }: Route.ActionArgs): Promise<PlaceActionResult> {
  const form = await request.formData();
  let submitted: SubmittedOrder;
  try {
    submitted = JSON.parse(String(form.get('order') ?? '')) as SubmittedOrder;
  } catch {
    return { ok: false, problems: [], message: 'bad request' };
  }
  const problems: InputProblem[] = [];
  if (!submitted.customerId) problems.push({ field: 'customerId', messageKey: 'customerRequired' });
  if (!submitted.lines?.length) problems.push({ field: 'lines', messageKey: 'linesRequired' });
  const lines = (submitted.lines ?? []).map((l, i) => {
    if (!/^\d+$/.test(l.quantity.trim()) || Number(l.quantity) < 1)
      problems.push({ field: `lines.${i}.quantity`, messageKey: 'quantityPositive' });
    if (l.price != null && !isDecimal(l.price))
      problems.push({ field: `lines.${i}.price`, messageKey: 'notDecimal' });
    return {
      skuId: l.skuId,
      unit: l.unit,
      quantity: Number(l.quantity),
      ...(l.price != null ? { price: l.price.trim() } : {}),
    };
  });
  if (problems.length > 0) return { ok: false, problems };
  const data = await mutate<PlaceOrderData>(request, PLACE_ORDER_MUTATION, {
    input: {
      idempotencyKey: submitted.idempotencyKey,
      customerId: submitted.customerId,
      note: submitted.note || null,
      rush: submitted.rush,
      lines,
    },
  });
  // Failed without an answer: the page keeps the lines and the key, so sending again is safe.
  if (!data?.placeOrder) return { ok: false, problems: [], failed: true };
  const answer = data.placeOrder;
  if (answer.__typename === 'ValidationError')
    return { ok: false, problems: answer.problems, message: answer.message };
  if (answer.__typename === 'PlaceOrderSuccess') throw redirect(`/orders/${answer.order.id}`);
  return { ok: false, problems: [], refusal: answer, message: answer.message };
}

/** A refusal of placeOrder with its figures. */
function Refusal({ refusal }: { refusal: PlaceOrderRefusal }) {
  const { t } = useTranslation();
  const figure = (label: string, value: string) => (
    <span className="mr-3 whitespace-nowrap">
      {label} <b className="tabular-nums">{value}</b>
    </span>
  );
  return (
    <div
      role="alert"
      data-testid="place-refusal"
      data-kind={refusal.__typename}
      className="space-y-1 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800"
    >
      <p className="font-medium">{t(`orders.refusal.${refusal.__typename}`)}</p>
      <p className="text-xs">{refusal.message}</p>
      {refusal.__typename === 'CreditLimitExceeded' && (
        <p className="text-xs">
          {figure(t('orders.credit.limit'), formatAmount(refusal.limit))}
          {figure(t('orders.credit.receivable'), formatAmount(refusal.receivable))}
          {figure(t('orders.credit.openOrders'), formatAmount(refusal.openOrders))}
          {figure(t('orders.credit.required'), formatAmount(refusal.required))}
        </p>
      )}
      {refusal.__typename === 'OutOfStock' && (
        <ul className="text-xs">
          {refusal.lines.map((l) => (
            <li key={l.sku.id} data-testid="short-line" data-sku={l.sku.id}>
              {l.sku.product.name} ({l.sku.code}):{' '}
              {t('orders.refusal.short', { requested: l.requested, available: l.available })}
            </li>
          ))}
        </ul>
      )}
      {refusal.__typename === 'BelowMinimum' && (
        <p className="text-xs">
          {figure(t('orders.refusal.minimumAmount'), formatAmount(refusal.minimumAmount))}
          {figure(t('orders.refusal.amount'), formatAmount(refusal.amount))}
          {figure(t('orders.refusal.minimumQuantity'), String(refusal.minimumQuantity))}
          {figure(t('orders.refusal.quantity'), String(refusal.quantity))}
        </p>
      )}
      {refusal.__typename === 'OutsideOrderingWindow' && (
        <p className="text-xs">
          {t('orders.refusal.nextOpensAt', { at: formatShanghai(refusal.nextOpensAt) })}
        </p>
      )}
      {refusal.__typename === 'PriceChanged' && (
        <p className="text-xs">
          {figure(t('orders.refusal.expectedTotal'), formatAmount(refusal.expectedTotal))}
          {figure(t('orders.refusal.total'), formatAmount(refusal.total))}
        </p>
      )}
      {refusal.__typename === 'OrderNotPlaceable' && (
        <ul className="list-disc pl-4 text-xs">
          {refusal.problems.map((p) => (
            <li key={`${p.code}:${p.message}`} data-testid="not-placeable-problem" data-code={p.code}>
              {p.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Add lines: by product search (name, pinyin initials) or by a scanned / typed barcode. */
function AddLines({ onAdd }: { onAdd: (sku: SkuChoice, unit?: string) => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const [search, setSearch] = useState('');
  const [barcode, setBarcode] = useState('');
  const [results, setResults] = useState<SkuChoice[] | null>(null);
  const [barcodeMissing, setBarcodeMissing] = useState(false);
  const [busy, setBusy] = useState(false);

  const runSearch = async () => {
    if (!search.trim()) return;
    setBusy(true);
    const result = await client
      .query<ProductSearchData>(
        PRODUCT_SEARCH_QUERY,
        { search: search.trim(), first: 10 },
        { requestPolicy: 'network-only' },
      )
      .toPromise();
    setBusy(false);
    setResults(
      (result.data?.products.edges ?? []).flatMap((e) =>
        e.node.skus.map((s) => ({ ...s, product: { id: e.node.id, name: e.node.name } })),
      ),
    );
  };
  const runBarcode = async () => {
    const code = barcode.trim();
    if (!code) return;
    setBusy(true);
    const result = await client
      .query<SkuByBarcodeData>(SKU_BY_BARCODE_QUERY, { barcode: code }, { requestPolicy: 'network-only' })
      .toPromise();
    setBusy(false);
    const sku = result.data?.skuByBarcode;
    if (!sku) {
      setBarcodeMissing(true);
      return;
    }
    setBarcodeMissing(false);
    setBarcode('');
    // The barcode of a case adds the line in cases.
    onAdd(sku, sku.units.find((u) => u.barcode === code)?.name);
  };

  return (
    <div className="space-y-3" data-testid="add-lines">
      <div className="flex gap-2">
        <input
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void runSearch();
            }
          }}
          data-testid="product-search"
          placeholder={t('orders.new.productSearchPlaceholder')}
          className={inputClass}
        />
        <button
          type="button"
          onClick={runSearch}
          disabled={busy}
          data-testid="product-search-submit"
          className={secondaryButton}
        >
          {t('orders.search')}
        </button>
      </div>
      <div className="flex gap-2">
        <input
          value={barcode}
          onChange={(e) => setBarcode(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void runBarcode();
            }
          }}
          inputMode="numeric"
          data-testid="barcode-input"
          placeholder={t('orders.new.barcodePlaceholder')}
          className={inputClass}
        />
        <button
          type="button"
          onClick={runBarcode}
          disabled={busy}
          data-testid="barcode-submit"
          className={secondaryButton}
        >
          {t('orders.new.addBarcode')}
        </button>
      </div>
      {barcodeMissing && (
        <p role="alert" data-testid="barcode-missing" className="text-xs text-red-600">
          {t('orders.new.barcodeMissing')}
        </p>
      )}
      {results && (
        <ul
          className="max-h-72 divide-y divide-slate-100 overflow-y-auto rounded-md border border-slate-200 text-sm"
          data-testid="product-results"
        >
          {results.length === 0 && <li className="px-3 py-2 text-slate-400">{t('orders.noResults')}</li>}
          {results.map((sku) => (
            <li key={sku.id} className="flex items-center gap-2 px-3 py-2">
              <span className="min-w-0 flex-1">
                <span className="block truncate font-medium text-slate-800">{sku.product.name}</span>
                <span className="text-xs text-slate-500">
                  {sku.code} {sku.spec}
                </span>
              </span>
              <button
                type="button"
                onClick={() => onAdd(sku)}
                data-testid="add-sku"
                data-sku={sku.id}
                className={secondaryButton}
              >
                {t('orders.new.add')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The order being put together for one store: lines, note, rush, and the submit. */
function OrderBuilder({
  customer,
  mayPrice,
}: {
  customer: NonNullable<OrderCustomerData['customer']>;
  mayPrice: boolean;
}) {
  const { t } = useTranslation();
  const fetcher = useFetcher<PlaceActionResult>();
  const [lines, setLines] = useState<DraftLine[]>([]);
  const [note, setNote] = useState('');
  const [rush, setRush] = useState(false);
  // One key per submit of this order, kept across retries (a repeat never orders twice); made in
  // the browser only.
  const [idempotencyKey, setIdempotencyKey] = useState('');
  useEffect(() => setIdempotencyKey(newIdempotencyKey()), []);

  const last = customer.recentOrders[0];
  const reuse = () => {
    if (!last) return;
    setLines(
      last.lines
        .filter((l) => !l.isGift && l.sku)
        .map((l) => draftLine(l.sku as SkuChoice, l.unit, l.quantity)),
    );
  };
  const add = (sku: SkuChoice, unit?: string) => setLines((current) => [...current, draftLine(sku, unit)]);
  const update = (key: string, patch: Partial<DraftLine>) =>
    setLines((current) => current.map((l) => (l.key === key ? { ...l, ...patch } : l)));

  const totals = lines.map(lineTotal);
  const complete = totals.every((x) => x != null);
  const total = complete ? fenToAmount(totals.reduce((sum, x) => sum + toFen(x ?? '0'), 0n)) : null;
  const result = fetcher.state === 'idle' ? fetcher.data : undefined;
  const busy = fetcher.state !== 'idle';

  const submit = () => {
    const order: SubmittedOrder = {
      idempotencyKey,
      customerId: customer.id,
      note,
      rush,
      lines: lines.map((l) => ({
        skuId: l.sku.id,
        unit: l.unit,
        quantity: l.quantity,
        price: mayPrice ? overridePriceOf(l) : null,
      })),
    };
    fetcher.submit({ order: JSON.stringify(order) }, { method: 'post' });
  };

  return (
    <div className="space-y-5" data-testid="order-builder" data-idempotency-key={idempotencyKey}>
      <Card
        title={t('orders.new.lines')}
        testId="draft-lines"
        actions={
          last ? (
            <button type="button" onClick={reuse} data-testid="reuse-last-order" className={secondaryButton}>
              {t('orders.new.reuseLast', { number: last.number })}
            </button>
          ) : undefined
        }
      >
        <AddLines onAdd={add} />
        <ul className="mt-4 space-y-3">
          {lines.map((line, index) => (
            <OrderLineEditor
              key={line.key}
              line={line}
              index={index}
              customerId={customer.id}
              mayPrice={mayPrice}
              problems={result?.problems}
              onChange={(patch) => update(line.key, patch)}
              onRemove={() => setLines((current) => current.filter((l) => l.key !== line.key))}
            />
          ))}
        </ul>
        {lines.length === 0 && <p className="mt-4 text-sm text-slate-400">{t('orders.new.noLines')}</p>}
        <FieldError problems={result?.problems} field="lines" />
      </Card>

      <Card testId="order-submit">
        <div className="space-y-3">
          <label className="block text-xs text-slate-500">
            {t('orders.new.note')}
            <textarea
              value={note}
              onChange={(e) => setNote(e.target.value)}
              data-testid="order-note-input"
              rows={2}
              className={inputClass}
            />
          </label>
          <FieldError problems={result?.problems} field="note" />
          <label className="flex items-center gap-2 text-sm text-slate-700">
            <input
              type="checkbox"
              checked={rush}
              onChange={(e) => setRush(e.target.checked)}
              data-testid="order-rush"
              className="size-4"
            />
            {t('orders.new.rush')}
          </label>
          <p className="flex items-center justify-between border-t border-slate-100 pt-3 text-base font-semibold">
            <span>{t('orders.new.total')}</span>
            <span data-testid="draft-total" className="tabular-nums">
              {total != null ? formatAmount({ amount: total }) : '—'}
            </span>
          </p>
          <p className="text-xs text-slate-500">{t('orders.new.totalHint')}</p>
          {result?.refusal && <Refusal refusal={result.refusal} />}
          {result?.failed && (
            <p
              role="alert"
              data-testid="place-failed"
              className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800"
            >
              {t('orders.new.failed')}
            </p>
          )}
          {result && !result.refusal && !result.failed && (
            <FormProblems
              testId="place-error"
              problems={result.problems}
              shown={[
                'lines',
                'note',
                ...lines.flatMap((_, i) =>
                  ['quantity', 'unit', 'price', 'skuId'].map((f) => `lines.${i}.${f}`),
                ),
              ]}
              message={result.message}
            />
          )}
          <button
            type="button"
            onClick={submit}
            disabled={busy || lines.length === 0 || !idempotencyKey}
            data-testid="place-order"
            className={`${primaryButton} w-full py-3 text-base sm:w-auto sm:py-2`}
          >
            {busy ? t('orders.new.placing') : t('orders.new.place')}
          </button>
        </div>
      </Card>
    </div>
  );
}

export default function OrderNew({ loaderData }: Route.ComponentProps) {
  const { t, i18n } = useTranslation();
  const { q, customerId, customers, customer, mayPrice } = loaderData;
  const levelName = (level: { name: string; nameEn: string }) =>
    i18n.language === 'en' ? level.nameEn || level.name : level.name;

  return (
    <PageFrame
      title={t('orders.new.title')}
      subtitle={
        <Link to="/orders" className="text-indigo-600 hover:underline">
          {t('orders.detail.back')}
        </Link>
      }
    >
      <Card title={t('orders.new.store')} testId="order-store-picker">
        {customer ? (
          <div
            className="flex flex-wrap items-center gap-2"
            data-testid="picked-store"
            data-customer={customer.id}
          >
            <div className="min-w-0 flex-1 text-sm">
              <p className="font-medium text-slate-900">
                {customer.name}{' '}
                <span className="text-xs font-normal text-slate-500">
                  {customer.code} · {levelName(customer.level)}
                </span>
              </p>
              <p className="text-xs text-slate-500">{customer.address}</p>
            </div>
            <Link to="/orders/new" data-testid="change-store" className={secondaryButton}>
              {t('orders.new.changeStore')}
            </Link>
          </div>
        ) : (
          <>
            <Form method="get" role="search" className="flex gap-2">
              <input
                name="q"
                defaultValue={q}
                data-testid="store-search"
                placeholder={t('orders.new.storeSearchPlaceholder')}
                className={inputClass}
              />
              <button type="submit" data-testid="store-search-submit" className={secondaryButton}>
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
                      data-testid="store-choice"
                      data-customer={c.id}
                      className="block rounded px-2 py-2 hover:bg-slate-50"
                    >
                      <span className="block font-medium">{c.name}</span>
                      <span className="text-xs text-slate-500">
                        {c.code} · {levelName(c.level)} · {c.address}
                      </span>
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </Card>
      {customer && <OrderBuilder key={customer.id} customer={customer} mayPrice={mayPrice} />}
    </PageFrame>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <ErrorView error={error} inline />;
}
