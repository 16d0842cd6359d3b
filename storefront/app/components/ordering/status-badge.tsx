import { useTranslation } from 'react-i18next';
import type { OrderStatus } from '../../lib/ordering-queries';

const STYLE: Record<OrderStatus, string> = {
  SUBMITTED: 'bg-amber-50 text-amber-700 ring-amber-200',
  APPROVED: 'bg-sky-50 text-sky-700 ring-sky-200',
  PICKING: 'bg-sky-50 text-sky-700 ring-sky-200',
  PACKED: 'bg-sky-50 text-sky-700 ring-sky-200',
  SHIPPED: 'bg-violet-50 text-violet-700 ring-violet-200',
  DELIVERED: 'bg-emerald-50 text-emerald-700 ring-emerald-200',
  COMPLETED: 'bg-emerald-50 text-emerald-700 ring-emerald-200',
  CANCELLED: 'bg-slate-100 text-slate-500 ring-slate-200',
  REJECTED: 'bg-red-50 text-red-600 ring-red-200',
};

/** 待审核, 已审核, 配货中, ... */
export function StatusBadge({ status, testId = 'order-status' }: { status: OrderStatus; testId?: string }) {
  const { t } = useTranslation();
  return (
    <span
      data-testid={testId}
      data-status={status}
      className={`inline-flex shrink-0 items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${STYLE[status] ?? STYLE.CANCELLED}`}
    >
      {t(`ordering.status.${status}`, { defaultValue: status })}
    </span>
  );
}
