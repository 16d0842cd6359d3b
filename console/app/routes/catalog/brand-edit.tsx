import { ErrorView } from '@wholesail/web/components/error-view';
import { gatewayRequest, loadWithAuth } from '@wholesail/web/gateway.server';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { data, Form, Link, useFetcher, useNavigation, useSearchParams } from 'react-router';
import {
  BRAND_FIELDS,
  BrandFields,
  type BrandValues,
  brandValuesOf,
} from '../../components/catalog/brand-fields';
import { catalogMutate, type FormError, str, strs } from '../../components/catalog/mutate.server';
import { brandInput, readBrand } from '../../components/catalog/product-form.server';
import {
  CatalogTabs,
  card,
  FormErrorBanner,
  filterClass,
  Notice,
  PageHeader,
  primaryButton,
  secondaryButton,
  useLocalized,
} from '../../components/catalog/ui';
import {
  BRAND_QUERY,
  type BrandData,
  CUSTOMER_QUERY,
  CUSTOMER_SEARCH_QUERY,
  type CustomerPick,
  SET_BRAND_AUTHORIZATIONS_MUTATION,
  UPDATE_BRAND_MUTATION,
} from '../../lib/catalog-queries';
import { session } from '../../lib/session.server';
import type { Route } from './+types/brand-edit';

/** Customers named at most, by one `customer(id)` each; more are listed by id. */
const MAX_NAMED = 100;

export async function loader({ request, params }: Route.LoaderArgs) {
  const search = new URL(request.url).searchParams.get('q')?.trim();
  if (search !== undefined) {
    // The customer picker (a fetcher): crm search by name, code or phone.
    const { data: found } = await loadWithAuth<{ customers: { edges: { node: CustomerPick }[] } }>(
      session,
      request,
      CUSTOMER_SEARCH_QUERY,
      { search: search || null, first: 20 },
    );
    return { kind: 'search' as const, results: found.customers?.edges.map((e) => e.node) ?? [] };
  }
  const { data: result } = await loadWithAuth<BrandData>(session, request, BRAND_QUERY);
  const brand = result.brands?.find((b) => b.id === params.id);
  if (!brand) throw data({ reason: 'notFound' }, { status: 404 });
  const { token } = await session.requireAuth(request);
  const customers = await Promise.all(
    brand.authorizedCustomerIds.map(async (id, i): Promise<CustomerPick> => {
      if (i >= MAX_NAMED) return { id, code: id, name: id, level: null };
      const answer = await gatewayRequest<{ customer: CustomerPick | null }>(
        CUSTOMER_QUERY,
        { id },
        { token },
      );
      return answer.data?.customer ?? { id, code: id, name: id, level: null };
    }),
  );
  return { kind: 'brand' as const, brand, levels: result.customerLevels ?? [], customers };
}

type ActionResult =
  | { intent: 'saveBrand'; ok: true }
  | { intent: 'saveBrand'; ok: false; values: BrandValues; error: FormError }
  | { intent: 'authorize'; ok: true }
  | { intent: 'authorize'; ok: false; levelIds: string[]; customers: CustomerPick[]; error: FormError };

export async function action({ request, params }: Route.ActionArgs): Promise<ActionResult> {
  await session.requireAuth(request);
  const form = await request.formData();
  const intent = str(form, 'intent');
  if (intent === 'saveBrand') {
    const values = readBrand(form);
    const built = brandInput(values);
    if (built.problems.length > 0) {
      return {
        intent,
        ok: false,
        values,
        error: { message: '@catalog.errors.integer', problems: built.problems },
      };
    }
    const outcome = await catalogMutate<{ id: string }>(
      request,
      UPDATE_BRAND_MUTATION,
      { input: { id: params.id, ...built.input } },
      'updateBrand',
    );
    return outcome.ok ? { intent, ok: true } : { intent, ok: false, values, error: outcome.error };
  }
  if (intent === 'authorize') {
    const levelIds = strs(form, 'levelIds');
    const customerIds = strs(form, 'customerIds');
    const outcome = await catalogMutate<unknown>(
      request,
      SET_BRAND_AUTHORIZATIONS_MUTATION,
      { brandId: params.id, customerIds, levelIds },
      'setBrandAuthorizations',
    );
    if (outcome.ok) return { intent, ok: true };
    // What was picked comes back as picked (names from the form, so nothing is looked up again).
    const names = strs(form, 'customerNames');
    const codes = strs(form, 'customerCodes');
    const customers = customerIds.map((id, i) => ({
      id,
      name: names[i] ?? id,
      code: codes[i] ?? id,
      level: null,
    }));
    return { intent, ok: false, levelIds, customers, error: outcome.error };
  }
  throw data({ reason: 'error' }, { status: 400 });
}

