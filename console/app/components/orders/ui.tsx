import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { InputProblem, OrderStatus } from '../../lib/orders-queries';

export const inputClass =
  'block w-full rounded-md border border-slate-300 bg-white px-2.5 py-2 text-sm text-slate-900 placeholder:text-slate-400 focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/20 focus:outline-none aria-invalid:border-red-400 sm:py-1.5';
export const smallInputClass =
  'block w-24 rounded-md border border-slate-300 bg-white px-2 py-2 text-sm tabular-nums text-slate-900 focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/20 focus:outline-none aria-invalid:border-red-400 sm:py-1';
export const primaryButton =
  'inline-flex shrink-0 items-center justify-center whitespace-nowrap rounded-md bg-indigo-600 px-3 py-2 text-sm font-medium text-white shadow-xs hover:bg-indigo-500 disabled:cursor-wait disabled:opacity-60 sm:py-1.5';
export const secondaryButton =
  'inline-flex shrink-0 items-center justify-center whitespace-nowrap rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-60 sm:py-1.5';
export const dangerButton =
  'inline-flex shrink-0 items-center justify-center whitespace-nowrap rounded-md border border-red-200 bg-white px-3 py-2 text-sm font-medium text-red-600 hover:bg-red-50 disabled:opacity-60 sm:py-1.5';

/** The page frame of these screens: title, optional subtitle, actions and tabs. */
export function PageFrame({
  title,
  subtitle,
  actions,
  children,
  tabs,
}: {
  title: ReactNode;
  subtitle?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  tabs?: ReactNode;
}) {
  return (
    <main className="mx-auto max-w-6xl px-3 py-5 sm:px-4 lg:px-8 lg:py-8">
      <div className="flex flex-wrap items-start gap-3">
        <div className="min-w-0 flex-1">
          <h1 className="text-xl font-semibold tracking-tight text-slate-900 sm:text-2xl">{title}</h1>
          {subtitle && <div className="mt-1 text-sm text-slate-500">{subtitle}</div>}
        </div>
        {actions && <div className="flex flex-wrap gap-2">{actions}</div>}
      </div>
      {tabs}
      <div className="mt-5 space-y-5">{children}</div>
    </main>
  );
}

export function Card({
  title,
  children,
  testId,
  actions,
}: {
  title?: ReactNode;
  children: ReactNode;
  testId?: string;
  actions?: ReactNode;
}) {
  return (
    <section
      data-testid={testId}
      className="rounded-xl bg-white p-3 shadow-xs ring-1 ring-slate-900/5 sm:p-5"
    >
      {(title || actions) && (
        <div className="mb-3 flex flex-wrap items-center gap-2">
          {title && <h2 className="flex-1 text-base font-semibold text-slate-900">{title}</h2>}
          {actions}
        </div>
      )}
      {children}
    </section>
  );
}

const STATUS_TONE: Record<OrderStatus, string> = {
  SUBMITTED: 'bg-amber-100 text-amber-800',
  APPROVED: 'bg-emerald-100 text-emerald-800',
  PICKING: 'bg-sky-100 text-sky-800',
  PACKED: 'bg-sky-100 text-sky-800',
  SHIPPED: 'bg-indigo-100 text-indigo-800',
  DELIVERED: 'bg-indigo-100 text-indigo-800',
  COMPLETED: 'bg-slate-200 text-slate-700',
  CANCELLED: 'bg-slate-100 text-slate-500',
  REJECTED: 'bg-red-100 text-red-700',
};

/** An order status in the UI language (审核中, 已审核, ...), with the API value in `data-status`. */
export function StatusBadge({ status, testId = 'order-status' }: { status: OrderStatus; testId?: string }) {
  const { t } = useTranslation();
  return (
    <span
      data-testid={testId}
      data-status={status}
      className={`inline-flex shrink-0 items-center rounded-full px-2 py-0.5 text-xs font-medium ${STATUS_TONE[status] ?? 'bg-slate-100 text-slate-600'}`}
    >
      {t(`orders.status.${status}`)}
    </span>
  );
}

export function RushBadge() {
  const { t } = useTranslation();
  return (
    <span
      data-testid="rush-badge"
      className="inline-flex shrink-0 items-center rounded bg-red-600 px-1.5 py-0.5 text-[11px] font-semibold text-white"
    >
      {t('orders.rush')}
    </span>
  );
}

function problemText(t: (key: string) => string, p: InputProblem): string {
  return p.messageKey ? t(`orders.problems.${p.messageKey}`) : (p.message ?? '');
}

/** The problems of one field, next to it: the API's message or one of ours. */
export function FieldError({ problems, field }: { problems?: readonly InputProblem[]; field: string }) {
  const { t } = useTranslation();
  const mine = (problems ?? []).filter((p) => p.field === field);
  if (mine.length === 0) return null;
  return (
    <>
      {mine.map((p) => (
        <p
          key={`${p.field}:${p.message ?? p.messageKey}`}
          role="alert"
          data-testid="field-error"
          data-field={field}
          className="mt-1 text-xs text-red-600"
        >
          {problemText(t, p)}
        </p>
      ))}
    </>
  );
}

/** The error's message and the problems whose field no input shows. */
export function FormProblems({
  problems,
  shown = [],
  message,
  testId = 'form-error',
}: {
  problems?: readonly InputProblem[];
  shown?: readonly string[];
  message?: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  const rest = (problems ?? []).filter((p) => !shown.some((f) => p.field === f));
  if (rest.length === 0 && !message) return null;
  return (
    <div role="alert" data-testid={testId} className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
      {message && <p>{message}</p>}
      {rest
        .filter((p) => problemText(t, p) !== message)
        .map((p) => (
          <p key={`${p.field}:${p.message ?? p.messageKey}`} className="text-xs">
            {problemText(t, p)}
          </p>
        ))}
    </div>
  );
}

export function Notice({
  children,
  testId,
  tone = 'ok',
}: {
  children: ReactNode;
  testId?: string;
  tone?: 'ok' | 'warn';
}) {
  return (
    <p
      role="status"
      data-testid={testId}
      className={`rounded-md px-3 py-2 text-sm ${tone === 'ok' ? 'bg-emerald-50 text-emerald-700' : 'bg-amber-50 text-amber-700'}`}
    >
      {children}
    </p>
  );
}
