import { useTranslation } from 'react-i18next';
import { currencySymbol, useLocalized, useShopViewer } from '../lib/format';
import type { Price, PriceSource } from '../lib/queries';

const SOURCE_STYLE: Record<PriceSource, string> = {
  CUSTOMER: 'bg-orange-50 text-orange-700 ring-orange-200',
  LAST_SALE: 'bg-sky-50 text-sky-700 ring-sky-200',
  LEVEL: 'bg-violet-50 text-violet-700 ring-violet-200',
  WHOLESALE: 'bg-slate-100 text-slate-600 ring-slate-200',
  RETAIL: 'bg-slate-100 text-slate-600 ring-slate-200',
  SPECIAL: 'bg-red-50 text-red-600 ring-red-200',
  VOLUME_TIER: 'bg-emerald-50 text-emerald-700 ring-emerald-200',
};

/** Why this is the viewer's price: 您的专属价, 上次购买价, 等级价 · VIP客户, 批发价, 零售价, 特价. */
export function PriceSourceLabel({ source }: { source: PriceSource }) {
  const { t } = useTranslation();
  const { level } = useShopViewer();
  const { name } = useLocalized();
  const label =
    source === 'LEVEL' && level
      ? t('priceSource.levelNamed', { level: name(level) })
      : t(`priceSource.${source}`, { defaultValue: source });
  return (
    <span
      data-testid="price-source"
      data-source={source}
      className={`inline-flex items-center rounded px-1.5 py-0.5 text-[11px] leading-none font-medium ring-1 ring-inset ${SOURCE_STYLE[source] ?? SOURCE_STYLE.WHOLESALE}`}
    >
      {label}
    </span>
  );
}

/**
 * A price as the viewer pays it: amount per unit, the source label, and the regular price struck
 * through when a special or a volume tier replaced it.
 */
export function PriceTag({
  price,
  size = 'md',
  showSource = true,
}: {
  price: Price | null | undefined;
  size?: 'md' | 'lg';
  showSource?: boolean;
}) {
  const { t } = useTranslation();
  if (!price) {
    return (
      <span data-testid="price" className="text-sm text-slate-400">
        {t('product.noPrice')}
      </span>
    );
  }
  const original = price.original && price.original.amount !== price.amount ? price.original : null;
  return (
    <div className="flex flex-wrap items-baseline gap-x-1.5 gap-y-1">
      <span
        data-testid="price"
        data-amount={price.amount}
        data-unit={price.unit}
        className="font-semibold whitespace-nowrap text-red-600"
      >
        <span className={size === 'lg' ? 'text-base' : 'text-xs'}>{currencySymbol(price.currency)}</span>
        <span className={size === 'lg' ? 'text-3xl' : 'text-lg'}>{price.amount}</span>
        <span className={`font-normal text-slate-400 ${size === 'lg' ? 'text-sm' : 'text-xs'}`}>
          {t('product.unitSuffix', { unit: price.unit })}
        </span>
      </span>
      {original && (
        <span data-testid="price-original" className="text-xs text-slate-400 line-through">
          {currencySymbol(original.currency)}
          {original.amount}
        </span>
      )}
      {showSource && <PriceSourceLabel source={price.source} />}
    </div>
  );
}
