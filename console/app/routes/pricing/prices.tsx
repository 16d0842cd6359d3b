import { ErrorView } from '@wholesail/web/components/error-view';
import { loadWithAuth } from '@wholesail/web/gateway.server';
import { useState } from 'react';
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
  type CustomerLevel,
  formatAmount,
  type InputProblem,
  PRODUCT_SEARCH_QUERY,
  type ProductSearchData,
  REMOVE_LEVEL_PRICE_MUTATION,
  REMOVE_SKU_PRICE_MUTATION,
  readDecimal,
  readInteger,
  type SaleUnit,
  SET_LEVEL_PRICE_MUTATION,
  SET_SKU_PRICE_MUTATION,
  SET_VOLUME_TIERS_MUTATION,
  SKU_PRICES_QUERY,
  type SkuPricesData,
  type ValidationErrorResult,
} from '../../lib/pricing-queries';
import { session } from '../../lib/session.server';
import type { Route } from './+types/prices';

export async function loader({ request }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const q = url.searchParams.get('q')?.trim() ?? '';
  const skuId = url.searchParams.get('sku')?.trim() ?? '';
  const [search, prices] = await Promise.all([
    loadWithAuth<ProductSearchData>(session, request, PRODUCT_SEARCH_QUERY, {
      search: q || null,
      first: 20,
    }),
    skuId ? loadWithAuth<SkuPricesData>(session, request, SKU_PRICES_QUERY, { skuId }) : null,
  ]);
  return {
    q,
    skuId,
    products: search.data.products.edges.map((e) => e.node),
    prices: prices?.data ?? null,
  };
}

/** What a form of this page gets back: saved, or the problems to show next to its fields. */
export interface PriceActionResult {
  ok: boolean;
  intent: string;
  problems: InputProblem[];
  message?: string;
}

type MutationAnswer = { __typename: string } | ValidationErrorResult;

function outcome(intent: string, answer: MutationAnswer | undefined): PriceActionResult {
  if (!answer) return { ok: false, intent, problems: [], message: 'error' };
  if (answer.__typename === 'ValidationError') {
    const error = answer as ValidationErrorResult;
    return { ok: false, intent, problems: error.problems, message: error.message };
  }
  return { ok: true, intent, problems: [] };
}

export async function action({ request }: Route.ActionArgs): Promise<PriceActionResult> {
  const form = await request.formData();
  const intent = String(form.get('intent') ?? '');
  const skuId = String(form.get('skuId') ?? '');
  const unit = String(form.get('unit') ?? '');
  const problems: InputProblem[] = [];
  const run = async (query: string, variables: Record<string, unknown>, field: string) => {
    const { data } = await loadWithAuth<Record<string, MutationAnswer>>(session, request, query, variables);
    return outcome(intent, data[field]);
  };

  switch (intent) {
    case 'setSkuPrice': {
      const wholesale = readDecimal(form, 'wholesale', 'wholesale', problems);
      const retail = readDecimal(form, 'retail', 'retail', problems);
      if (problems.length > 0) return { ok: false, intent, problems };
      return run(SET_SKU_PRICE_MUTATION, { input: { skuId, unit, wholesale, retail } }, 'setSkuPrice');
    }
    case 'removeSkuPrice':
      return run(REMOVE_SKU_PRICE_MUTATION, { skuId, unit }, 'removeSkuPrice');
    case 'setLevelPrice': {
      const levelId = String(form.get('levelId') ?? '');
      const price = readDecimal(form, 'price', 'price', problems);
      if (problems.length > 0) return { ok: false, intent, problems };
      return run(SET_LEVEL_PRICE_MUTATION, { input: { skuId, levelId, unit, price } }, 'setLevelPrice');
    }
    case 'removeLevelPrice': {
      const levelId = String(form.get('levelId') ?? '');
      return run(REMOVE_LEVEL_PRICE_MUTATION, { skuId, levelId, unit }, 'removeLevelPrice');
    }
    case 'setVolumeTiers': {
      const quantities = form.getAll('minQuantity').map(String);
      const tiers = quantities.map((_, i) => {
        const row = new FormData();
        row.set('minQuantity', quantities[i] ?? '');
        row.set('price', String(form.getAll('price')[i] ?? ''));
        return {
          minQuantity: readInteger(row, 'minQuantity', `tiers.${i}.minQuantity`, problems),
          price: readDecimal(row, 'price', `tiers.${i}.price`, problems),
        };
      });
      if (problems.length > 0) return { ok: false, intent, problems };
      return run(SET_VOLUME_TIERS_MUTATION, { input: { skuId, unit, tiers } }, 'setVolumeTiers');
    }
    default:
      return { ok: false, intent, problems: [], message: `unknown intent ${intent}` };
  }
}

