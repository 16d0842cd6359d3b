import { ErrorView } from '@wholesail/web/components/error-view';
import { loadWithAuth } from '@wholesail/web/gateway.server';
import { useTranslation } from 'react-i18next';
import { Form, Link, useFetcher } from 'react-router';
import {
  Card,
  dangerButton,
  FieldError,
  FormProblems,
  inputClass,
  PageFrame,
  PricingTabs,
  primaryButton,
  secondaryButton,
  smallInputClass,
} from '../../components/pricing/ui';
import {
  CUSTOMER_PRICES_QUERY,
  CUSTOMER_SEARCH_QUERY,
  type CustomerPricesData,
  type CustomerSearchData,
  formatAmount,
  type InputProblem,
  PRICE_OPTIONS_QUERY,
  PRODUCT_SEARCH_QUERY,
  type PriceOptionsData,
  type ProductSearchData,
  REMOVE_CUSTOMER_PRICE_MUTATION,
  readDecimal,
  SET_CUSTOMER_PRICE_MUTATION,
  type ValidationErrorResult,
} from '../../lib/pricing-queries';
import { session } from '../../lib/session.server';
import type { Route } from './+types/customer-prices';

export async function loader({ request }: Route.LoaderArgs) {
  const params = new URL(request.url).searchParams;
  const q = params.get('q')?.trim() ?? '';
  const customerId = params.get('customer')?.trim() ?? '';
  const pq = params.get('pq')?.trim() ?? '';
  const skuId = params.get('sku')?.trim() ?? '';
  const unit = params.get('unit')?.trim() ?? '';
  const [customers, prices, products, options] = await Promise.all([
    loadWithAuth<CustomerSearchData>(session, request, CUSTOMER_SEARCH_QUERY, { search: q || null }),
    customerId
      ? loadWithAuth<CustomerPricesData>(session, request, CUSTOMER_PRICES_QUERY, { customerId })
      : null,
    customerId && pq
      ? loadWithAuth<ProductSearchData>(session, request, PRODUCT_SEARCH_QUERY, { search: pq, first: 10 })
      : null,
    customerId && skuId
      ? loadWithAuth<PriceOptionsData>(session, request, PRICE_OPTIONS_QUERY, {
          skuId,
          customerId,
          unit: unit || null,
        })
      : null,
  ]);
  return {
    q,
    customerId,
    pq,
    skuId,
    unit,
    customers: customers.data.customers.edges.map((e) => e.node),
    customer: prices?.data.customer ?? null,
    customerPrices: prices?.data.customerPrices ?? [],
    products: products?.data.products.edges.map((e) => e.node) ?? [],
    optionsSku: options?.data.sku ?? null,
  };
}

export interface CustomerPriceActionResult {
  ok: boolean;
  intent: string;
  problems: InputProblem[];
  message?: string;
}

export async function action({ request }: Route.ActionArgs): Promise<CustomerPriceActionResult> {
  const form = await request.formData();
  const intent = String(form.get('intent') ?? '');
  const customerId = String(form.get('customerId') ?? '');
  const skuId = String(form.get('skuId') ?? '');
  const unit = String(form.get('unit') ?? '');
  const problems: InputProblem[] = [];
  let query: string;
  let variables: Record<string, unknown>;
  let field: string;
  if (intent === 'setCustomerPrice') {
    const price = readDecimal(form, 'price', 'price', problems);
    if (problems.length > 0) return { ok: false, intent, problems };
    query = SET_CUSTOMER_PRICE_MUTATION;
    variables = { input: { customerId, skuId, unit, price } };
    field = 'setCustomerPrice';
  } else if (intent === 'removeCustomerPrice') {
    query = REMOVE_CUSTOMER_PRICE_MUTATION;
    variables = { customerId, skuId, unit };
    field = 'removeCustomerPrice';
  } else {
    return { ok: false, intent, problems: [], message: `unknown intent ${intent}` };
  }
  const { data } = await loadWithAuth<Record<string, { __typename: string } | ValidationErrorResult>>(
    session,
    request,
    query,
    variables,
  );
  const answer = data[field];
  if (answer?.__typename === 'ValidationError') {
    const error = answer as ValidationErrorResult;
    return { ok: false, intent, problems: error.problems, message: error.message };
  }
  return { ok: true, intent, problems: [] };
}

