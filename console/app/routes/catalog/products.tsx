import { ErrorView } from '@wholesail/web/components/error-view';
import { loadWithAuth } from '@wholesail/web/gateway.server';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Form, Link, useLocation, useNavigation } from 'react-router';
import { catalogMutate, strs } from '../../components/catalog/mutate.server';
import {
  CatalogTabs,
  CategoryOptions,
  card,
  FormErrorBanner,
  filterClass,
  flattenCategories,
  Notice,
  PageHeader,
  primaryButton,
  secondaryButton,
  Thumb,
  useLocalized,
} from '../../components/catalog/ui';
import { PRODUCT_LIST_QUERY, type ProductListData, SET_ON_SHELF_MUTATION } from '../../lib/catalog-queries';
import { session } from '../../lib/session.server';
import type { Route } from './+types/products';

const PAGE_SIZE = 20;

/** The list's state lives in the URL: ?q= &category= &brand= &after= | &before= */
export async function loader({ request }: Route.LoaderArgs) {
  const params = new URL(request.url).searchParams;
  const q = params.get('q')?.trim() ?? '';
  const categoryId = params.get('category') ?? '';
  const brandId = params.get('brand') ?? '';
  const after = params.get('after');
  const before = params.get('before');
  const filter: Record<string, string> = {};
  if (q) filter.search = q;
  if (categoryId) filter.categoryId = categoryId;
  if (brandId) filter.brandId = brandId;
  // Staff see every product, off the shelf too (the API filters only customers and guests).
  const { data, errors } = await loadWithAuth<ProductListData>(session, request, PRODUCT_LIST_QUERY, {
    filter,
    ...(before ? { last: PAGE_SIZE, before } : { first: PAGE_SIZE, after }),
  });
  if (errors.length > 0) console.error('ConsoleProducts answered with errors', errors);
  return {
    q,
    categoryId,
    brandId,
    paged: Boolean(after || before),
    products: data.products,
    brands: data.brands ?? [],
    categories: data.categories ?? [],
  };
}

export async function action({ request }: Route.ActionArgs) {
  await session.requireAuth(request);
  const form = await request.formData();
  const intent = form.get('intent');
  const ids = strs(form, 'ids');
  if (ids.length === 0) {
    return { intent, ok: false as const, error: { message: '@catalog.errors.noneSelected', problems: [] } };
  }
  const onShelf = intent === 'onShelf';
  const outcome = await catalogMutate<{ id: string; onShelf: boolean }[]>(
    request,
    SET_ON_SHELF_MUTATION,
    { ids, onShelf },
    'setProductsOnShelf',
  );
  if (!outcome.ok) return { intent, ok: false as const, error: outcome.error };
  return { intent, ok: true as const, count: outcome.data.length, onShelf };
}

