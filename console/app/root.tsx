import { type ReactNode, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { data, Links, Meta, Outlet, Scripts, ScrollRestoration, useRouteLoaderData } from 'react-router';
import { Provider as UrqlProvider } from 'urql';
import type { Route } from './+types/root';
import './app.css';
import { ErrorView } from './components/error-view';
import { DEFAULT_LANGUAGE, i18nFor } from './i18n';
import { resolveLanguage } from './lib/language.server';
import { createBrowserClient } from './lib/urql';

export function loader({ request }: Route.LoaderArgs) {
  const { lng, setCookie } = resolveLanguage(request);
  return data({ lng }, setCookie ? { headers: { 'Set-Cookie': setCookie } } : undefined);
}

export function Layout({ children }: { children: ReactNode }) {
  const rootData = useRouteLoaderData<typeof loader>('root');
  const lng = rootData?.lng ?? DEFAULT_LANGUAGE;
  return (
    <html lang={lng}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
        <meta name="theme-color" content="#4f46e5" />
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        <Meta />
        <Links />
      </head>
      <body className="min-h-dvh bg-slate-50 text-slate-900">
        <I18nextProvider i18n={i18nFor(lng)}>{children}</I18nextProvider>
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

export default function App() {
  // One client per browser tab (and per server render, where it stays unused).
  const [client] = useState(createBrowserClient);
  return (
    <UrqlProvider value={client}>
      <Outlet />
    </UrqlProvider>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <ErrorView error={error} />;
}