function CustomerPriceRow({
  customerId,
  row,
}: {
  customerId: string;
  row: CustomerPricesData['customerPrices'][number];
}) {
  const { t } = useTranslation();
  const fetcher = useFetcher<CustomerPriceActionResult>();
  const problems = fetcher.data?.problems;
  const busy = fetcher.state !== 'idle';
  const removing = busy && fetcher.formData?.get('intent') === 'removeCustomerPrice';
  if (removing) return null;
  return (
    <tr
      data-testid="customer-price-row"
      data-sku={row.skuId}
      data-unit={row.unit}
      className="border-t border-slate-100 align-top"
    >
      <td className="py-2 pr-3">
        <p className="font-medium text-slate-800">{row.sku.product.name}</p>
        <p className="text-xs text-slate-500">
          {row.sku.code} {row.sku.spec}
        </p>
      </td>
      <td className="py-2 pr-3">{row.unit}</td>
      <td className="py-2 pr-3">
        <fetcher.Form method="post" className="space-y-1">
          <input type="hidden" name="customerId" value={customerId} />
          <input type="hidden" name="skuId" value={row.skuId} />
          <input type="hidden" name="unit" value={row.unit} />
          <div className="flex items-center gap-1.5">
            <input
              name="price"
              inputMode="decimal"
              defaultValue={row.price.amount}
              aria-label={t('pricing.customers.price')}
              aria-invalid={problems?.some((p) => p.field === 'price') || undefined}
              className={smallInputClass}
            />
            <button
              type="submit"
              name="intent"
              value="setCustomerPrice"
              disabled={busy}
              data-testid="save-customer-price"
              className={secondaryButton}
            >
              {t('pricing.save')}
            </button>
            <button
              type="submit"
              name="intent"
              value="removeCustomerPrice"
              disabled={busy}
              data-testid="remove-customer-price"
              className={dangerButton}
            >
              {t('pricing.remove')}
            </button>
            {fetcher.data?.ok && (
              <span data-testid="saved-ok" className="text-xs text-emerald-600">
                {t('pricing.saved')}
              </span>
            )}
          </div>
          <FieldError problems={problems} field="price" />
          <FormProblems problems={problems} shown={['price']} />
        </fetcher.Form>
      </td>
    </tr>
  );
}

/** A new customer price for the SKU being looked at. */
function AddCustomerPrice({
  customerId,
  sku,
  unit,
}: {
  customerId: string;
  sku: NonNullable<PriceOptionsData['sku']>;
  unit: string;
}) {
  const { t } = useTranslation();
  const fetcher = useFetcher<CustomerPriceActionResult>();
  const problems = fetcher.data?.problems;
  return (
    <fetcher.Form method="post" data-testid="add-customer-price" className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="customerId" value={customerId} />
      <input type="hidden" name="skuId" value={sku.id} />
      <label className="text-xs text-slate-500">
        {t('pricing.customers.unit')}
        <select name="unit" defaultValue={unit || sku.baseUnit} className={inputClass}>
          {sku.units.map((u) => (
            <option key={u.name} value={u.name}>
              {u.name}
            </option>
          ))}
        </select>
      </label>
      <label className="text-xs text-slate-500">
        {t('pricing.customers.price')}
        <input
          name="price"
          inputMode="decimal"
          aria-invalid={problems?.some((p) => p.field === 'price') || undefined}
          className={smallInputClass}
        />
      </label>
      <button
        type="submit"
        name="intent"
        value="setCustomerPrice"
        disabled={fetcher.state !== 'idle'}
        data-testid="save-new-customer-price"
        className={primaryButton}
      >
        {t('pricing.customers.setPrice')}
      </button>
      {fetcher.data?.ok && (
        <span data-testid="saved-ok" className="text-xs text-emerald-600">
          {t('pricing.saved')}
        </span>
      )}
      <div className="basis-full">
        <FieldError problems={problems} field="price" />
        <FormProblems problems={problems} shown={['price']} />
      </div>
    </fetcher.Form>
  );
}

