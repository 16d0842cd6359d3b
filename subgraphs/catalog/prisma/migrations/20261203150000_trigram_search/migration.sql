-- Search by name, English name and pinyin initials with LIKE '%..%' served by trigram indexes
-- (pg_trgm ships with PostgreSQL and is a trusted extension). Hand-written: Prisma cannot
-- describe expression indexes; the schema.prisma snapshot beside this file is unchanged.
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;

CREATE INDEX "Product_name_trgm_idx" ON "Product" USING gin (lower("name") public.gin_trgm_ops);
CREATE INDEX "Product_nameEn_trgm_idx" ON "Product" USING gin (lower("nameEn") public.gin_trgm_ops);
CREATE INDEX "Product_pinyin_trgm_idx" ON "Product" USING gin ("pinyin" public.gin_trgm_ops);
