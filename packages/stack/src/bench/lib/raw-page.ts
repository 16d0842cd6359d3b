/**
 * The floor: the same product page a customer gets through the gateway, answered by ONE SQL
 * statement straight from PostgreSQL, reading the same tables the subgraphs read, and returning
 * the page as JSON. No GraphQL, no HTTP, no authorisation layer: what it costs is what the data
 * costs. Rules as in ../shared/DOMAIN.md "Decisions": visible = on shelf and brand open or
 * authorised (by customer or level); price = customer price, else last price (tenant switch),
 * else level price, else wholesale, for the base unit; stock = available of the customer's
 * warehouse; promotions = running ones for the customer's level/id targeting the product, one
 * of its SKUs, its brand or its category or an ancestor of it, or without targets (all goods).
 * Not modelled: item specials (marketing's SPECIAL price source).
 */
export const RAW_PAGE_SQL = `
WITH RECURSIVE
viewer AS (
  SELECT cpp."levelId", cw."warehouseId"
  FROM "pricing"."CustomerPriceProfile" cpp
  LEFT JOIN "inventory"."CustomerWarehouse" cw ON cw."tenantId" = cpp."tenantId" AND cw."customerId" = cpp."customerId"
  WHERE cpp."tenantId" = $1 AND cpp."customerId" = $2),
track AS (
  SELECT COALESCE((SELECT "trackLastPrice" FROM "pricing"."PricingSettings" WHERE "tenantId" = $1), false) AS enabled),
page AS (
  SELECT p."id", p."name", p."brandId", p."categoryId", p."sortOrder", b."name" AS "brandName"
  FROM "catalog"."Product" p JOIN "catalog"."Brand" b ON b."id" = p."brandId"
  WHERE p."tenantId" = $1 AND p."onShelf"
    AND (NOT b."restricted" OR EXISTS (SELECT 1 FROM "catalog"."BrandAuthorization" a
      WHERE a."tenantId" = $1 AND a."brandId" = p."brandId"
        AND (a."customerId" = $2 OR a."levelId" = (SELECT "levelId" FROM viewer))))
  ORDER BY p."sortOrder", p."id" LIMIT $3),
ancestors AS (
  SELECT c."id" AS "categoryId", c."id" AS "ancestorId", 0 AS lvl FROM "catalog"."Category" c
  WHERE c."tenantId" = $1 AND c."id" IN (SELECT "categoryId" FROM page)
  UNION ALL
  SELECT a."categoryId", c."parentId", a.lvl + 1 FROM ancestors a JOIN "catalog"."Category" c ON c."id" = a."ancestorId"
  WHERE c."parentId" IS NOT NULL AND a.lvl < 8),
promo AS (
  SELECT pr."id", pr."title", pr."badge", t."productId", t."skuId", t."brandId", t."categoryId",
    t."id" IS NULL AS "targetless"
  FROM "marketing"."Promotion" pr LEFT JOIN "marketing"."PromotionTarget" t ON t."promotionId" = pr."id"
  WHERE pr."tenantId" = $1 AND pr."active" AND pr."startsAt" <= now() AND pr."endsAt" > now()
    AND (cardinality(pr."levelIds") = 0 OR (SELECT "levelId" FROM viewer) = ANY(pr."levelIds"))
    AND (cardinality(pr."customerIds") = 0 OR $2 = ANY(pr."customerIds"))),
skus AS (
  SELECT k."id", k."productId", k."sortOrder", k."baseUnit",
    (SELECT sb."barcode" FROM "catalog"."SkuBarcode" sb WHERE sb."skuId" = k."id" ORDER BY sb."id" LIMIT 1) AS barcode,
    pick.minor, pick.source,
    (SELECT st."onHand" - st."reserved" FROM "inventory"."Stock" st
      WHERE st."tenantId" = $1 AND st."skuId" = k."id" AND st."warehouseId" = (SELECT "warehouseId" FROM viewer)) AS available
  FROM "catalog"."Sku" k
  LEFT JOIN "pricing"."CustomerPrice" cp ON cp."tenantId" = $1 AND cp."customerId" = $2 AND cp."skuId" = k."id" AND cp."unit" = k."baseUnit"
  LEFT JOIN "pricing"."LastSalePrice" lsp ON (SELECT enabled FROM track) AND lsp."tenantId" = $1 AND lsp."customerId" = $2
    AND lsp."skuId" = k."id" AND lsp."unit" = k."baseUnit"
  LEFT JOIN "pricing"."LevelPrice" lp ON lp."tenantId" = $1 AND lp."levelId" = (SELECT "levelId" FROM viewer)
    AND lp."skuId" = k."id" AND lp."unit" = k."baseUnit"
  LEFT JOIN "pricing"."SkuPrice" sp ON sp."tenantId" = $1 AND sp."skuId" = k."id" AND sp."unit" = k."baseUnit"
  CROSS JOIN LATERAL (SELECT
    COALESCE(cp."priceMinor", lsp."priceMinor", lp."priceMinor", sp."wholesaleMinor") AS minor,
    CASE WHEN cp."priceMinor" IS NOT NULL THEN 'CUSTOMER' WHEN lsp."priceMinor" IS NOT NULL THEN 'LAST'
      WHEN lp."priceMinor" IS NOT NULL THEN 'LEVEL' ELSE 'WHOLESALE' END AS source) pick
  WHERE k."tenantId" = $1 AND k."productId" IN (SELECT "id" FROM page))
SELECT COALESCE(json_agg(json_build_object(
  'id', p."id", 'name', p."name", 'brand', json_build_object('name', p."brandName"),
  'skus', (SELECT COALESCE(json_agg(json_build_object(
      'id', s."id", 'barcode', s.barcode,
      'price', json_build_object('amount', to_char(s.minor / 100.0, 'FM999999990.00'), 'currency', 'CNY', 'source', s.source),
      'stock', json_build_object('available', COALESCE(s.available, 0)),
      'promotions', (SELECT COALESCE(json_agg(DISTINCT jsonb_build_object('id', pr."id", 'badge', pr."badge")), '[]')
        FROM promo pr WHERE pr."skuId" = s."id" OR pr."targetless")
    ) ORDER BY s."sortOrder", s."id"), '[]') FROM skus s WHERE s."productId" = p."id"),
  'promotions', (SELECT COALESCE(json_agg(DISTINCT jsonb_build_object('id', pr."id", 'title', pr."title")), '[]')
    FROM promo pr WHERE pr."targetless" OR pr."productId" = p."id" OR pr."brandId" = p."brandId"
      OR pr."categoryId" IN (SELECT "ancestorId" FROM ancestors WHERE ancestors."categoryId" = p."categoryId")
      OR pr."skuId" IN (SELECT "id" FROM skus WHERE skus."productId" = p."id"))
) ORDER BY p."sortOrder", p."id"), '[]') AS page
FROM page p`;