function useLevelName() {
  const { i18n } = useTranslation();
  return (level: CustomerLevel) => (i18n.language === 'en' ? level.nameEn || level.name : level.name);
}

function SavedMark({ result }: { result?: PriceActionResult }) {
  const { t } = useTranslation();
  if (!result?.ok) return null;
  return (
    <span data-testid="saved-ok" className="text-xs text-emerald-600">
      {t('pricing.saved')}
    </span>
  );
}

/** Wholesale and retail of one sale unit. */
function SkuPriceRow({
  skuId,
  unit,
  isBase,
  price,
}: {
  skuId: string;
  unit: SaleUnit;
  isBase: boolean;
  price?: SkuPricesData['skuPrices'][number];
}) {
  const { t } = useTranslation();
  const fetcher = useFetcher<PriceActionResult>();
  const result = fetcher.data;
  const problems = result?.problems;
  const busy = fetcher.state !== 'idle';
  return (
    <fetcher.Form
      method="post"
      data-testid="sku-price-row"
      data-unit={unit.name}
      className="grid grid-cols-2 items-start gap-2 border-t border-slate-100 py-2 sm:grid-cols-[8rem_9rem_9rem_auto]"
    >
      <input type="hidden" name="skuId" value={skuId} />
      <input type="hidden" name="unit" value={unit.name} />
      <div className="col-span-2 text-sm sm:col-span-1">
        <span className="font-medium text-slate-900">{unit.name}</span>
        <span className="ml-1 text-xs text-slate-400">
          {isBase ? t('pricing.prices.baseUnit') : t('pricing.prices.factor', { factor: unit.factor })}
        </span>
        {!price && !isBase && (
          <p data-testid="derived-price" className="text-xs text-slate-400">
            {t('pricing.prices.derived', { factor: unit.factor })}
          </p>
        )}
      </div>
      <label className="block text-xs text-slate-500">
        <span className="sm:sr-only">{t('pricing.prices.wholesale')}</span>
        <input
          name="wholesale"
          inputMode="decimal"
          defaultValue={price?.wholesale.amount ?? ''}
          aria-label={t('pricing.prices.wholesale')}
          aria-invalid={problems?.some((p) => p.field === 'wholesale') || undefined}
          className={smallInputClass}
        />
        <FieldError problems={problems} field="wholesale" />
      </label>
      <label className="block text-xs text-slate-500">
        <span className="sm:sr-only">{t('pricing.prices.retail')}</span>
        <input
          name="retail"
          inputMode="decimal"
          defaultValue={price?.retail.amount ?? ''}
          aria-label={t('pricing.prices.retail')}
          aria-invalid={problems?.some((p) => p.field === 'retail') || undefined}
          className={smallInputClass}
        />
        <FieldError problems={problems} field="retail" />
      </label>
      <div className="col-span-2 flex flex-wrap items-center gap-2 sm:col-span-1">
        <button
          type="submit"
          name="intent"
          value="setSkuPrice"
          disabled={busy}
          data-testid="save-sku-price"
          className={primaryButton}
        >
          {t('pricing.save')}
        </button>
        {price && !isBase && (
          <button
            type="submit"
            name="intent"
            value="removeSkuPrice"
            disabled={busy}
            data-testid="remove-sku-price"
            className={dangerButton}
          >
            {t('pricing.prices.removeUnitPrice')}
          </button>
        )}
        <SavedMark result={result} />
        <FormProblems problems={problems} shown={['wholesale', 'retail']} />
      </div>
    </fetcher.Form>
  );
}

