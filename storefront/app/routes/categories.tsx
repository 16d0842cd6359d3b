import { ErrorView } from '@wholesail/web/components/error-view';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useLocalized } from '../lib/format';
import { CATEGORIES_QUERY, type CategoriesData } from '../lib/queries';
import { shopQuery } from '../lib/shop.server';
import type { Route } from './+types/categories';

export async function loader({ request }: Route.LoaderArgs) {
  const { data } = await shopQuery<CategoriesData>(request, CATEGORIES_QUERY);
  return { categories: data.categories ?? [] };
}

/** The category tree: top level on the left, the chosen one's subcategories on the right. */
export default function Categories({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { name } = useLocalized();
  const [params] = useSearchParams();
  const { categories } = loaderData;
  const current = categories.find((c) => c.id === params.get('top')) ?? categories[0];

  return (
    <main className="mx-auto flex h-[calc(100dvh-3.5rem-4rem)] max-w-6xl md:h-[calc(100dvh-3.5rem)]">
      <title>{`${t('nav.categories')} - ${t('app.name')}`}</title>
      <nav data-testid="category-rail" className="w-24 shrink-0 overflow-y-auto bg-slate-100 sm:w-40">
        {categories.map((c) => (
          <Link
            key={c.id}
            to={`?top=${encodeURIComponent(c.id)}`}
            replace
            preventScrollReset
            data-testid="category-top"
            aria-current={c.id === current?.id ? 'true' : undefined}
            className={`block border-l-4 px-3 py-3.5 text-sm ${
              c.id === current?.id
                ? 'border-orange-500 bg-white font-medium text-orange-700'
                : 'border-transparent text-slate-600'
            }`}
          >
            {name(c)}
          </Link>
        ))}
      </nav>
      {current ? (
        <section className="flex-1 overflow-y-auto bg-white p-3">
          <Link
            to={`/products?category=${encodeURIComponent(current.id)}`}
            className="mb-3 flex items-center justify-between rounded-xl bg-orange-50 px-3 py-2.5 text-sm text-orange-700"
          >
            <span className="font-medium">{t('categories.all', { name: name(current) })}</span>
            <span>›</span>
          </Link>
          {(current.children ?? []).map((child) => (
            <div key={child.id} className="mb-4">
              <Link
                to={`/products?category=${encodeURIComponent(child.id)}`}
                data-testid="category-link"
                className="mb-2 flex items-center justify-between text-sm font-medium text-slate-900"
              >
                {name(child)}
                <span className="text-xs font-normal text-slate-400">{t('categories.viewAll')} ›</span>
              </Link>
              {(child.children ?? []).length > 0 && (
                <div className="grid grid-cols-3 gap-2">
                  {(child.children ?? []).map((leaf) => (
                    <Link
                      key={leaf.id}
                      to={`/products?category=${encodeURIComponent(leaf.id)}`}
                      data-testid="category-link"
                      className="flex flex-col items-center gap-1 rounded-lg bg-slate-50 px-1 py-2.5 text-center text-xs text-slate-700 ring-1 ring-slate-100"
                    >
                      <span className="flex size-9 items-center justify-center rounded-full bg-white text-sm font-semibold text-orange-500 ring-1 ring-orange-100">
                        {name(leaf).slice(0, 1)}
                      </span>
                      <span className="line-clamp-1">{name(leaf)}</span>
                    </Link>
                  ))}
                </div>
              )}
            </div>
          ))}
        </section>
      ) : (
        <p className="flex-1 p-8 text-center text-sm text-slate-500">{t('list.empty')}</p>
      )}
    </main>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <ErrorView error={error} inline />;
}