export default function Products({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { name } = useLocalized();
  const location = useLocation();
  const navigation = useNavigation();
  const busy = navigation.state !== 'idle';
  const { products, brands, categories, q, categoryId, brandId, paged } = loaderData;
  const rows = products.edges.map((e) => e.node);
  const flat = flattenCategories(categories);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  // After a bulk change the selection starts over.
  useEffect(() => {
    if (actionData?.ok) setSelected(new Set());
  }, [actionData]);
  const allSelected = rows.length > 0 && rows.every((r) => selected.has(r.id));

  function toggle(id: string) {
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  function pageHref(cursor: { after?: string | null; before?: string | null }) {
    const params = new URLSearchParams(location.search);
    params.delete('after');
    params.delete('before');
    if (cursor.after) params.set('after', cursor.after);
    if (cursor.before) params.set('before', cursor.before);
    return `?${params.toString()}`;
  }

  return (
    <main className="mx-auto max-w-7xl px-4 py-6 lg:px-8">
      <title>{t('catalog.products.pageTitle')}</title>
      <PageHeader
        title={t('catalog.products.title')}
        actions={
          <Link to="/products/new" data-testid="new-product" className={primaryButton}>
            {t('catalog.products.new')}
          </Link>
        }
      />
      <CatalogTabs />

      <Form method="get" className="mt-4 flex flex-wrap items-end gap-2" data-testid="product-filters">
        <input
          type="search"
          name="q"
          defaultValue={q}
          data-testid="product-search"
          placeholder={t('catalog.products.searchPlaceholder')}
          aria-label={t('catalog.products.search')}
          className={`${filterClass} w-full sm:w-72`}
        />
        <select
          name="category"
          defaultValue={categoryId}
          data-testid="filter-category"
          aria-label={t('catalog.products.category')}
          className={filterClass}
        >
          <option value="">{t('catalog.products.allCategories')}</option>
          <CategoryOptions categories={flat} />
        </select>
        <select
          name="brand"
          defaultValue={brandId}
          data-testid="filter-brand"
          aria-label={t('catalog.products.brand')}
          className={filterClass}
        >
          <option value="">{t('catalog.products.allBrands')}</option>
          {brands.map((b) => (
            <option key={b.id} value={b.id}>
              {name(b)}
            </option>
          ))}
        </select>
        <button type="submit" data-testid="product-search-submit" className={secondaryButton}>
          {t('catalog.products.searchButton')}
        </button>
        {(q || categoryId || brandId) && (
          <Link to="/products" className="px-2 py-1.5 text-sm text-slate-500 hover:text-slate-800">
            {t('catalog.products.clear')}
          </Link>
        )}
      </Form>

      <Form method="post" className="mt-4">
        {actionData && !actionData.ok && <FormErrorBanner error={actionData.error} />}
        {actionData?.ok && (
          <Notice testId="shelf-notice">
            {t(actionData.onShelf ? 'catalog.products.putOnShelfDone' : 'catalog.products.takenOffDone', {
              count: actionData.count,
            })}
          </Notice>
        )}
        <div className="mb-2 flex flex-wrap items-center gap-2 text-sm">
          <span className="text-slate-500" data-testid="selected-count">
            {t('catalog.products.selected', { count: selected.size })}
          </span>
          <button
            type="submit"
            name="intent"
            value="onShelf"
            disabled={busy || selected.size === 0}
            data-testid="bulk-on-shelf"
            className={secondaryButton}
          >
            {t('catalog.products.putOnShelf')}
          </button>
          <button
            type="submit"
            name="intent"
            value="offShelf"
            disabled={busy || selected.size === 0}
            data-testid="bulk-off-shelf"
            className={secondaryButton}
          >
            {t('catalog.products.takeOffShelf')}
          </button>
        </div>
        {[...selected].map((id) => (
          <input key={id} type="hidden" name="ids" value={id} />
        ))}

        <div className={`${card} overflow-x-auto`}>
          <table className="min-w-full text-sm" data-testid="product-table">
            <thead className="bg-slate-50 text-left text-xs font-medium text-slate-500">
              <tr>
                <th className="w-8 px-3 py-2">
                  <input
                    type="checkbox"
                    aria-label={t('catalog.products.selectAll')}
                    data-testid="select-all"
                    checked={allSelected}
                    onChange={() =>
                      setSelected((current) => {
                        const next = new Set(current);
                        for (const r of rows) {
                          if (allSelected) next.delete(r.id);
                          else next.add(r.id);
                        }
                        return next;
                      })
                    }
                  />
                </th>
                <th className="px-3 py-2">{t('catalog.products.colProduct')}</th>
                <th className="px-3 py-2">{t('catalog.products.brand')}</th>
                <th className="px-3 py-2">{t('catalog.products.category')}</th>
                <th className="px-3 py-2 text-right">{t('catalog.products.colSkus')}</th>
                <th className="px-3 py-2">{t('catalog.products.colStatus')}</th>
                <th className="px-3 py-2">{t('catalog.products.colTags')}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((p) => (
                <tr key={p.id} data-testid="product-row" data-product-id={p.id} className="hover:bg-slate-50">
                  <td className="px-3 py-2">
                    <input
                      type="checkbox"
                      aria-label={t('catalog.products.select', { name: name(p) })}
                      data-testid="product-select"
                      checked={selected.has(p.id)}
                      onChange={() => toggle(p.id)}
                    />
                  </td>
                  <td className="px-3 py-2">
                    <Link
                      to={`/products/${p.id}`}
                      className="flex items-center gap-3"
                      data-testid="product-link"
                    >
                      <Thumb src={p.images[0]} alt={p.name} />
                      <span>
                        <span data-testid="product-name" className="block font-medium text-slate-900">
                          {name(p)}
                        </span>
                        {p.nameEn && p.nameEn !== name(p) && (
                          <span className="block text-xs text-slate-400">{p.nameEn}</span>
                        )}
                      </span>
                    </Link>
                  </td>
                  <td className="px-3 py-2 text-slate-600">{name(p.brand)}</td>
                  <td className="px-3 py-2 text-slate-600">{name(p.category)}</td>
                  <td className="px-3 py-2 text-right tabular-nums" data-testid="product-sku-count">
                    {p.skus.length}
                  </td>
                  <td className="px-3 py-2">
                    <span
                      data-testid="product-status"
                      data-on-shelf={p.onShelf ? 'true' : 'false'}
                      className={`rounded-md px-2 py-0.5 text-xs font-medium ${
                        p.onShelf ? 'bg-emerald-50 text-emerald-700' : 'bg-slate-100 text-slate-500'
                      }`}
                    >
                      {t(p.onShelf ? 'catalog.products.onShelf' : 'catalog.products.offShelf')}
                    </span>
                  </td>
                  <td className="px-3 py-2">
                    <span className="flex flex-wrap gap-1">
                      {p.tags.map((tag) => (
                        <span
                          key={tag}
                          className="rounded bg-indigo-50 px-1.5 py-0.5 text-xs text-indigo-700"
                        >
                          {t(`catalog.tags.${tag}`)}
                        </span>
                      ))}
                    </span>
                  </td>
                </tr>
              ))}
              {rows.length === 0 && (
                <tr>
                  <td
                    colSpan={7}
                    className="px-3 py-10 text-center text-slate-400"
                    data-testid="products-empty"
                  >
                    {t('catalog.products.empty')}
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
      </Form>

      <div className="mt-4 flex items-center justify-end gap-2">
        {paged && (
          <Link to={pageHref({})} className={secondaryButton} data-testid="first-page">
            {t('catalog.products.firstPage')}
          </Link>
        )}
        {products.pageInfo.hasPreviousPage && products.pageInfo.startCursor && (
          <Link
            to={pageHref({ before: products.pageInfo.startCursor })}
            className={secondaryButton}
            data-testid="prev-page"
          >
            {t('catalog.products.prevPage')}
          </Link>
        )}
        {products.pageInfo.hasNextPage && products.pageInfo.endCursor && (
          <Link
            to={pageHref({ after: products.pageInfo.endCursor })}
            className={secondaryButton}
            data-testid="next-page"
          >
            {t('catalog.products.nextPage')}
          </Link>
        )}
      </div>
    </main>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <ErrorView error={error} inline />;
}
