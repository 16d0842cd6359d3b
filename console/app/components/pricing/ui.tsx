import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import type { InputProblem } from '../../lib/pricing-queries';

export const inputClass =
  'block w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm text-slate-900 placeholder:text-slate-400 focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/20 focus:outline-none aria-invalid:border-red-400';
export const smallInputClass =
  'block w-24 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm tabular-nums text-slate-900 focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/20 focus:outline-none aria-invalid:border-red-400';
export const primaryButton =
  'inline-flex shrink-0 items-center justify-center whitespace-nowrap rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white shadow-xs hover:bg-indigo-500 disabled:cursor-wait disabled:opacity-60';
export const secondaryButton =
  'inline-flex shrink-0 items-center justify-center whitespace-nowrap rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-60';
export const dangerButton =
  'inline-flex shrink-0 items-center justify-center whitespace-nowrap rounded-md px-2 py-1 text-xs font-medium text-red-600 hover:bg-red-50 disabled:opacity-60';

/** The page frame of these screens: title, optional subtitle and actions. */
export function PageFrame({
  title,
  subtitle,
  children,
  tabs,
}: {
  title: string;
  subtitle?: string;
  children: ReactNode;
  tabs?: ReactNode;
}) {
  return (
    <main className="mx-auto max-w-6xl px-4 py-6 lg:px-8 lg:py-8">
      <title>{title}</title>
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{title}</h1>
      {subtitle && <p className="mt-1 text-sm text-slate-500">{subtitle}</p>}
      {tabs}
      <div className="mt-6 space-y-6">{children}</div>
    </main>
  );
}

export function Card({
  title,
  children,
  testId,
}: {
  title?: ReactNode;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <section
      data-testid={testId}
      className="rounded-xl bg-white p-4 shadow-xs ring-1 ring-slate-900/5 sm:p-5"
    >
      {title && <h2 className="mb-3 text-base font-semibold text-slate-900">{title}</h2>}
      {children}
    </section>
  );
}

/** Level prices / Customer prices / Import. */
export function PricingTabs() {
  const { t } = useTranslation();
  const tabs = [
    { to: '/prices', label: t('pricing.tabs.levelPrices') },
    { to: '/prices/customers', label: t('pricing.tabs.customerPrices') },
    { to: '/prices/import', label: t('pricing.tabs.import') },
  ];
  return (
    <nav
      aria-label={t('pricing.tabs.label')}
      className="mt-4 flex gap-1 overflow-x-auto border-b border-slate-200"
    >
      {tabs.map((tab) => (
        <NavLink
          key={tab.to}
          to={tab.to}
          end
          data-testid="pricing-tab"
          className={({ isActive }) =>
            `-mb-px shrink-0 border-b-2 px-3 py-2 text-sm font-medium ${
              isActive
                ? 'border-indigo-600 text-indigo-700'
                : 'border-transparent text-slate-500 hover:text-slate-800'
            }`
          }
        >
          {tab.label}
        </NavLink>
      ))}
    </nav>
  );
}

/** The problems of one field, next to it: the API's message or one of ours. */
export function FieldError({
  problems,
  field,
  below = false,
}: {
  problems?: readonly InputProblem[];
  field: string;
  /** Also the problems of the fields below it (`zones.0.productIds.3` for `zones.0.productIds`). */
  below?: boolean;
}) {
  const { t } = useTranslation();
  const mine = (problems ?? []).filter(
    (p) => p.field === field || (below && p.field.startsWith(`${field}.`)),
  );
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
          {p.messageKey ? t(`pricing.problems.${p.messageKey}`) : p.message}
        </p>
      ))}
    </>
  );
}

/** Problems whose field no input shows (e.g. `skuId`), or the error's message when none. */
export function FormProblems({
  problems,
  shown,
  message,
}: {
  problems?: readonly InputProblem[];
  shown: readonly string[];
  message?: string;
}) {
  const { t } = useTranslation();
  const rest = (problems ?? []).filter(
    (p) => !shown.some((f) => p.field === f || p.field.startsWith(`${f}.`)),
  );
  if (rest.length === 0 && !message) return null;
  return (
    <div
      role="alert"
      data-testid="form-error"
      className="rounded-md bg-red-50 px-3 py-2 text-xs text-red-700"
    >
      {rest.length === 0
        ? message
        : rest.map((p) => (
            <p key={`${p.field}:${p.message ?? p.messageKey}`}>
              {p.messageKey ? t(`pricing.problems.${p.messageKey}`) : p.message}
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
