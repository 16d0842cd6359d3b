import { useTranslation } from 'react-i18next';
import type { Stock, StockLevel } from '../lib/queries';

const STOCK_LEVEL_LABEL = {
  IN_STOCK: 'product.inStock',
  LOW: 'product.lowStock',
  OUT: 'product.outOfStock',
} as const satisfies Record<StockLevel, string>;

const STOCK_LEVEL_COLOR: Record<StockLevel, string> = {
  IN_STOCK: 'text-emerald-600',
  LOW: 'text-amber-600',
  OUT: 'text-slate-400',
};

/** The exact number when the distributor shows it, else 有货 / 库存紧张 / 缺货. */
export function StockLabel({ stock, unit }: { stock: Stock | null | undefined; unit?: string }) {
  const { t } = useTranslation();
  if (!stock) return null;
  const { available, level } = stock;
  const label =
    available === null
      ? t(STOCK_LEVEL_LABEL[level] ?? 'product.inStock')
      : available > 0
        ? t(unit ? 'product.stockUnit' : 'product.stock', { count: available, unit })
        : t('product.outOfStock');
  const color =
    available === null
      ? (STOCK_LEVEL_COLOR[level] ?? 'text-emerald-600')
      : available > 0
        ? STOCK_LEVEL_COLOR[level === 'OUT' ? 'IN_STOCK' : level]
        : STOCK_LEVEL_COLOR.OUT;
  return (
    <span data-testid="stock" data-level={level} className={`text-xs ${color}`}>
      {label}
    </span>
  );
}