export default function BrandEdit({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { name } = useLocalized();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const busy = navigation.state !== 'idle';
  if (loaderData.kind !== 'brand') return null;
  const { brand, levels, customers } = loaderData;

  const brandAnswer = actionData?.intent === 'saveBrand' ? actionData : undefined;
  const brandError = brandAnswer && !brandAnswer.ok ? brandAnswer.error : undefined;
  const brandValues = brandAnswer && !brandAnswer.ok ? brandAnswer.values : brandValuesOf(brand);
  const authAnswer = actionData?.intent === 'authorize' ? actionData : undefined;
  const authError = authAnswer && !authAnswer.ok ? authAnswer.error : undefined;
  const authLevels = authAnswer && !authAnswer.ok ? authAnswer.levelIds : brand.authorizedLevelIds;
  const authCustomers = authAnswer && !authAnswer.ok ? authAnswer.customers : customers;

  return (
    <main className="mx-auto max-w-5xl px-4 py-6 lg:px-8">
      <title>{t('catalog.brand.pageTitle', { name: brand.name })}</title>
      <PageHeader
        title={name(brand)}
        actions={
          <Link to="/brands" className="text-sm text-slate-500 hover:text-slate-800">
            {t('catalog.brand.back')}
          </Link>
        }
      />
      <CatalogTabs />
      {searchParams.get('created') === '1' && !actionData && (
        <div className="mt-4">
          <Notice testId="brand-created">{t('catalog.brand.created')}</Notice>
        </div>
      )}

      <Form
        method="post"
        className={`${card} mt-4 p-4`}
        data-testid="brand-form"
        data-brand-id={brand.id}
        key={`brand:${JSON.stringify(brandValues)}`}
      >
        <input type="hidden" name="intent" value="saveBrand" />
        <h2 className="mb-3 text-sm font-semibold text-slate-900">{t('catalog.brand.details')}</h2>
        <FormErrorBanner
          error={brandError}
          rest={(brandError?.problems ?? []).filter((p) => !BRAND_FIELDS.includes(p.field))}
        />
        {brandAnswer?.ok && <Notice testId="brand-saved">{t('catalog.brand.saved')}</Notice>}
        <BrandFields values={brandValues} problems={brandError?.problems} />
        <div className="mt-3 flex justify-end">
          <button type="submit" disabled={busy} data-testid="brand-submit" className={primaryButton}>
            {t('catalog.brand.save')}
          </button>
        </div>
      </Form>

      <Authorization
        key={`auth:${JSON.stringify([authLevels, authCustomers.map((c) => c.id)])}`}
        restricted={brand.restricted}
        levels={levels}
        levelIds={authLevels}
        customers={authCustomers}
        error={authError}
        saved={authAnswer?.ok === true}
        busy={busy}
      />
    </main>
  );
}

function Authorization({
  restricted,
  levels,
  levelIds,
  customers,
  error,
  saved,
  busy,
}: {
  restricted: boolean;
  levels: { id: string; name: string; nameEn: string; code: string }[];
  levelIds: string[];
  customers: CustomerPick[];
  error: FormError | undefined;
  saved: boolean;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const { name } = useLocalized();
  const [picked, setPicked] = useState<CustomerPick[]>(customers);
  const search = useFetcher<typeof loader>();
  const results = search.data?.kind === 'search' ? search.data.results : null;

  return (
    <section className={`${card} mt-6 p-4`} data-testid="brand-authorization">
      <h2 className="text-sm font-semibold text-slate-900">{t('catalog.brand.authorization')}</h2>
      <p className="mt-1 mb-3 text-xs text-slate-500">
        {t(restricted ? 'catalog.brand.authorizationHint' : 'catalog.brand.notRestrictedHint')}
      </p>
      <FormErrorBanner error={error} rest={error?.problems ?? []} testId="authorization-error" />
      {saved && <Notice testId="authorization-saved">{t('catalog.brand.authorizationSaved')}</Notice>}

      <Form method="post" id="brand-auth-form" data-testid="authorization-form">
        <input type="hidden" name="intent" value="authorize" />
        <fieldset>
          <legend className="mb-1 text-xs font-medium text-slate-600">{t('catalog.brand.levels')}</legend>
          <div className="flex flex-wrap gap-4">
            {levels.map((level) => (
              <label key={level.id} className="flex items-center gap-1.5 text-sm text-slate-700">
                <input
                  type="checkbox"
                  name="levelIds"
                  value={level.id}
                  defaultChecked={levelIds.includes(level.id)}
                  data-testid="authorization-level"
                  data-level-id={level.id}
                />
                {name(level)}
              </label>
            ))}
          </div>
        </fieldset>

        <h3 className="mt-4 mb-1 text-xs font-medium text-slate-600">{t('catalog.brand.customers')}</h3>
        <ul
          className="divide-y divide-slate-100 rounded-lg ring-1 ring-slate-200"
          data-testid="authorized-customers"
        >
          {picked.map((c) => (
            <li
              key={c.id}
              className="flex items-center justify-between px-3 py-1.5 text-sm"
              data-testid="authorized-customer"
              data-customer-id={c.id}
            >
              <input type="hidden" name="customerIds" value={c.id} />
              <input type="hidden" name="customerNames" value={c.name} />
              <input type="hidden" name="customerCodes" value={c.code} />
              <span>
                <span className="font-medium text-slate-900">{c.name}</span>
                <span className="ml-2 text-xs text-slate-400">{c.code}</span>
              </span>
              <button
                type="button"
                onClick={() => setPicked((current) => current.filter((p) => p.id !== c.id))}
                data-testid="remove-customer"
                className="text-xs text-slate-500 hover:text-red-600"
              >
                {t('catalog.brand.removeCustomer')}
              </button>
            </li>
          ))}
          {picked.length === 0 && (
            <li className="px-3 py-3 text-center text-xs text-slate-400">{t('catalog.brand.noCustomers')}</li>
          )}
        </ul>
      </Form>

      <search.Form method="get" className="mt-3 flex gap-2" data-testid="customer-search-form">
        <input
          type="search"
          name="q"
          data-testid="customer-search"
          placeholder={t('catalog.brand.customerSearch')}
          aria-label={t('catalog.brand.customerSearch')}
          className={`${filterClass} w-full sm:w-80`}
        />
        <button type="submit" data-testid="customer-search-submit" className={secondaryButton}>
          {t('catalog.brand.customerSearchButton')}
        </button>
      </search.Form>
      {results && (
        <ul className="mt-2 max-h-72 divide-y divide-slate-100 overflow-y-auto rounded-lg ring-1 ring-slate-200">
          {results.map((c) => {
            const already = picked.some((p) => p.id === c.id);
            return (
              <li
                key={c.id}
                className="flex items-center justify-between px-3 py-1.5 text-sm"
                data-testid="customer-result"
                data-customer-id={c.id}
              >
                <span>
                  <span className="font-medium text-slate-900">{c.name}</span>
                  <span className="ml-2 text-xs text-slate-400">
                    {c.code}
                    {c.level ? ` · ${name(c.level)}` : ''}
                  </span>
                </span>
                <button
                  type="button"
                  disabled={already}
                  onClick={() => setPicked((current) => [...current, c])}
                  data-testid="add-customer"
                  className="text-xs font-medium text-indigo-600 hover:text-indigo-500 disabled:text-slate-300"
                >
                  {t('catalog.brand.addCustomer')}
                </button>
              </li>
            );
          })}
          {results.length === 0 && (
            <li className="px-3 py-3 text-center text-xs text-slate-400">{t('catalog.brand.noResults')}</li>
          )}
        </ul>
      )}

      <div className="mt-4 flex justify-end">
        <button
          type="submit"
          form="brand-auth-form"
          disabled={busy}
          data-testid="authorization-submit"
          className={primaryButton}
        >
          {t('catalog.brand.saveAuthorization')}
        </button>
      </div>
    </section>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <ErrorView error={error} inline />;
}