export default function CustomerPrices({ loaderData }: Route.ComponentProps) {
  const { t, i18n } = useTranslation();
  const { q, customerId, pq, skuId, unit, customers, customer, customerPrices, products, optionsSku } =
    loaderData;
  const link = (patch: Record<string, string | null>) => {
    const params = new URLSearchParams();
    const current: Record<string, string> = { q, customer: customerId, pq, sku: skuId, unit };
    for (const [k, v] of Object.entries({ ...current, ...patch })) if (v) params.set(k, v);
    return `?${params}`;
  };
  const levelName = (level: { name: string; nameEn: string }) =>
    i18n.language === 'en' ? level.nameEn || level.name : level.name;

  return (
    <PageFrame
      title={t('pricing.customers.title')}
      subtitle={t('pricing.customers.subtitle')}
      tabs={<PricingTabs />}
    >
      <div className="grid gap-6 lg:grid-cols-[18rem_minmax(0,1fr)]">
        <Card title={t('pricing.customers.pickCustomer')}>
          <Form method="get" className="flex gap-2" role="search">
            <input
              name="q"
              defaultValue={q}
              data-testid="customer-search"
              placeholder={t('pricing.customers.searchPlaceholder')}
              className={inputClass}
            />
            <button type="submit" data-testid="customer-search-submit" className={secondaryButton}>
              {t('pricing.search')}
            </button>
          </Form>
          <ul className="mt-3 max-h-[32rem] divide-y divide-slate-100 overflow-y-auto text-sm">
            {customers.length === 0 && <li className="py-2 text-slate-400">{t('pricing.noResults')}</li>}
            {customers.map((c) => (
              <li key={c.id}>
                <Link
                  to={`?${new URLSearchParams({ ...(q ? { q } : {}), customer: c.id })}`}
                  data-testid="customer-choice"
                  data-customer={c.id}
                  aria-current={c.id === customerId ? 'true' : undefined}
                  className={`block rounded px-2 py-1.5 ${c.id === customerId ? 'bg-indigo-50 text-indigo-700' : 'hover:bg-slate-50'}`}
                >
                  <span className="block font-medium">{c.name}</span>
                  <span className="text-xs text-slate-500">
                    {c.code} · {levelName(c.level)}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </Card>

        <div className="min-w-0 space-y-6">
          {!customerId && <p className="text-sm text-slate-500">{t('pricing.customers.noCustomer')}</p>}
          {customerId && !customer && (
            <p className="text-sm text-red-600">{t('pricing.customers.unknown')}</p>
          )}
          {customer && (
            <>
              <Card
                testId="customer-prices"
                title={
                  <span data-testid="customer-title" data-customer={customer.id}>
                    {customer.name}
                    <span className="ml-2 text-sm font-normal text-slate-500">
                      {customer.code} · {levelName(customer.level)}
                    </span>
                  </span>
                }
              >
                {customerPrices.length === 0 ? (
                  <p data-testid="no-customer-prices" className="text-sm text-slate-400">
                    {t('pricing.customers.none')}
                  </p>
                ) : (
                  <div className="max-h-[28rem] overflow-auto">
                    <table className="min-w-full text-sm">
                      <thead>
                        <tr className="text-left text-xs text-slate-500">
                          <th className="py-2 pr-3 font-medium">{t('pricing.customers.sku')}</th>
                          <th className="py-2 pr-3 font-medium">{t('pricing.customers.unit')}</th>
                          <th className="py-2 pr-3 font-medium">{t('pricing.customers.price')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {customerPrices.map((row) => (
                          <CustomerPriceRow
                            key={`${row.skuId}:${row.unit}:${row.price.amount}`}
                            customerId={customer.id}
                            row={row}
                          />
                        ))}
                      </tbody>
                    </table>
                  </div>
                )}
              </Card>

              <Card title={t('pricing.customers.whatItPays')} testId="price-options">
                <Form method="get" className="flex gap-2" role="search">
                  {q && <input type="hidden" name="q" value={q} />}
                  <input type="hidden" name="customer" value={customer.id} />
                  <input
                    name="pq"
                    defaultValue={pq}
                    data-testid="options-product-search"
                    placeholder={t('pricing.prices.searchPlaceholder')}
                    className={inputClass}
                  />
                  <button
                    type="submit"
                    data-testid="options-product-search-submit"
                    className={secondaryButton}
                  >
                    {t('pricing.search')}
                  </button>
                </Form>
                {pq && (
                  <ul className="mt-3 space-y-1 text-sm">
                    {products.length === 0 && <li className="text-slate-400">{t('pricing.noResults')}</li>}
                    {products.map((product) => (
                      <li key={product.id} className="flex flex-wrap items-center gap-1">
                        <span className="mr-1 text-slate-700">{product.name}</span>
                        {product.skus.map((s) => (
                          <Link
                            key={s.id}
                            to={link({ sku: s.id, unit: null })}
                            data-testid="options-sku-choice"
                            data-sku={s.id}
                            className={`rounded border px-2 py-0.5 text-xs ${s.id === skuId ? 'border-indigo-500 bg-indigo-50 text-indigo-700' : 'border-slate-200 text-slate-600 hover:border-slate-400'}`}
                          >
                            {s.code} {s.spec}
                          </Link>
                        ))}
                      </li>
                    ))}
                  </ul>
                )}
                {optionsSku && (
                  <div className="mt-4 space-y-4" data-testid="options-sku" data-sku={optionsSku.id}>
                    <p className="text-sm font-medium text-slate-800">
                      {optionsSku.product.name} · {optionsSku.code} {optionsSku.spec}
                    </p>
                    <div className="flex flex-wrap gap-1">
                      {optionsSku.units.map((u) => {
                        const active = (unit || optionsSku.baseUnit) === u.name;
                        return (
                          <Link
                            key={u.name}
                            to={link({ unit: u.name })}
                            data-testid="options-unit"
                            data-unit={u.name}
                            aria-current={active ? 'true' : undefined}
                            className={`rounded-full border px-3 py-0.5 text-xs ${active ? 'border-indigo-500 bg-indigo-600 text-white' : 'border-slate-300 text-slate-600'}`}
                          >
                            {u.name}
                            {u.factor > 1 ? ` ×${u.factor}` : ''}
                          </Link>
                        );
                      })}
                    </div>
                    <table className="min-w-full text-sm">
                      <thead>
                        <tr className="text-left text-xs text-slate-500">
                          <th className="py-1.5 pr-3 font-medium">{t('pricing.customers.source')}</th>
                          <th className="py-1.5 pr-3 font-medium">{t('pricing.customers.amount')}</th>
                          <th className="py-1.5 pr-3 font-medium" />
                        </tr>
                      </thead>
                      <tbody>
                        {optionsSku.priceOptions.map((option) => (
                          <tr
                            key={`${option.source}:${option.amount}`}
                            data-testid="price-option"
                            data-source={option.source}
                            data-applies={option.applies ? 'true' : 'false'}
                            className={`border-t border-slate-100 ${option.applies ? 'bg-emerald-50 font-medium' : ''}`}
                          >
                            <td className="py-1.5 pr-3">{t(`pricing.sources.${option.source}`)}</td>
                            <td className="py-1.5 pr-3 tabular-nums" data-testid="price-option-amount">
                              {formatAmount(option)} / {option.unit}
                            </td>
                            <td className="py-1.5 pr-3 text-xs text-emerald-700">
                              {option.applies ? t('pricing.customers.applies') : ''}
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                    {optionsSku.priceOptions.length === 0 && (
                      <p className="text-sm text-slate-400">{t('pricing.customers.noOptions')}</p>
                    )}
                    <AddCustomerPrice customerId={customer.id} sku={optionsSku} unit={unit} />
                  </div>
                )}
              </Card>
            </>
          )}
        </div>
      </div>
    </PageFrame>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <ErrorView error={error} inline />;
}
