import { containsPattern } from '../domain/search';
import type { CatalogAccess } from '../domain/visibility';
import { normaliseSearch } from '../domain/visibility';

/**
 * The product list in SQL: visibility, filters, relevance and sorts that need other domains'
 * facts (the projections) in one statement per page, and one per facet. Every table is
 * narrowed to the tenant explicitly (raw SQL bypasses the Prisma tenant extension).
 */
export type ProductSort = 'DEFAULT' | 'NEWEST' | 'NAME' | 'PRICE_ASC' | 'PRICE_DESC' | 'BEST_SELLING';

export interface ProductListFilter {
  search?: string | null;
  categoryId?: string | null;
  brandId?: string | null;
  tags?: readonly string[] | null;
  inStock?: boolean | null;
  warehouseId?: string | null;
  /** only these products (home zones) */
  productIds?: readonly string[] | null;
}

export interface ProductListQuery {
  tenantId: string;
  access: CatalogAccess;
  filter?: ProductListFilter | null;
  sort?: ProductSort | null;
}

class Sql {
  readonly params: unknown[] = [];
  readonly ctes: string[] = [];
  readonly where: string[] = [];
  p(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }
}

const P = '"catalog"."Product"';

/** FROM + WHERE of the matching products; `omit` leaves one dimension out (facets). */
function matching(q: ProductListQuery, omit?: 'brand' | 'category') {
  const s = new Sql();
  const t = s.p(q.tenantId);
  const f = q.filter ?? {};
  s.where.push(`p."tenantId" = ${t}`);
  if (!q.access.all) {
    const grants: string[] = [];
    if (q.access.customerId) grants.push(`a."customerId" = ${s.p(q.access.customerId)}`);
    if (q.access.levelId) grants.push(`a."levelId" = ${s.p(q.access.levelId)}`);
    s.where.push('p."onShelf"');
    s.where.push(
      grants.length
        ? `(NOT b."restricted" OR EXISTS (SELECT 1 FROM "catalog"."BrandAuthorization" a
            WHERE a."tenantId" = ${t} AND a."brandId" = p."brandId" AND (${grants.join(' OR ')})))`
        : 'NOT b."restricted"',
    );
  }
  // built only where a query orders by it: an unused parameter has no type PostgreSQL can infer
  let rank = () => '0';
  const search = f.search ? normaliseSearch(f.search) : null;
  if (search) {
    const compact = s.p(search.compact);
    s.ctes.push(`bc AS (
      SELECT k."productId" FROM "catalog"."SkuBarcode" sb JOIN "catalog"."Sku" k ON k."id" = sb."skuId"
      WHERE sb."tenantId" = ${t} AND sb."barcode" = ${compact}
      UNION SELECT k."productId" FROM "catalog"."SaleUnit" su JOIN "catalog"."Sku" k ON k."id" = su."skuId"
      WHERE su."tenantId" = ${t} AND su."barcode" = ${compact})`);
    // LIKE '%..%' on the trigram-indexed expressions (see the trigram_search migration)
    const textLike = s.p(containsPattern(search.text));
    const compactLike = s.p(containsPattern(search.compact));
    s.where.push(`(p."id" IN (SELECT "productId" FROM bc) OR lower(p."name") LIKE ${textLike}
      OR lower(p."nameEn") LIKE ${textLike} OR p."pinyin" LIKE ${compactLike})`);
    rank = () => {
      const text = s.p(search.text);
      return `CASE WHEN p."id" IN (SELECT "productId" FROM bc) THEN 0
      WHEN starts_with(lower(p."name"), ${text}) OR starts_with(lower(p."nameEn"), ${text})
        OR starts_with(p."pinyin", ${compact}) THEN 1 ELSE 2 END`;
    };
  }
  if (f.categoryId && omit !== 'category') {
    s.ctes.push(`sub AS (
      SELECT c."id", 0 AS lvl FROM "catalog"."Category" c WHERE c."tenantId" = ${t} AND c."id" = ${s.p(f.categoryId)}
      UNION ALL SELECT c."id", sub.lvl + 1 FROM "catalog"."Category" c JOIN sub ON c."parentId" = sub."id"
      WHERE c."tenantId" = ${t} AND sub.lvl < 8)`);
    s.where.push(`p."categoryId" IN (SELECT "id" FROM sub)`);
  }
  if (f.brandId && omit !== 'brand') s.where.push(`p."brandId" = ${s.p(f.brandId)}`);
  if (f.tags?.length) s.where.push(`p."tags" && ${s.p([...f.tags])}::text[]`);
  if (f.productIds) s.where.push(`p."id" = ANY(${s.p([...f.productIds])}::text[])`);
  if (f.inStock != null) {
    // a customer: its own warehouse; staff: the one asked for, or any
    const warehouseId = q.access.all ? f.warehouseId : q.access.customerId ? q.access.warehouseId : null;
    const stocked = `EXISTS (SELECT 1 FROM "catalog"."Sku" k JOIN "catalog"."SkuStock" st
      ON st."tenantId" = ${t} AND st."skuId" = k."id"
      WHERE k."tenantId" = ${t} AND k."productId" = p."id" AND st."available" > 0
      ${warehouseId ? `AND st."warehouseId" = ${s.p(warehouseId)}` : ''})`;
    s.where.push(f.inStock ? stocked : `NOT ${stocked}`);
  }
  const from = `${P} p JOIN "catalog"."Brand" b ON b."id" = p."brandId"`;
  return { s, from, rank, searching: search !== null };
}

