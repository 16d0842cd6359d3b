import { ErrorView } from '@wholesail/web/components/error-view';
import { type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useClient } from 'urql';
import { ProductCard } from '../components/product-card';
import { useLocalized } from '../lib/format';
import {
  type CardProduct,
  type CategoryNode,
  PRODUCT_LIST_QUERY,
  PRODUCT_SORTS,
  PRODUCT_TAGS,
  PRODUCTS_QUERY,
  type ProductFilterInput,
  type ProductListData,
  type ProductSort,
  type ProductsData,
  type ProductTag,
} from '../lib/queries';
import { shopQuery } from '../lib/shop.server';
import type { Route } from './+types/products';

const PAGE_SIZE = 20;

/** The list's state lives in the URL: ?q= &category= &brand= &tag= (repeated) &instock=1 &sort= */
function readParams(search: URLSearchParams): { filter: ProductFilterInput; sort: ProductSort } {
  const filter: ProductFilterInput = {};
  const q = search.get('q')?.trim();
  if (q) filter.search = q;
  const category = search.get('category');
  if (category) filter.categoryId = category;
  const brand = search.get('brand');
  if (brand) filter.brandId = brand;
  const tags = search
    .getAll('tag')
    .filter((tag): tag is ProductTag => (PRODUCT_TAGS as string[]).includes(tag));
  if (tags.length > 0) filter.tags = tags;
  if (search.get('instock') === '1') filter.inStock = true;
  const askedSort = search.get('sort') as ProductSort | null;
  const sort = askedSort && PRODUCT_SORTS.includes(askedSort) ? askedSort : 'DEFAULT';
  return { filter, sort };
}

export async function loader({ request }: Route.LoaderArgs) {
  const { filter, sort } = readParams(new URL(request.url).searchParams);
  const { data, errors } = await shopQuery<ProductListData>(request, PRODUCT_LIST_QUERY, {
    filter,
    sort,
    first: PAGE_SIZE,
    // Facet counts under the in-stock filter take seconds in catalog today (reported); the
    // list itself is fast, so the page leaves the chips out while that filter is on.
    withFacets: !filter.inStock,
  });
  return {
    filter,
    sort,
    page: data.products,
    categories: data.categories ?? [],
    brands: data.brands ?? [],
    partial: errors.length > 0,
  };
}

function findCategory(
  nodes: CategoryNode[],
  id: string,
  parent: CategoryNode | null = null,
): { node: CategoryNode; parent: CategoryNode | null } | null {
  for (const node of nodes) {
    if (node.id === id) return { node, parent };
    const below = findCategory(node.children ?? [], id, node);
    if (below) return below;
  }
  return null;
}

/** This list's URL with one parameter changed (null removes it); paging always starts over. */
function useHref() {
  const location = useLocation();
  return (changes: Record<string, string | string[] | null>) => {
    const params = new URLSearchParams(location.search);
    for (const [key, value] of Object.entries(changes)) {
      params.delete(key);
      if (Array.isArray(value)) for (const v of value) params.append(key, v);
      else if (value !== null) params.set(key, value);
    }
    const query = params.toString();
    return `/products${query ? `?${query}` : ''}`;
  };
}

function Chip({
  to,
  active,
  children,
  testId,
}: {
  to: string;
  active: boolean;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <Link
      to={to}
      replace
      preventScrollReset
      data-testid={testId}
      data-active={active ? 'true' : undefined}
      className={`shrink-0 rounded-full px-3 py-1 text-xs whitespace-nowrap ring-1 ${
        active
          ? 'bg-orange-500 text-white ring-orange-500'
          : 'bg-white text-slate-600 ring-slate-200 hover:ring-slate-300'
      }`}
    >
      {children}
    </Link>
  );
}

