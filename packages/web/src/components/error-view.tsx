import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, useLocation } from 'react-router';

type Kind = 'unavailable' | 'notFound' | 'generic';

function kindOf(error: unknown): Kind {
  if (isRouteErrorResponse(error)) {
    if (error.status === 404) return 'notFound';
    const reason = (error.data as { reason?: string } | null)?.reason;
    if (error.status === 503 || reason === 'unavailable') return 'unavailable';
  }
  return 'generic';
}

/** A translated error message with a way out: full page, or `inline` inside a layout. */
export function ErrorView({ error, inline = false }: { error: unknown; inline?: boolean }) {
  const { t } = useTranslation();
  const location = useLocation();
  const kind = kindOf(error);
  const detail = import.meta.env.DEV && error instanceof Error ? error.stack : undefined;
  return (
    <main
      className={`flex items-center justify-center px-4 py-12 ${inline ? 'min-h-[60dvh]' : 'min-h-dvh bg-slate-50'}`}
    >
      <div
        data-testid="page-error"
        data-error-kind={kind}
        className="w-full max-w-md rounded-2xl border border-slate-200 bg-white p-8 text-center shadow-sm"
      >
        <div className="mx-auto mb-4 flex size-12 items-center justify-center rounded-full bg-amber-50 text-2xl text-amber-600">
          !
        </div>
        <h1 className="text-lg font-semibold text-slate-900">{t(`error.${kind}Title`)}</h1>
        <p className="mt-2 text-sm text-slate-600">{t(`error.${kind}Body`)}</p>
        <div className="mt-6 flex justify-center gap-3">
          {/* Plain links: reload the document, so a recovered server renders a fresh page. */}
          <a
            href="/"
            className="rounded-lg border border-slate-300 px-4 py-2 text-sm font-medium text-slate-700 hover:bg-slate-50"
          >
            {t('error.backHome')}
          </a>
          {kind !== 'notFound' && (
            <a
              href={location.pathname + location.search}
              className="rounded-lg bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-800"
            >
              {t('error.retry')}
            </a>
          )}
        </div>
        {detail && (
          <pre className="mt-6 max-h-64 overflow-auto rounded-lg bg-slate-100 p-3 text-left text-xs text-slate-700">
            {detail}
          </pre>
        )}
      </div>
    </main>
  );
}