function withClause(s: Sql): string {
  return s.ctes.length ? `WITH RECURSIVE ${s.ctes.join(',\n')}\n` : '';
}

function orderBy(sort: ProductSort, rank: () => string, searching: boolean): string {
  const tie = 'p."sortOrder" ASC, p."id" ASC';
  switch (sort) {
    case 'NEWEST':
      return `p."createdAt" DESC, p."id" ASC`;
    case 'NAME':
      return `p."name" ASC, p."id" ASC`;
    case 'PRICE_ASC':
      return `r."minWholesaleMinor" ASC NULLS LAST, ${tie}`;
    case 'PRICE_DESC':
      return `r."minWholesaleMinor" DESC NULLS LAST, ${tie}`;
    case 'BEST_SELLING':
      return `COALESCE(r."soldQuantity", 0) DESC, ${tie}`;
    default:
      return searching ? `${rank()} ASC, ${tie}` : tie;
  }
}

/** One page of product ids in list order. */
export function productPageSql(q: ProductListQuery, offset: number, limit: number) {
  const { s, from, rank, searching } = matching(q);
  const sort = q.sort ?? 'DEFAULT';
  const ranking = sort.startsWith('PRICE') || sort === 'BEST_SELLING';
  const sql = `${withClause(s)}SELECT p."id" FROM ${from}
    ${ranking ? `LEFT JOIN "catalog"."ProductRanking" r ON r."tenantId" = p."tenantId" AND r."productId" = p."id"` : ''}
    WHERE ${s.where.join(' AND ')}
    ORDER BY ${orderBy(sort, rank, searching)}
    LIMIT ${s.p(limit)} OFFSET ${s.p(offset)}`;
  return { sql, params: s.params };
}

/** Brands of the matching products (ignoring the brand filter) with their product counts. */
export function brandFacetSql(q: ProductListQuery) {
  const { s, from } = matching(q, 'brand');
  const sql = `${withClause(s)}SELECT b.*, count(*)::int AS "productCount" FROM ${from}
    WHERE ${s.where.join(' AND ')}
    GROUP BY b."id" ORDER BY count(*) DESC, b."sortOrder" ASC, b."id" ASC`;
  return { sql, params: s.params };
}

/**
 * Categories holding matching products (ignoring the category filter) at or below them, each
 * with the number of those products: a tree of counts the UI can walk.
 */
