import { ErrorView } from '@wholesail/web/components/error-view';
import { loadWithAuth } from '@wholesail/web/gateway.server';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Form, Link, redirect, useNavigation } from 'react-router';
import { catalogMutate, str } from '../../components/catalog/mutate.server';
import {
  emptyProduct,
  PRODUCT_FIELDS,
  ProductFields,
  type ProductValues,
  unplacedProblems,
} from '../../components/catalog/product-fields';
import {
  productInput,
  readProduct,
  readSku,
  skuInput,
  skuProblemsOnForm,
} from '../../components/catalog/product-form.server';
import { emptySku, SkuFields, type SkuValues } from '../../components/catalog/sku-fields';
import {
  CatalogTabs,
  card,
  FormErrorBanner,
  flattenCategories,
  PageHeader,
  primaryButton,
  secondaryButton,
} from '../../components/catalog/ui';
import { CREATE_PRODUCT_MUTATION, PRODUCT_FORM_QUERY, type ProductFormData } from '../../lib/catalog-queries';
import { session } from '../../lib/session.server';
import type { Route } from './+types/product-new';

export async function loader({ request }: Route.LoaderArgs) {
  const { data } = await loadWithAuth<ProductFormData>(session, request, PRODUCT_FORM_QUERY);
  return { brands: data.brands ?? [], categories: data.categories ?? [] };
}

export async function action({ request }: Route.ActionArgs) {
  await session.requireAuth(request);
  const form = await request.formData();
  const product = readProduct(form);
  const count = Math.min(50, Math.max(0, Number.parseInt(str(form, 'skuCount'), 10) || 0));
  const skus = Array.from({ length: count }, (_, i) => readSku(form, `skus.${i}.`));
  const built = productInput(product);
  const skuInputs = skus.map((s, i) => skuInput(s, `skus.${i}.`));
  const local = [...built.problems, ...skuInputs.flatMap((s) => s.problems)];
  const values = { product, skus };
  if (local.length > 0) {
    return { values, error: { message: '@catalog.errors.integer', problems: local } };
  }
  const outcome = await catalogMutate<{ id: string }>(
    request,
    CREATE_PRODUCT_MUTATION,
    { input: { ...built.input, onShelf: product.onShelf, skus: skuInputs.map((s) => s.input) } },
    'createProduct',
  );
  if (!outcome.ok) {
    const problems = skuInputs.reduce(
      (all, s, i) => skuProblemsOnForm(all, `skus.${i}.`, s.prepended),
      outcome.error.problems,
    );
    return { values, error: { message: outcome.error.message, problems } };
  }
  throw redirect(`/products/${outcome.data.id}?created=1`);
}

export default function ProductNew({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const busy = navigation.state !== 'idle';
  const categories = flattenCategories(loaderData.categories);
  const error = actionData?.error;
  const values: { product: ProductValues; skus: SkuValues[] } = actionData?.values ?? {
    product: emptyProduct(),
    skus: [emptySku()],
  };

  return (
    <main className="mx-auto max-w-5xl px-4 py-6 lg:px-8">
      <title>{t('catalog.product.newPageTitle')}</title>
      <PageHeader
        title={t('catalog.product.newTitle')}
        actions={
          <Link to="/products" className="text-sm text-slate-500 hover:text-slate-800">
            {t('catalog.product.back')}
          </Link>
        }
      />
      <CatalogTabs />
      {/* A new key after each answer: the fields start from what the action gave back. */}
      <NewProductForm
        key={JSON.stringify(values)}
        values={values}
        error={error}
        brands={loaderData.brands}
        categories={categories}
        busy={busy}
      />
    </main>
  );
}

function NewProductForm({
  values,
  error,
  brands,
  categories,
  busy,
}: {
  values: { product: ProductValues; skus: SkuValues[] };
  error: { message: string; problems: { field: string; message: string }[] } | undefined;
  brands: Route.ComponentProps['loaderData']['brands'];
  categories: ReturnType<typeof flattenCategories>;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const next = useRef(values.skus.length);
  const [skus, setSkus] = useState(() => values.skus.map((value, i) => ({ key: i, value })));
  return (
    <Form method="post" className="mt-4 space-y-4" data-testid="product-form">
      <FormErrorBanner error={error} rest={unplacedProblems(error?.problems, PRODUCT_FIELDS)} />
      <section className={`${card} p-4`}>
        <h2 className="mb-3 text-sm font-semibold text-slate-900">{t('catalog.product.basics')}</h2>
        <ProductFields
          values={values.product}
          problems={error?.problems}
          brands={brands}
          categories={categories}
        />
      </section>
      <input type="hidden" name="skuCount" value={skus.length} />
      {skus.map((sku, i) => (
        <section key={sku.key} className={`${card} p-4`} data-testid="new-sku">
          <div className="mb-3 flex items-center justify-between">
            <h2 className="text-sm font-semibold text-slate-900">
              {t('catalog.product.skus')} {i + 1}
            </h2>
            {skus.length > 1 && (
              <button
                type="button"
                onClick={() => setSkus((current) => current.filter((s) => s.key !== sku.key))}
                className="text-xs text-slate-500 hover:text-red-600"
              >
                {t('catalog.product.removeSku')}
              </button>
            )}
          </div>
          <SkuFields prefix={`skus.${i}.`} values={sku.value} problems={error?.problems} />
        </section>
      ))}
      <div className="flex flex-wrap items-center justify-between gap-2">
        <button
          type="button"
          data-testid="add-sku"
          onClick={() => {
            next.current += 1;
            setSkus((current) => [...current, { key: next.current, value: emptySku() }]);
          }}
          className={secondaryButton}
        >
          + {t('catalog.product.addSku')}
        </button>
        <button type="submit" disabled={busy} data-testid="product-submit" className={primaryButton}>
          {busy ? t('catalog.product.saving') : t('catalog.product.create')}
        </button>
      </div>
    </Form>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <ErrorView error={error} inline />;
}
