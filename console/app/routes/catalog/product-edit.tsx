import { ErrorView } from '@wholesail/web/components/error-view';
import { loadWithAuth } from '@wholesail/web/gateway.server';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { data, Form, Link, useNavigation, useSearchParams } from 'react-router';
import type { FormError } from '../../components/catalog/mutate.server';
import { catalogMutate, str } from '../../components/catalog/mutate.server';
import {
  PRODUCT_FIELDS,
  ProductFields,
  type ProductValues,
  productValuesOf,
  SKU_FIELDS,
  unplacedProblems,
} from '../../components/catalog/product-fields';
import {
  productInput,
  readProduct,
  readSku,
  skuInput,
  skuProblemsOnForm,
} from '../../components/catalog/product-form.server';
import { emptySku, SkuFields, type SkuValues, skuValuesOf } from '../../components/catalog/sku-fields';
import {
  CatalogTabs,
  card,
  FormErrorBanner,
  flattenCategories,
  Notice,
  PageHeader,
  primaryButton,
  secondaryButton,
  useLocalized,
} from '../../components/catalog/ui';
import {
  CREATE_SKU_MUTATION,
  PRODUCT_QUERY,
  type ProductData,
  SET_ON_SHELF_MUTATION,
  UPDATE_PRODUCT_MUTATION,
  UPDATE_SKU_MUTATION,
} from '../../lib/catalog-queries';
import { session } from '../../lib/session.server';
import type { Route } from './+types/product-edit';

export async function loader({ request, params }: Route.LoaderArgs) {
  const { data: result } = await loadWithAuth<ProductData>(session, request, PRODUCT_QUERY, {
    id: params.id,
  });
  if (!result.product) throw data({ reason: 'notFound' }, { status: 404 });
  return { product: result.product, brands: result.brands ?? [], categories: result.categories ?? [] };
}

type ActionResult =
  | { intent: 'saveProduct'; ok: true }
  | { intent: 'saveProduct'; ok: false; values: ProductValues; error: FormError }
  | { intent: 'saveSku'; skuId: string; ok: true }
  | { intent: 'saveSku'; skuId: string; ok: false; values: SkuValues; error: FormError }
  | { intent: 'createSku'; ok: true }
  | { intent: 'createSku'; ok: false; values: SkuValues; error: FormError };

export async function action({ request, params }: Route.ActionArgs): Promise<ActionResult> {
  await session.requireAuth(request);
  const form = await request.formData();
  const intent = str(form, 'intent');

  if (intent === 'saveProduct') {
    const values = readProduct(form);
    const built = productInput(values);
    if (built.problems.length > 0) {
      return {
        intent,
        ok: false,
        values,
        error: { message: '@catalog.errors.integer', problems: built.problems },
      };
    }
    const updated = await catalogMutate<{ id: string }>(
      request,
      UPDATE_PRODUCT_MUTATION,
      { input: { id: params.id, ...built.input } },
      'updateProduct',
    );
    if (!updated.ok) return { intent, ok: false, values, error: updated.error };
    if (str(form, 'wasOnShelf') !== String(values.onShelf)) {
      const shelf = await catalogMutate<unknown>(
        request,
        SET_ON_SHELF_MUTATION,
        { ids: [params.id], onShelf: values.onShelf },
        'setProductsOnShelf',
      );
      if (!shelf.ok) return { intent, ok: false, values, error: shelf.error };
    }
    return { intent, ok: true };
  }

  if (intent === 'saveSku' || intent === 'createSku') {
    const values = readSku(form, '');
    const built = skuInput(values, '');
    const skuId = str(form, 'skuId');
    const refuse = (error: FormError): ActionResult =>
      intent === 'saveSku'
        ? { intent, skuId, ok: false, values, error }
        : { intent, ok: false, values, error };
    if (built.problems.length > 0)
      return refuse({ message: '@catalog.errors.integer', problems: built.problems });
    const outcome =
      intent === 'saveSku'
        ? await catalogMutate<{ id: string }>(
            request,
            UPDATE_SKU_MUTATION,
            { input: { id: skuId, ...built.input } },
            'updateSku',
          )
        : await catalogMutate<{ id: string }>(
            request,
            CREATE_SKU_MUTATION,
            { input: { productId: params.id, ...built.input } },
            'createSku',
          );
    if (!outcome.ok) {
      return refuse({
        message: outcome.error.message,
        problems: skuProblemsOnForm(outcome.error.problems, '', built.prepended),
      });
    }
    return intent === 'saveSku' ? { intent, skuId, ok: true } : { intent, ok: true };
  }
  throw data({ reason: 'error' }, { status: 400 });
}

