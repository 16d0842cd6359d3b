import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from 'urql';
import {
  formatAmount,
  type InputProblem,
  isDecimal,
  lineAmount,
  PRICE_OPTIONS_QUERY,
  type PriceOption,
  type PriceOptionsData,
  type SkuChoice,
} from '../../lib/orders-queries';
import { FieldError, inputClass, smallInputClass } from './ui';

const selectClass = inputClass;

/** A line being put together in the order on behalf. `choice`: a price option's source, or CUSTOM. */
export interface DraftLine {
  key: string;
  sku: SkuChoice;
  unit: string;
  quantity: string;
  options: PriceOption[] | null;
  optionsError: boolean;
  choice: string | null;
  customPrice: string;
}

export const CUSTOM = 'CUSTOM';

export function draftLine(sku: SkuChoice, unit?: string, quantity = 1): DraftLine {
  return {
    key: `${sku.id}:${Math.random().toString(36).slice(2)}`,
    sku,
    unit: unit && sku.units.some((u) => u.name === unit) ? unit : sku.baseUnit,
    quantity: String(quantity),
    options: null,
    optionsError: false,
    choice: null,
    customPrice: '',
  };
}

function quantityOf(line: DraftLine): number | null {
  return /^\d+$/.test(line.quantity.trim()) && Number(line.quantity) > 0 ? Number(line.quantity) : null;
}

/** The unit price this line is charged: the chosen option, the typed price, or the one that applies. */
export function unitPriceOf(line: DraftLine): string | null {
  if (line.choice === CUSTOM) return isDecimal(line.customPrice) ? line.customPrice.trim() : null;
  const options = line.options ?? [];
  const option = options.find((o) => o.source === line.choice) ?? options.find((o) => o.applies);
  return option?.amount ?? null;
}

/** The price to send: none when the store's own price applies (the API prices it), else the override. */
export function overridePriceOf(line: DraftLine): string | null {
  if (line.choice === null) return null;
  const applying = line.options?.find((o) => o.applies);
  if (line.choice !== CUSTOM && applying && line.choice === applying.source) return null;
  if (line.choice === CUSTOM) return line.customPrice.trim();
  return line.options?.find((o) => o.source === line.choice)?.amount ?? null;
}

export function lineTotal(line: DraftLine): string | null {
  const price = unitPriceOf(line);
  const quantity = quantityOf(line);
  return price != null && quantity != null ? lineAmount(price, quantity) : null;
}

/**
 * One line: the SKU, its unit and quantity, and what the store pays (its price options, the one
 * that applies by default; boss and office may choose another option or type a price).
 */