/** "Load more" pages through the connection with its cursors, here in the browser. */
function usePages(
  first: { products: CardProduct[]; endCursor: string | null; hasNextPage: boolean },
  variables: object,
) {
  const client = useClient();
  const [products, setProducts] = useState(first.products);
  const [cursor, setCursor] = useState(first.endCursor);
  const [hasMore, setHasMore] = useState(first.hasNextPage);
  const [loading, setLoading] = useState(false);
  const [failed, setFailed] = useState(false);
  const busy = useRef(false);

  useEffect(() => {
    setProducts(first.products);
    setCursor(first.endCursor);
    setHasMore(first.hasNextPage);
    setFailed(false);
  }, [first]);

  async function loadMore() {
    if (busy.current || !hasMore) return;
    busy.current = true;
    setLoading(true);
    const result = await client
      .query<ProductsData>(
        PRODUCTS_QUERY,
        { ...variables, first: PAGE_SIZE, after: cursor },
        { requestPolicy: 'network-only' },
      )
      .toPromise();
    busy.current = false;
    setLoading(false);
    const page = result.data?.products;
    if (!page) {
      setFailed(true);
      return;
    }
    setProducts((before) => {
      const seen = new Set(before.map((p) => p.id));
      return [...before, ...page.edges.map((edge) => edge.node).filter((p) => !seen.has(p.id))];
    });
    setCursor(page.pageInfo.endCursor);
    setHasMore(page.pageInfo.hasNextPage);
  }
  return { products, hasMore, loading, failed, loadMore };
}

