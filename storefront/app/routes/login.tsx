import { LanguageSwitcher } from '@wholesail/web/components/language-switcher';
import { defaultTenant } from '@wholesail/web/env.server';
import { login, readLoginForm } from '@wholesail/web/login.server';
import { safeRedirect } from '@wholesail/web/session.server';
import { useTranslation } from 'react-i18next';
import { data, Form, redirect, useNavigation, useSearchParams } from 'react-router';
import { session } from '../lib/session.server';
import type { Route } from './+types/login';

export async function loader({ request }: Route.LoaderArgs) {
  if (await session.readAuth(request)) {
    throw redirect(safeRedirect(new URL(request.url).searchParams.get('redirectTo')));
  }
  return { tenant: defaultTenant() };
}

export async function action({ request }: Route.ActionArgs) {
  const form = await request.formData();
  const input = readLoginForm(form);
  const outcome = await login(request, input, 'CustomerUser');
  if (!outcome.ok) {
    return data(
      { error: outcome.error, username: input.username, tenant: input.tenant },
      { status: outcome.status },
    );
  }
  const { viewer } = outcome;
  const cookie = await session.commitAuth(request, {
    token: outcome.token,
    expiresAt: outcome.expiresAt,
    viewer: {
      id: viewer.id,
      name: viewer.name,
      customerId: viewer.customer.id,
      customerName: viewer.customer.name,
    },
  });
  return redirect(safeRedirect(form.get('redirectTo')), { headers: { 'Set-Cookie': cookie } });
}

export default function Login({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const [searchParams] = useSearchParams();
  const submitting = navigation.state !== 'idle' && navigation.formMethod?.toUpperCase() === 'POST';
  const error = actionData?.error;
  const tenant = actionData?.tenant ?? loaderData.tenant;
  const errorMessage = error
    ? t(`login.errors.${error.code}`, { seconds: error.retryAfterSeconds ?? 0 })
    : undefined;

  return (
    <main className="flex min-h-dvh flex-col bg-gradient-to-b from-orange-500 via-orange-400/70 to-slate-50 to-60%">
      <title>{t('login.pageTitle')}</title>
      <header className="flex items-center justify-between px-5 pt-[max(1rem,env(safe-area-inset-top))] pb-4">
        <span className="text-base font-semibold tracking-tight text-white">{t('app.name')}</span>
        <LanguageSwitcher className="rounded-full bg-white/90 p-0.5 shadow-sm" />
      </header>

      <div className="flex flex-1 flex-col items-center px-4 pt-6 pb-10 sm:pt-16">
        <div className="w-full max-w-sm rounded-2xl bg-white p-6 shadow-xl shadow-orange-900/10 ring-1 ring-slate-900/5 sm:p-8">
          <div className="mb-6">
            <div className="mb-4 flex size-11 items-center justify-center rounded-xl bg-orange-500 text-lg font-bold text-white shadow-sm">
              W
            </div>
            <h1 className="text-xl font-semibold text-slate-900">{t('login.title')}</h1>
            <p className="mt-1 text-sm text-slate-500">{t('login.subtitle')}</p>
          </div>

          {errorMessage && (
            <div
              role="alert"
              data-testid="login-error"
              data-error-code={error?.code}
              className="mb-4 rounded-lg border border-red-200 bg-red-50 px-3 py-2.5 text-sm text-red-700"
            >
              {errorMessage}
            </div>
          )}

          <Form method="post" className="space-y-4" replace>
            <input type="hidden" name="redirectTo" value={searchParams.get('redirectTo') ?? '/'} />
            <label className="block">
              <span className="mb-1.5 block text-sm font-medium text-slate-700">{t('login.username')}</span>
              <input
                name="username"
                type="text"
                autoComplete="username"
                autoCapitalize="none"
                required
                defaultValue={actionData?.username ?? ''}
                placeholder={t('login.usernamePlaceholder')}
                className="block w-full rounded-lg border border-slate-300 bg-white px-3 py-2.5 text-base text-slate-900 placeholder:text-slate-400 focus:border-orange-500 focus:ring-2 focus:ring-orange-500/20 focus:outline-none sm:text-sm"
              />
            </label>
            <label className="block">
              <span className="mb-1.5 block text-sm font-medium text-slate-700">{t('login.password')}</span>
              <input
                name="password"
                type="password"
                autoComplete="current-password"
                required
                placeholder={t('login.passwordPlaceholder')}
                className="block w-full rounded-lg border border-slate-300 bg-white px-3 py-2.5 text-base text-slate-900 placeholder:text-slate-400 focus:border-orange-500 focus:ring-2 focus:ring-orange-500/20 focus:outline-none sm:text-sm"
              />
            </label>

            <details className="group text-sm" open={tenant !== loaderData.tenant}>
              <summary className="cursor-pointer select-none text-slate-500 hover:text-slate-700">
                {t('login.advanced')}
              </summary>
              <label className="mt-3 block">
                <span className="mb-1.5 block text-sm font-medium text-slate-700">{t('login.tenant')}</span>
                <input
                  name="tenant"
                  type="text"
                  autoCapitalize="none"
                  defaultValue={tenant}
                  className="block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 focus:border-orange-500 focus:ring-2 focus:ring-orange-500/20 focus:outline-none sm:text-sm"
                />
                <span className="mt-1 block text-xs text-slate-400">{t('login.tenantHint')}</span>
              </label>
            </details>

            <button
              type="submit"
              disabled={submitting}
              className="flex w-full items-center justify-center rounded-lg bg-orange-500 px-4 py-2.5 text-base font-semibold text-white shadow-sm transition hover:bg-orange-600 focus-visible:ring-2 focus-visible:ring-orange-500 focus-visible:ring-offset-2 focus-visible:outline-none disabled:cursor-wait disabled:opacity-70 sm:text-sm"
            >
              {submitting ? t('login.submitting') : t('login.submit')}
            </button>
          </Form>
          <p className="mt-6 text-center text-xs text-slate-400">{t('login.help')}</p>
        </div>
        <p className="mt-8 text-center text-xs text-slate-400">{t('app.tagline')}</p>
      </div>
    </main>
  );
}
