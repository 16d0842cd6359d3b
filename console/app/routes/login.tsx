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
  const outcome = await login(request, input, 'Staff');
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
    viewer: { id: viewer.id, name: viewer.name, roles: viewer.roles },
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
  const inputClass =
    'block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 placeholder:text-slate-400 focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/20 focus:outline-none';

  return (
    <main className="grid min-h-dvh lg:grid-cols-[minmax(0,5fr)_minmax(0,7fr)]">
      <title>{t('login.pageTitle')}</title>
      <aside className="relative hidden flex-col justify-between overflow-hidden bg-gradient-to-br from-indigo-700 via-indigo-600 to-violet-600 p-10 text-white lg:flex">
        <div className="flex items-center gap-2.5">
          <span className="flex size-9 items-center justify-center rounded-lg bg-white/15 text-base font-bold ring-1 ring-white/25">
            W
          </span>
          <span className="text-lg font-semibold tracking-tight">{t('app.name')}</span>
        </div>
        <div>
          <p className="text-2xl leading-snug font-semibold">{t('app.tagline')}</p>
          <p className="mt-3 max-w-sm text-sm text-indigo-100/80">{t('login.subtitle')}</p>
        </div>
        <div className="pointer-events-none absolute -right-24 -bottom-24 size-80 rounded-full bg-white/5" />
        <div className="pointer-events-none absolute -top-16 -right-10 size-56 rounded-full bg-white/5" />
      </aside>

      <section className="flex flex-col bg-white">
        <header className="flex items-center justify-between px-6 py-4">
          <span className="flex items-center gap-2 text-sm font-semibold text-slate-900 lg:invisible">
            <span className="flex size-7 items-center justify-center rounded-md bg-indigo-600 text-xs font-bold text-white">
              W
            </span>
            {t('app.name')}
          </span>
          <LanguageSwitcher />
        </header>
        <div className="flex flex-1 items-center justify-center px-6 pb-16">
          <div className="w-full max-w-sm">
            <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t('login.title')}</h1>
            <p className="mt-1.5 text-sm text-slate-500 lg:hidden">{t('login.subtitle')}</p>

            {errorMessage && (
              <div
                role="alert"
                data-testid="login-error"
                data-error-code={error?.code}
                className="mt-6 rounded-lg border border-red-200 bg-red-50 px-3 py-2.5 text-sm text-red-700"
              >
                {errorMessage}
              </div>
            )}

            <Form method="post" className="mt-6 space-y-4" replace>
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
                  className={inputClass}
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
                  className={inputClass}
                />
              </label>

              <details className="text-sm" open={tenant !== loaderData.tenant}>
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
                    className={inputClass}
                  />
                  <span className="mt-1 block text-xs text-slate-400">{t('login.tenantHint')}</span>
                </label>
              </details>

              <button
                type="submit"
                disabled={submitting}
                className="flex w-full items-center justify-center rounded-lg bg-indigo-600 px-4 py-2.5 text-sm font-semibold text-white shadow-sm transition hover:bg-indigo-500 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:ring-offset-2 focus-visible:outline-none disabled:cursor-wait disabled:opacity-70"
              >
                {submitting ? t('login.submitting') : t('login.submit')}
              </button>
            </Form>
            <p className="mt-8 text-xs text-slate-400">{t('login.help')}</p>
          </div>
        </div>
      </section>
    </main>
  );
}
