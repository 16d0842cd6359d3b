import { ErrorView } from '@wholesail/web/components/error-view';
import { loadWithAuth } from '@wholesail/web/gateway.server';
import { loginUrl } from '@wholesail/web/session.server';
import type { ReactNode } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { redirect } from 'react-router';
import { RoleBadges } from '../components/role-badges';
import { CONSOLE_HOME_QUERY, type ConsoleHomeData, type Money } from '../lib/queries';
import { session } from '../lib/session.server';
import type { Route } from './+types/home';

export async function loader({ request }: Route.LoaderArgs) {
  const { data, errors } = await loadWithAuth<ConsoleHomeData>(session, request, CONSOLE_HOME_QUERY);
  const me = data.me;
  if (me?.__typename !== 'Staff' || !('roles' in me)) {
    // Only staff belong here; anything else starts over at the login page.
    throw redirect(loginUrl(request), { headers: { 'Set-Cookie': await session.destroyAuth(request) } });
  }
  if (errors.length > 0) console.error('ConsoleHome answered with errors', errors);
  // A role without access to order statistics still gets the page, with the figures marked.
  return { me, orderStats: data.orderStats, partial: errors.length > 0 };
}

/** `12345.60` -> `¥12,345.60`, on the decimal string itself (no floating point near money). */
function formatMoney({ amount, currency }: Money): string {
  const [whole = '0', fraction] = amount.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${currency === 'CNY' ? '¥' : `${currency} `}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}

function StatCard({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div className="rounded-xl bg-white p-5 shadow-xs ring-1 ring-slate-900/5">
      <dt className="text-sm text-slate-500">{label}</dt>
      <dd
        data-testid={testId}
        className="mt-2 text-3xl font-semibold tracking-tight text-slate-900 tabular-nums"
      >
        {children}
      </dd>
    </div>
  );
}

export default function Home({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { me, orderStats, partial } = loaderData;

  return (
    <main className="mx-auto max-w-6xl px-4 py-6 lg:px-8 lg:py-8">
      <title>{t('dashboard.pageTitle')}</title>
      <div className="flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">
            <Trans
              i18nKey="dashboard.greeting"
              values={{ name: me.name }}
              components={{ name: <span data-testid="staff-name" /> }}
            />
          </h1>
          <p className="mt-1 text-sm text-slate-500">{t('dashboard.subtitle')}</p>
        </div>
        <div className="flex items-center gap-2 text-sm text-slate-500">
          <span>{t('dashboard.roles')}</span>
          <RoleBadges roles={me.roles} testId="staff-roles" />
        </div>
      </div>

      {partial && (
        <p role="status" className="mt-6 rounded-lg bg-amber-50 px-3 py-2 text-xs text-amber-700">
          {t('dashboard.partial')}
        </p>
      )}

      <dl className="mt-6 grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
        <StatCard label={t('dashboard.todayOrders')}>
          {orderStats ? (
            <>
              <span data-testid="today-order-count">{orderStats.todayCount}</span>
              <span className="ml-1.5 text-sm font-normal text-slate-400">
                {t('dashboard.todayOrdersUnit')}
              </span>
            </>
          ) : (
            <span className="text-base font-normal text-slate-400">{t('dashboard.noAccess')}</span>
          )}
        </StatCard>
        <StatCard label={t('dashboard.todayAmount')} testId="today-order-amount">
          {orderStats ? (
            formatMoney(orderStats.todayAmount)
          ) : (
            <span className="text-base font-normal text-slate-400">{t('dashboard.noAccess')}</span>
          )}
        </StatCard>
      </dl>

      <p className="mt-10 rounded-xl border border-dashed border-slate-300 px-4 py-10 text-center text-sm text-slate-400">
        {t('dashboard.comingSoon')}
      </p>
    </main>
  );
}

/** Errors of this page render inside the layout, so the navigation stays usable. */
export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <ErrorView error={error} inline />;
}