/** The price of one level in one sale unit. */
function LevelPriceCell({
  skuId,
  level,
  unit,
  price,
}: {
  skuId: string;
  level: CustomerLevel;
  unit: string;
  price?: string;
}) {
  const { t } = useTranslation();
  const fetcher = useFetcher<PriceActionResult>();
  const result = fetcher.data;
  const problems = result?.problems;
  const busy = fetcher.state !== 'idle';
  return (
    <fetcher.Form
      method="post"
      data-testid="level-price-cell"
      data-level={level.id}
      data-level-code={level.code}
      data-unit={unit}
      className="space-y-1"
    >
      <input type="hidden" name="skuId" value={skuId} />
      <input type="hidden" name="unit" value={unit} />
      <input type="hidden" name="levelId" value={level.id} />
      <div className="flex items-center gap-1.5">
        <input
          name="price"
          inputMode="decimal"
          defaultValue={price ?? ''}
          placeholder={t('pricing.prices.noLevelPrice')}
          aria-label={t('pricing.prices.levelPriceOf', { level: level.name, unit })}
          aria-invalid={problems?.some((p) => p.field === 'price') || undefined}
          className={smallInputClass}
        />
        <button
          type="submit"
          name="intent"
          value="setLevelPrice"
          disabled={busy}
          data-testid="save-level-price"
          className={secondaryButton}
        >
          {t('pricing.save')}
        </button>
        {price !== undefined && (
          <button
            type="submit"
            name="intent"
            value="removeLevelPrice"
            disabled={busy}
            data-testid="remove-level-price"
            title={t('pricing.remove')}
            className={dangerButton}
          >
            {t('pricing.remove')}
          </button>
        )}
      </div>
      <p data-testid="level-price-current" className="text-xs text-slate-400">
        {price !== undefined ? formatAmount({ amount: price }) : t('pricing.prices.fallsBackToWholesale')}
      </p>
      <FieldError problems={problems} field="price" />
      <FormProblems problems={problems} shown={['price']} />
      <SavedMark result={result} />
    </fetcher.Form>
  );
}

interface TierDraft {
  key: number;
  minQuantity: string;
  price: string;
}