export function OrderLineEditor({
  line,
  index,
  customerId,
  mayPrice,
  problems,
  onChange,
  onRemove,
}: {
  line: DraftLine;
  index: number;
  customerId: string;
  mayPrice: boolean;
  problems?: readonly InputProblem[];
  onChange: (patch: Partial<DraftLine>) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const client = useClient();
  const factor = line.sku.units.find((u) => u.name === line.unit)?.factor ?? 1;
  const quantity = quantityOf(line);
  const baseQuantity = quantity != null ? quantity * factor : null;
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;

  // The store's price options for this unit (and quantity, for volume tiers).
  useEffect(() => {
    let live = true;
    const timer = setTimeout(async () => {
      const result = await client
        .query<PriceOptionsData>(
          PRICE_OPTIONS_QUERY,
          { skuId: line.sku.id, customerId, unit: line.unit, quantity: baseQuantity },
          { requestPolicy: 'network-only' },
        )
        .toPromise();
      if (!live) return;
      onChangeRef.current({
        options: result.data?.sku?.priceOptions ?? [],
        optionsError: !!result.error,
      });
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [client, customerId, line.sku.id, line.unit, baseQuantity]);

  const field = (name: string) => `lines.${index}.${name}`;
  const total = lineTotal(line);
  const applying = line.options?.find((o) => o.applies);
  const selected = line.choice ?? applying?.source ?? '';

  return (
    <li data-testid="draft-line" data-sku={line.sku.id} className="rounded-lg border border-slate-200 p-3">
      <div className="flex items-start gap-2">
        <div className="min-w-0 flex-1">
          <p className="font-medium text-slate-900">{line.sku.product.name}</p>
          <p className="text-xs text-slate-500">
            {line.sku.code} {line.sku.spec}
          </p>
        </div>
        <button
          type="button"
          onClick={onRemove}
          data-testid="remove-line"
          className="rounded px-2 py-1 text-xs text-red-600 hover:bg-red-50"
        >
          {t('orders.new.removeLine')}
        </button>
      </div>
      <div className="mt-2 flex flex-wrap items-end gap-3">
        <label className="text-xs text-slate-500">
          {t('orders.new.quantity')}
          <input
            name={field('quantity')}
            value={line.quantity}
            inputMode="numeric"
            data-testid="line-quantity-input"
            aria-invalid={problems?.some((p) => p.field === field('quantity')) || undefined}
            onChange={(e) => onChange({ quantity: e.target.value })}
            className={smallInputClass}
          />
        </label>
        <label className="text-xs text-slate-500">
          {t('orders.new.unit')}
          <select
            value={line.unit}
            data-testid="line-unit"
            onChange={(e) => onChange({ unit: e.target.value, options: null, choice: null })}
            className={smallInputClass.replace('w-24', 'w-28')}
          >
            {line.sku.units.map((u) => (
              <option key={u.name} value={u.name}>
                {u.name}
                {u.factor > 1 ? ` (×${u.factor}${line.sku.baseUnit})` : ''}
              </option>
            ))}
          </select>
        </label>
        <div className="w-full min-w-0 text-xs text-slate-500 sm:w-auto sm:flex-1">
          <span className="block">{t('orders.new.price')}</span>
          {line.options === null ? (
            <span className="block py-1.5 text-sm text-slate-400">{t('orders.new.loadingPrice')}</span>
          ) : line.options.length === 0 ? (
            <span data-testid="line-no-price" className="block py-1.5 text-sm text-amber-700">
              {line.optionsError ? t('orders.new.priceError') : t('orders.new.noPrice')}
            </span>
          ) : mayPrice ? (
            <select
              value={selected}
              data-testid="line-price-option"
              aria-label={t('orders.new.price')}
              onChange={(e) => onChange({ choice: e.target.value })}
              className={selectClass}
            >
              {line.options.map((o) => (
                <option key={`${o.source}:${o.amount}`} value={o.source}>
                  {t(`orders.sources.${o.source}`, { defaultValue: o.source })} {formatAmount(o)}
                  {o.applies ? ` · ${t('orders.new.applies')}` : ''}
                </option>
              ))}
              <option value={CUSTOM}>{t('orders.new.customPrice')}</option>
            </select>
          ) : (
            <span className="block py-1.5 text-sm text-slate-800">
              {applying
                ? `${t(`orders.sources.${applying.source}`, { defaultValue: applying.source })} ${formatAmount(applying)}`
                : '—'}
            </span>
          )}
        </div>
        {mayPrice && line.choice === CUSTOM && (
          <label className="text-xs text-slate-500">
            {t('orders.new.typedPrice')}
            <input
              value={line.customPrice}
              inputMode="decimal"
              data-testid="line-custom-price"
              aria-invalid={
                problems?.some((p) => p.field === field('price')) ||
                (line.customPrice !== '' && !isDecimal(line.customPrice)) ||
                undefined
              }
              onChange={(e) => onChange({ customPrice: e.target.value })}
              className={smallInputClass}
            />
          </label>
        )}
      </div>
      <FieldError problems={problems} field={field('quantity')} />
      <FieldError problems={problems} field={field('unit')} />
      <FieldError problems={problems} field={field('price')} />
      <FieldError problems={problems} field={field('skuId')} />
      <p className="mt-2 flex items-center justify-between text-sm">
        <span
          className="text-xs text-slate-500"
          data-testid="line-source"
          data-source={
            line.choice === CUSTOM
              ? 'OVERRIDE'
              : (line.options?.find((o) => o.source === selected)?.source ?? '')
          }
        >
          {unitPriceOf(line) != null && `${formatAmount({ amount: unitPriceOf(line) ?? '' })} / ${line.unit}`}
        </span>
        <span className="font-medium tabular-nums" data-testid="line-total">
          {total != null ? formatAmount({ amount: total }) : '—'}
        </span>
      </p>
    </li>
  );
}