export default function Products({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { name } = useLocalized();
  const href = useHref();
  const { filter, sort, page, categories, brands, partial } = loaderData;
  // A new loader answer (another filter or sort) starts the pager over.
  const first = useMemo(() => toFirst(page), [page]);
  const { products, hasMore, loading, failed, loadMore } = usePages(first, { filter, sort });
  const sentinel = useRef<HTMLDivElement>(null);

  // Infinite scroll: the next page loads when the end of the list comes into view.
  useEffect(() => {
    const target = sentinel.current;
    if (!target || !hasMore || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) void loadMore();
      },
      { rootMargin: '400px' },
    );
    observer.observe(target);
    return () => observer.disconnect();
  });

  const category = filter.categoryId ? findCategory(categories, filter.categoryId) : null;
  const brand = filter.brandId ? brands.find((b) => b.id === filter.brandId) : undefined;
  const heading = filter.search
    ? t('list.searchTitle', { text: filter.search })
    : category
      ? name(category.node)
      : brand
        ? name(brand)
        : t('list.allTitle');
  const subcategories = category
    ? category.node.children?.length
      ? category.node.children
      : (category.parent?.children ?? [])
    : [];
  const facets = page?.facets;
  const tags = filter.tags ?? [];
  const priceSort = sort === 'PRICE_ASC' ? 'PRICE_DESC' : 'PRICE_ASC';

  return (
    <main className="mx-auto max-w-6xl px-4 pt-3 pb-8">
      <title>{`${heading} - ${t('app.name')}`}</title>
      <div className="flex items-center gap-2">
        {category?.parent && (
          <Link to={href({ category: category.parent.id })} className="text-xs text-slate-400">
            {name(category.parent)} ›
          </Link>
        )}
        <h1 data-testid="list-title" className="text-lg font-semibold text-slate-900">
          {heading}
        </h1>
        {brand && (filter.search || category) && (
          <Chip to={href({ brand: null })} active>
            {name(brand)} ✕
          </Chip>
        )}
      </div>

      {subcategories.length > 0 && (
        <div className="-mx-4 mt-2 flex gap-2 overflow-x-auto px-4 pb-1 [scrollbar-width:none]">
          {subcategories.map((c) => (
            <Chip key={c.id} to={href({ category: c.id })} active={c.id === filter.categoryId}>
              {name(c)}
            </Chip>
          ))}
        </div>
      )}

      <div
        data-testid="sort-bar"
        className="sticky top-14 z-10 -mx-4 mt-2 flex items-center gap-1 border-b border-slate-200 bg-slate-50/95 px-4 py-2 text-sm backdrop-blur"
      >
        {(['DEFAULT', 'NEWEST', 'BEST_SELLING'] as const).map((s) => (
          <Link
            key={s}
            to={href({ sort: s === 'DEFAULT' ? null : s })}
            replace
            preventScrollReset
            data-testid={`sort-${s}`}
            className={`rounded-md px-2.5 py-1 ${sort === s ? 'font-medium text-orange-600' : 'text-slate-600'}`}
          >
            {t(`list.sort.${s}`)}
          </Link>
        ))}
        <Link
          to={href({ sort: priceSort })}
          replace
          preventScrollReset
          data-testid="sort-price"
          data-sort={sort}
          className={`rounded-md px-2.5 py-1 ${sort === 'PRICE_ASC' || sort === 'PRICE_DESC' ? 'font-medium text-orange-600' : 'text-slate-600'}`}
        >
          {t('list.sort.PRICE')}
          {sort === 'PRICE_ASC' ? ' ↑' : sort === 'PRICE_DESC' ? ' ↓' : ' ↕'}
        </Link>
        <Link
          to={href({ instock: filter.inStock ? null : '1' })}
          replace
          preventScrollReset
          data-testid="filter-instock"
          data-active={filter.inStock ? 'true' : undefined}
          className={`ml-auto rounded-full px-2.5 py-1 text-xs ring-1 ${filter.inStock ? 'bg-orange-50 text-orange-700 ring-orange-300' : 'text-slate-600 ring-slate-200'}`}
        >
          {t('list.inStock')}
        </Link>
      </div>

      <div className="-mx-4 mt-2 flex gap-2 overflow-x-auto px-4 pb-1 [scrollbar-width:none]">
        {PRODUCT_TAGS.map((tag) => {
          const on = tags.includes(tag);
          return (
            <Chip
              key={tag}
              testId={`filter-tag-${tag}`}
              to={href({ tag: on ? tags.filter((x) => x !== tag) : [...tags, tag] })}
              active={on}
            >
              {t(`tag.${tag}`)}
            </Chip>
          );
        })}
      </div>

      {facets && (facets.brands.length > 1 || (filter.search && facets.categories.length > 0)) && (
        <div data-testid="facets" className="mt-2 space-y-2">
          {facets.brands.length > 0 && (
            <div className="-mx-4 flex items-center gap-2 overflow-x-auto px-4 pb-1 [scrollbar-width:none]">
              <span className="shrink-0 text-xs text-slate-400">{t('list.brands')}</span>
              {facets.brands.map(({ brand: b, count }) => (
                <Chip
                  key={b.id}
                  testId="facet-brand"
                  to={href({ brand: b.id === filter.brandId ? null : b.id })}
                  active={b.id === filter.brandId}
                >
                  {name(b)} <span className="opacity-70">{count}</span>
                </Chip>
              ))}
            </div>
          )}
          {facets.categories.length > 0 && (
            <div className="-mx-4 flex items-center gap-2 overflow-x-auto px-4 pb-1 [scrollbar-width:none]">
              <span className="shrink-0 text-xs text-slate-400">{t('list.categories')}</span>
              {facets.categories.map(({ category: c, count }) => (
                <Chip
                  key={c.id}
                  testId="facet-category"
                  to={href({ category: c.id === filter.categoryId ? null : c.id })}
                  active={c.id === filter.categoryId}
                >
                  {name(c)} <span className="opacity-70">{count}</span>
                </Chip>
              ))}
            </div>
          )}
        </div>
      )}

      {partial && (
        <p role="status" className="mt-3 rounded-lg bg-amber-50 px-3 py-2 text-xs text-amber-700">
          {t('home.partial')}
        </p>
      )}

      {products.length === 0 ? (
        <p
          data-testid="list-empty"
          className="mt-6 rounded-xl border border-dashed border-slate-300 bg-white px-4 py-12 text-center text-sm text-slate-500"
        >
          {filter.search ? t('list.noResults', { text: filter.search }) : t('list.empty')}
        </p>
      ) : (
        <div
          data-testid="product-grid"
          className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4 xl:grid-cols-5"
        >
          {products.map((product) => (
            <ProductCard key={product.id} product={product} />
          ))}
        </div>
      )}
      <div ref={sentinel} className="mt-6 flex justify-center">
        {hasMore ? (
          <button
            type="button"
            data-testid="load-more"
            onClick={() => void loadMore()}
            disabled={loading}
            className="rounded-full bg-white px-5 py-2 text-sm text-slate-600 ring-1 ring-slate-200 disabled:opacity-60"
          >
            {loading ? t('list.loading') : failed ? t('list.retry') : t('list.loadMore')}
          </button>
        ) : (
          products.length > 0 && <p className="text-xs text-slate-400">{t('list.end')}</p>
        )}
      </div>
    </main>
  );
}

/** The first page of a loader answer, in the shape the pager keeps. */
function toFirst(page: ProductListData['products']) {
  return {
    products: (page?.edges ?? []).map((edge) => edge.node),
    endCursor: page?.pageInfo.endCursor ?? null,
    hasNextPage: page?.pageInfo.hasNextPage ?? false,
  };
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <ErrorView error={error} inline />;
}