/** The volume tiers (阶梯价) of one sale unit: rows of break (base units) and price. */
function TiersEditor({
  skuId,
  unit,
  baseUnit,
  tiers,
}: {
  skuId: string;
  unit: string;
  baseUnit: string;
  tiers: { minQuantity: number; price: { amount: string } }[];
}) {
  const { t } = useTranslation();
  const fetcher = useFetcher<PriceActionResult>();
  const result = fetcher.data;
  const problems = result?.problems;
  const [rows, setRows] = useState<TierDraft[]>(() =>
    tiers.map((tier, i) => ({ key: i, minQuantity: String(tier.minQuantity), price: tier.price.amount })),
  );
  const [nextKey, setNextKey] = useState(tiers.length);
  const update = (key: number, patch: Partial<TierDraft>) =>
    setRows((all) => all.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  return (
    <fetcher.Form method="post" data-testid="tiers-editor" data-unit={unit} className="space-y-2">
      <input type="hidden" name="skuId" value={skuId} />
      <input type="hidden" name="unit" value={unit} />
      <h3 className="text-sm font-medium text-slate-800">{t('pricing.tiers.unitTitle', { unit })}</h3>
      {rows.length === 0 && <p className="text-xs text-slate-400">{t('pricing.tiers.none')}</p>}
      {rows.map((row, i) => (
        <div key={row.key} data-testid="tier-row" className="flex flex-wrap items-start gap-2">
          <label className="text-xs text-slate-500">
            {t('pricing.tiers.minQuantity', { unit: baseUnit })}
            <input
              name="minQuantity"
              inputMode="numeric"
              value={row.minQuantity}
              onChange={(e) => update(row.key, { minQuantity: e.target.value })}
              className={smallInputClass}
            />
            <FieldError problems={problems} field={`tiers.${i}.minQuantity`} />
          </label>
          <label className="text-xs text-slate-500">
            {t('pricing.tiers.price', { unit })}
            <input
              name="price"
              inputMode="decimal"
              value={row.price}
              onChange={(e) => update(row.key, { price: e.target.value })}
              className={smallInputClass}
            />
            <FieldError problems={problems} field={`tiers.${i}.price`} />
          </label>
          <button
            type="button"
            onClick={() => setRows((all) => all.filter((r) => r.key !== row.key))}
            data-testid="remove-tier"
            className={`${dangerButton} mt-4`}
          >
            {t('pricing.remove')}
          </button>
        </div>
      ))}
      <div className="flex flex-wrap items-center gap-2">
        <button
          type="button"
          data-testid="add-tier"
          onClick={() => {
            setRows((all) => [...all, { key: nextKey, minQuantity: '', price: '' }]);
            setNextKey((k) => k + 1);
          }}
          className={secondaryButton}
        >
          {t('pricing.tiers.add')}
        </button>
        <button
          type="submit"
          name="intent"
          value="setVolumeTiers"
          disabled={fetcher.state !== 'idle'}
          data-testid="save-tiers"
          className={primaryButton}
        >
          {t('pricing.tiers.save')}
        </button>
        <SavedMark result={result} />
      </div>
      <FormProblems problems={problems} shown={rows.map((_, i) => `tiers.${i}`)} />
    </fetcher.Form>
  );
}

export default function Prices({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const levelName = useLevelName();
  const { q, skuId, products, prices } = loaderData;
  const sku = prices?.sku ?? null;
  const levels = [...(prices?.customerLevels ?? [])].sort((a, b) => a.rank - b.rank);

  return (
    <PageFrame
      title={t('pricing.prices.title')}
      subtitle={t('pricing.prices.subtitle')}
      tabs={<PricingTabs />}
    >
      <div className="grid gap-6 lg:grid-cols-[18rem_minmax(0,1fr)]">
        <Card title={t('pricing.prices.pickSku')}>
          <Form method="get" className="flex gap-2" role="search">
            <input
              name="q"
              defaultValue={q}
              data-testid="product-search"
              placeholder={t('pricing.prices.searchPlaceholder')}
              className={inputClass}
            />
            <button type="submit" data-testid="product-search-submit" className={secondaryButton}>
              {t('pricing.search')}
            </button>
          </Form>
          <ul className="mt-3 max-h-[32rem] space-y-2 overflow-y-auto text-sm">
            {products.length === 0 && <li className="text-slate-400">{t('pricing.noResults')}</li>}
            {products.map((product) => (
              <li key={product.id}>
                <p className="font-medium text-slate-800">{product.name}</p>
                <ul className="mt-1 flex flex-wrap gap-1">
                  {product.skus.map((s) => (
                    <li key={s.id}>
                      <Link
                        to={`?${new URLSearchParams({ ...(q ? { q } : {}), sku: s.id })}`}
                        data-testid="sku-choice"
                        data-sku={s.id}
                        aria-current={s.id === skuId ? 'true' : undefined}
                        className={`inline-block rounded border px-2 py-0.5 text-xs ${
                          s.id === skuId
                            ? 'border-indigo-500 bg-indigo-50 text-indigo-700'
                            : 'border-slate-200 text-slate-600 hover:border-slate-400'
                        }`}
                      >
                        {s.code} {s.spec}
                      </Link>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </Card>

        <div className="min-w-0 space-y-6">
          {!skuId && <p className="text-sm text-slate-500">{t('pricing.prices.noSku')}</p>}
          {skuId && !sku && <p className="text-sm text-red-600">{t('pricing.prices.unknownSku')}</p>}
          {sku && prices && (
            <>
              <Card
                testId="sku-prices"
                title={
                  <span data-testid="sku-title" data-sku={sku.id}>
                    {sku.product.name} · {sku.code} {sku.spec}
                  </span>
                }
              >
                <h3 className="text-sm font-medium text-slate-800">{t('pricing.prices.basePrices')}</h3>
                <div className="mt-2 hidden grid-cols-[8rem_9rem_9rem_auto] gap-2 text-xs font-medium text-slate-500 sm:grid">
                  <span>{t('pricing.prices.unit')}</span>
                  <span>{t('pricing.prices.wholesale')}</span>
                  <span>{t('pricing.prices.retail')}</span>
                  <span />
                </div>
                {sku.units.map((unit) => (
                  <SkuPriceRow
                    key={`${unit.name}:${prices.skuPrices.find((p) => p.unit === unit.name)?.wholesale.amount}:${prices.skuPrices.find((p) => p.unit === unit.name)?.retail.amount}`}
                    skuId={sku.id}
                    unit={unit}
                    isBase={unit.name === sku.baseUnit}
                    price={prices.skuPrices.find((p) => p.unit === unit.name)}
                  />
                ))}
              </Card>

              <Card title={t('pricing.prices.levelPrices')} testId="level-prices">
                <p className="-mt-1 mb-3 text-xs text-slate-500">{t('pricing.prices.levelPricesHint')}</p>
                <div className="overflow-x-auto">
                  <table className="min-w-full text-sm">
                    <thead>
                      <tr className="text-left text-xs text-slate-500">
                        <th className="py-2 pr-4 font-medium">{t('pricing.prices.level')}</th>
                        {sku.units.map((unit) => (
                          <th key={unit.name} className="py-2 pr-4 font-medium">
                            {unit.name}
                          </th>
                        ))}
                      </tr>
                    </thead>
                    <tbody>
                      {levels.map((level) => (
                        <tr
                          key={level.id}
                          data-testid="level-row"
                          data-level={level.id}
                          className="border-t border-slate-100 align-top"
                        >
                          <th scope="row" className="py-2 pr-4 text-left font-medium text-slate-800">
                            {levelName(level)}
                            <span className="ml-1 text-xs text-slate-400">{level.code}</span>
                          </th>
                          {sku.units.map((unit) => {
                            const price = prices.levelPrices.find(
                              (p) => p.levelId === level.id && p.unit === unit.name,
                            )?.price.amount;
                            return (
                              <td key={unit.name} className="py-2 pr-4">
                                <LevelPriceCell
                                  key={`${level.id}:${unit.name}:${price}`}
                                  skuId={sku.id}
                                  level={level}
                                  unit={unit.name}
                                  price={price}
                                />
                              </td>
                            );
                          })}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </Card>

              <Card title={t('pricing.tiers.title')} testId="volume-tiers">
                <p className="-mt-1 mb-3 text-xs text-slate-500">{t('pricing.tiers.hint')}</p>
                <div className="grid gap-6 md:grid-cols-2">
                  {sku.units.map((unit) => {
                    const tiers = sku.volumeTiers.filter((tier) => tier.unit === unit.name);
                    return (
                      <TiersEditor
                        key={`${unit.name}:${tiers.map((x) => `${x.minQuantity}=${x.price.amount}`).join(',')}`}
                        skuId={sku.id}
                        unit={unit.name}
                        baseUnit={sku.baseUnit}
                        tiers={tiers}
                      />
                    );
                  })}
                </div>
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