export default function ProductEdit({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { name } = useLocalized();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const busy = navigation.state !== 'idle';
  const { product, brands } = loaderData;
  const categories = flattenCategories(loaderData.categories);
  const [adding, setAdding] = useState(false);

  const productAnswer = actionData?.intent === 'saveProduct' ? actionData : undefined;
  const productValues = productAnswer && !productAnswer.ok ? productAnswer.values : productValuesOf(product);
  const productError = productAnswer && !productAnswer.ok ? productAnswer.error : undefined;
  const createAnswer = actionData?.intent === 'createSku' ? actionData : undefined;
  const showNewSku = adding || (createAnswer !== undefined && !createAnswer.ok);

  return (
    <main className="mx-auto max-w-5xl px-4 py-6 lg:px-8">
      <title>{t('catalog.product.editPageTitle', { name: product.name })}</title>
      <PageHeader
        title={name(product)}
        actions={
          <Link to="/products" className="text-sm text-slate-500 hover:text-slate-800">
            {t('catalog.product.back')}
          </Link>
        }
      />
      <CatalogTabs />
      {searchParams.get('created') === '1' && !actionData && (
        <div className="mt-4">
          <Notice testId="product-created">{t('catalog.product.created')}</Notice>
        </div>
      )}

      <Form
        method="post"
        className={`${card} mt-4 p-4`}
        data-testid="product-form"
        data-product-id={product.id}
        key={`product:${JSON.stringify(productValues)}`}
      >
        <input type="hidden" name="intent" value="saveProduct" />
        <input type="hidden" name="wasOnShelf" value={String(product.onShelf)} />
        <div className="mb-3 flex items-center justify-between">
          <h2 className="text-sm font-semibold text-slate-900">{t('catalog.product.basics')}</h2>
          <span className="text-xs text-slate-400">
            {t('catalog.product.pinyin')}: <span data-testid="product-pinyin">{product.pinyin}</span>
          </span>
        </div>
        <FormErrorBanner
          error={productError}
          rest={unplacedProblems(productError?.problems, PRODUCT_FIELDS)}
        />
        {productAnswer?.ok && <Notice testId="product-saved">{t('catalog.product.saved')}</Notice>}
        <ProductFields
          values={productValues}
          problems={productError?.problems}
          brands={brands}
          categories={categories}
        />
        <div className="mt-4 flex justify-end">
          <button type="submit" disabled={busy} data-testid="product-submit" className={primaryButton}>
            {t('catalog.product.save')}
          </button>
        </div>
      </Form>

      <h2 className="mt-8 mb-1 text-lg font-semibold text-slate-900">{t('catalog.product.skus')}</h2>
      <p className="mb-3 text-xs text-slate-400">{t('catalog.sku.onShelfNote')}</p>
      <div className="space-y-4">
        {product.skus.map((sku) => {
          const answer =
            actionData?.intent === 'saveSku' && actionData.skuId === sku.id ? actionData : undefined;
          const values = answer && !answer.ok ? answer.values : skuValuesOf(sku);
          return (
            <SkuForm
              key={`${sku.id}:${JSON.stringify(values)}`}
              testId="sku-form"
              skuId={sku.id}
              title={t('catalog.sku.title', { code: sku.code })}
              values={values}
              error={answer && !answer.ok ? answer.error : undefined}
              saved={answer?.ok === true}
              intent="saveSku"
              submitLabel={t('catalog.sku.save')}
              busy={busy}
            />
          );
        })}
        {createAnswer?.ok && <Notice testId="sku-created">{t('catalog.sku.created')}</Notice>}
        {showNewSku ? (
          <SkuForm
            key={`new:${JSON.stringify(createAnswer && !createAnswer.ok ? createAnswer.values : null)}`}
            testId="new-sku-form"
            title={t('catalog.sku.newTitle')}
            values={createAnswer && !createAnswer.ok ? createAnswer.values : emptySku()}
            error={createAnswer && !createAnswer.ok ? createAnswer.error : undefined}
            saved={false}
            intent="createSku"
            submitLabel={t('catalog.sku.create')}
            busy={busy}
          />
        ) : (
          <button
            type="button"
            data-testid="add-sku"
            onClick={() => setAdding(true)}
            className={secondaryButton}
          >
            + {t('catalog.product.addSku')}
          </button>
        )}
      </div>
    </main>
  );
}

function SkuForm({
  testId,
  skuId,
  title,
  values,
  error,
  saved,
  intent,
  submitLabel,
  busy,
}: {
  testId: string;
  skuId?: string;
  title: string;
  values: SkuValues;
  error: FormError | undefined;
  saved: boolean;
  intent: 'saveSku' | 'createSku';
  submitLabel: string;
  busy: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Form method="post" className={`${card} p-4`} data-testid={testId} data-sku-id={skuId}>
      <input type="hidden" name="intent" value={intent} />
      {skuId && <input type="hidden" name="skuId" value={skuId} />}
      <h3 className="mb-3 text-sm font-semibold text-slate-900">{title}</h3>
      <FormErrorBanner error={error} rest={unplacedProblems(error?.problems, SKU_FIELDS)} />
      {saved && <Notice testId="sku-saved">{t('catalog.sku.saved')}</Notice>}
      <SkuFields prefix="" values={values} problems={error?.problems} />
      <div className="mt-4 flex justify-end">
        <button type="submit" disabled={busy} data-testid="sku-submit" className={primaryButton}>
          {submitLabel}
        </button>
      </div>
    </Form>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <ErrorView error={error} inline />;
}
