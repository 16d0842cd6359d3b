import type { i18n } from 'i18next';
import { type ReactNode, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useRouteLoaderData } from 'react-router';
import { Provider as UrqlProvider } from 'urql';
import { DEFAULT_LANGUAGE, type Language } from './i18n';
import { createBrowserClient } from './urql';

/** What the root route's loader returns (see `languageData` in `language.server`). */
export interface RootData {
  lng: Language;
}

/**
 * The HTML document of an app (the root route's `Layout`): the language from the root loader,
 * the app's translations and its browser theme colour.
 */
export function Document({
  children,
  themeColor,
  i18nFor,
}: {
  children: ReactNode;
  themeColor: string;
  i18nFor: (lng: Language) => i18n;
}) {
  const rootData = useRouteLoaderData<RootData>('root');
  const lng = rootData?.lng ?? DEFAULT_LANGUAGE;
  return (
    <html lang={lng}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
        <meta name="theme-color" content={themeColor} />
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

/** The root route's component: the pages, with the browser's urql client. */
export function AppOutlet() {
  // One client per browser tab (and per server render, where it stays unused).
  const [client] = useState(createBrowserClient);
  return (
    <UrqlProvider value={client}>
      <Outlet />
    </UrqlProvider>
  );
}