export function categoryFacetSql(q: ProductListQuery) {
  const { s, from } = matching(q, 'category');
  const t = '$1';
  s.ctes.push(`matched AS (SELECT p."categoryId" AS cid FROM ${from} WHERE ${s.where.join(' AND ')})`);
  s.ctes.push(`chain AS (
    SELECT c."id" AS cid, c."id" AS anc, c."parentId", 0 AS lvl FROM "catalog"."Category" c WHERE c."tenantId" = ${t}
    UNION ALL SELECT chain.cid, c."id", c."parentId", chain.lvl + 1 FROM chain
    JOIN "catalog"."Category" c ON c."tenantId" = ${t} AND c."id" = chain."parentId" WHERE chain.lvl < 8)`);
  const sql = `${withClause(s)}SELECT c.*, x.n AS "productCount" FROM (
      SELECT chain.anc, count(*)::int AS n FROM matched JOIN chain ON chain.cid = matched.cid GROUP BY chain.anc
    ) x JOIN "catalog"."Category" c ON c."id" = x.anc
    ORDER BY c."depth" ASC, c."sortOrder" ASC, c."id" ASC`;
  return { sql, params: s.params };
}

export interface SuggestionRow {
  kind: 'PRODUCT' | 'BRAND' | 'CATEGORY';
  id: string;
  name: string;
  nameEn: string;
  tier: number;
  sortOrder: number;
}

/**
 * Instant search: products, brands and categories whose name, English name or pinyin initials
 * match (products also by barcode), at most `limit` of each, in one statement.
 */
export function suggestionSql(q: ProductListQuery, text: string, limit: number) {
  const { s, from, rank } = matching({ ...q, filter: { search: text }, sort: 'DEFAULT' });
  const search = normaliseSearch(text)!;
  const t = '$1';
  const tx = s.p(search.text);
  const cx = s.p(search.compact);
  const n = s.p(limit);
  const match = (a: string) =>
    `(strpos(lower(${a}."name"), ${tx}) > 0 OR strpos(lower(${a}."nameEn"), ${tx}) > 0 OR strpos(${a}."pinyin", ${cx}) > 0)`;
  const tier = (a: string) =>
    `CASE WHEN starts_with(lower(${a}."name"), ${tx}) OR starts_with(lower(${a}."nameEn"), ${tx}) OR starts_with(${a}."pinyin", ${cx}) THEN 1 ELSE 2 END`;
  let brandVisible = '';
  if (!q.access.all) {
    const grants: string[] = [];
    if (q.access.customerId) grants.push(`a."customerId" = ${s.p(q.access.customerId)}`);
    if (q.access.levelId) grants.push(`a."levelId" = ${s.p(q.access.levelId)}`);
    brandVisible = grants.length
      ? `AND (NOT b."restricted" OR EXISTS (SELECT 1 FROM "catalog"."BrandAuthorization" a
          WHERE a."tenantId" = ${t} AND a."brandId" = b."id" AND (${grants.join(' OR ')})))`
      : 'AND NOT b."restricted"';
  }
  const sql = `${withClause(s)}
    (SELECT 'PRODUCT' AS kind, p."id", p."name", p."nameEn", ${rank()} AS tier, p."sortOrder" FROM ${from}
      WHERE ${s.where.join(' AND ')} ORDER BY 5, 6, 2 LIMIT ${n})
    UNION ALL
    (SELECT 'BRAND', b."id", b."name", b."nameEn", ${tier('b')}, b."sortOrder" FROM "catalog"."Brand" b
      WHERE b."tenantId" = ${t} ${brandVisible} AND ${match('b')} ORDER BY 5, 6, 2 LIMIT ${n})
    UNION ALL
    (SELECT 'CATEGORY', c."id", c."name", c."nameEn", ${tier('c')}, c."sortOrder" FROM "catalog"."Category" c
      WHERE c."tenantId" = ${t} AND ${match('c')} ORDER BY 5, 6, 2 LIMIT ${n})`;
  return { sql, params: s.params };
}
