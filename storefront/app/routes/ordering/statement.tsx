import { ErrorView } from '@wholesail/web/components/error-view';
import { useTranslation } from 'react-i18next';
import { Form, Link } from 'react-router';
import { money, useChinaTime } from '../../components/ordering/format';
import { MY_STATEMENT_QUERY, type MyStatementData } from '../../lib/ordering-queries';
import { session } from '../../lib/session.server';
import { shopQuery } from '../../lib/shop.server';
import type { Route } from './+types/statement';

/** `2026-12` for a moment, in China time (UTC+8, no daylight saving). */
function chinaMonth(at: Date): string {
  const china = new Date(at.getTime() + 8 * 3600_000);
  return `${china.getUTCFullYear()}-${String(china.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** The first moment of a month in China time, as an instant. */
function monthStart(year: number, month: number): Date {
  return new Date(Date.UTC(year, month - 1, 1) - 8 * 3600_000);
}

export async function loader({ request }: Route.LoaderArgs) {
  await session.requireAuth(request);
  const asked = new URL(request.url).searchParams.get('month') ?? '';
  const month = /^\d{4}-(0[1-9]|1[0-2])$/.test(asked) ? asked : chinaMonth(new Date());
  const [year, mm] = month.split('-').map(Number) as [number, number];
  const from = monthStart(year, mm);
  const to = monthStart(mm === 12 ? year + 1 : year, mm === 12 ? 1 : mm + 1);
  const previous = chinaMonth(new Date(from.getTime() - 1));
  const next = chinaMonth(to);
  const { data, errors } = await shopQuery<MyStatementData>(request, MY_STATEMENT_QUERY, {
    from: from.toISOString(),
    to: to.toISOString(),
  });
  const answer = data.myStatement;
  return {
    month,
    previous,
    next: next <= chinaMonth(new Date()) ? next : null,
    statement: answer.__typename === 'QueryMyStatementSuccess' ? answer.data : null,
    error: answer.__typename === 'ValidationError' ? answer.message : null,
    partial: errors.length > 0,
  };
}

export default function StatementPage({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { dateTime } = useChinaTime();
  const { month, previous, next, statement, error, partial } = loaderData;
  const figures = statement
    ? ([
        ['openingBalance', statement.openingBalance],
        ['orders', statement.orders],
        ['returns', statement.returns],
        ['receipts', statement.receipts],
        ['adjustments', statement.adjustments],
      ] as const)
    : [];

  return (
    <main className="mx-auto max-w-3xl pb-10 sm:px-4 sm:pt-4">
      <title>{`${t('ordering.statement.title')} - ${t('app.name')}`}</title>
      <div className="flex items-center justify-between px-4 pt-3 pb-2 sm:px-0">
        <h1 className="text-lg font-semibold text-slate-900">{t('ordering.statement.title')}</h1>
        <Form method="get" className="flex items-center gap-2 text-sm">
          <Link to={`?month=${previous}`} data-testid="statement-previous" className="px-1 text-slate-500">
            ‹
          </Link>
          <input
            type="month"
            name="month"
            defaultValue={month}
            key={month}
            data-testid="statement-month"
            aria-label={t('ordering.statement.month')}
            onChange={(event) => event.currentTarget.form?.requestSubmit()}
            className="rounded-lg px-2 py-1 text-sm ring-1 ring-slate-300"
          />
          {next && (
            <Link to={`?month=${next}`} data-testid="statement-next" className="px-1 text-slate-500">
              ›
            </Link>
          )}
        </Form>
      </div>
      <p className="px-4 pb-2 text-xs text-slate-500 sm:px-0">{t('ordering.statement.note')}</p>
      {partial && <p className="px-4 pb-2 text-xs text-amber-700 sm:px-0">{t('home.partial')}</p>}
      {error && (
        <p role="alert" className="mx-4 rounded-xl bg-red-50 px-3 py-2 text-sm text-red-700 sm:mx-0">
          {error}
        </p>
      )}

      {statement && (
        <>
          <section
            data-testid="statement-summary"
            className="mx-4 rounded-2xl bg-white p-4 text-sm ring-1 ring-slate-200 sm:mx-0"
          >
            <dl className="grid grid-cols-[1fr_auto] gap-y-1.5">
              {figures.map(([key, value]) => (
                <div key={key} className="contents">
                  <dt className="text-slate-500">{t(`ordering.statement.${key}`)}</dt>
                  <dd
                    data-testid={`statement-${key}`}
                    data-amount={value.amount}
                    className="text-right tabular-nums"
                  >
                    {money(value)}
                  </dd>
                </div>
              ))}
              <dt className="font-medium text-slate-900">{t('ordering.statement.closingBalance')}</dt>
              <dd
                data-testid="statement-closingBalance"
                data-amount={statement.closingBalance.amount}
                className="text-right text-base font-semibold text-red-600 tabular-nums"
              >
                {money(statement.closingBalance)}
              </dd>
            </dl>
          </section>

          <section className="mx-4 mt-2 overflow-hidden rounded-2xl bg-white ring-1 ring-slate-200 sm:mx-0">
            <h2 className="px-4 pt-3 text-sm font-medium text-slate-900">
              {t('ordering.statement.entries')}
            </h2>
            {statement.entries.length === 0 ? (
              <p data-testid="statement-empty" className="px-4 py-6 text-center text-sm text-slate-400">
                {t('ordering.statement.empty')}
              </p>
            ) : (
              <ul className="divide-y divide-slate-100">
                {statement.entries.map((entry) => (
                  <li
                    key={entry.id}
                    data-testid="statement-entry"
                    data-kind={entry.kind}
                    className="flex items-center justify-between gap-3 px-4 py-2.5 text-sm"
                  >
                    <div className="min-w-0">
                      <p className="text-slate-800">
                        {t(`ordering.ledger.${entry.kind}`, { defaultValue: entry.kind })}
                        {entry.orderId && (
                          <Link
                            to={`/orders/${encodeURIComponent(entry.orderId)}`}
                            className="ml-1.5 text-xs text-orange-600"
                          >
                            {t('ordering.statement.viewOrder')}
                          </Link>
                        )}
                      </p>
                      <p className="truncate text-xs text-slate-400">
                        {dateTime(entry.at)}
                        {entry.note ? ` · ${entry.note}` : ''}
                      </p>
                    </div>
                    <div className="shrink-0 text-right tabular-nums">
                      <p
                        className={
                          entry.change.amount.startsWith('-') ? 'text-emerald-600' : 'text-slate-900'
                        }
                      >
                        {entry.change.amount.startsWith('-') ? '' : '+'}
                        {money(entry.change)}
                      </p>
                      <p className="text-xs text-slate-400">
                        {t('ordering.statement.balance', { balance: money(entry.balance) })}
                      </p>
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </main>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <ErrorView error={error} inline />;
}
