import { ErrorView } from '@wholesail/web/components/error-view';
import { loadWithAuth } from '@wholesail/web/gateway.server';
import { useTranslation } from 'react-i18next';
import { Form, Link, redirect, useNavigation } from 'react-router';
import {
  BRAND_FIELDS,
  BrandFields,
  type BrandValues,
  emptyBrand,
} from '../../components/catalog/brand-fields';
import { catalogMutate, type FormError } from '../../components/catalog/mutate.server';
import { brandInput, readBrand } from '../../components/catalog/product-form.server';
import {
  CatalogTabs,
  card,
  FormErrorBanner,
  PageHeader,
  primaryButton,
  useLocalized,
} from '../../components/catalog/ui';
import { BRANDS_QUERY, type BrandsData, CREATE_BRAND_MUTATION } from '../../lib/catalog-queries';
import { session } from '../../lib/session.server';
import type { Route } from './+types/brands';

export async function loader({ request }: Route.LoaderArgs) {
  const { data } = await loadWithAuth<BrandsData>(session, request, BRANDS_QUERY);
  return { brands: data.brands ?? [] };
}

export async function action({
  request,
}: Route.ActionArgs): Promise<{ values: BrandValues; error: FormError }> {
  await session.requireAuth(request);
  const values = readBrand(await request.formData());
  const built = brandInput(values);
  if (built.problems.length > 0) {
    return { values, error: { message: '@catalog.errors.integer', problems: built.problems } };
  }
  const outcome = await catalogMutate<{ id: string }>(
    request,
    CREATE_BRAND_MUTATION,
    { input: built.input },
    'createBrand',
  );
  if (!outcome.ok) return { values, error: outcome.error };
  throw redirect(`/brands/${outcome.data.id}?created=1`);
}

export default function Brands({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { name } = useLocalized();
  const navigation = useNavigation();
  const busy = navigation.state !== 'idle';
  const error = actionData?.error;

  return (
    <main className="mx-auto max-w-6xl px-4 py-6 lg:px-8">
      <title>{t('catalog.brands.pageTitle')}</title>
      <PageHeader title={t('catalog.brands.title')} />
      <CatalogTabs />

      <Form
        method="post"
        className={`${card} mt-4 p-4`}
        data-testid="brand-create-form"
        key={JSON.stringify(actionData?.values ?? null)}
      >
        <h2 className="mb-3 text-sm font-semibold text-slate-900">{t('catalog.brands.new')}</h2>
        <FormErrorBanner
          error={error}
          rest={(error?.problems ?? []).filter((p) => !BRAND_FIELDS.includes(p.field))}
        />
        <BrandFields values={actionData?.values ?? emptyBrand()} problems={error?.problems} />
        <div className="mt-3 flex justify-end">
          <button type="submit" disabled={busy} data-testid="brand-create" className={primaryButton}>
            {t('catalog.brands.create')}
          </button>
        </div>
      </Form>

      <div className={`${card} mt-4 overflow-x-auto`}>
        <table className="min-w-full text-sm" data-testid="brand-table">
          <thead className="bg-slate-50 text-left text-xs font-medium text-slate-500">
            <tr>
              <th className="px-3 py-2">{t('catalog.brands.name')}</th>
              <th className="px-3 py-2">{t('catalog.brands.nameEn')}</th>
              <th className="px-3 py-2 text-right">{t('catalog.brands.sortOrder')}</th>
              <th className="px-3 py-2">{t('catalog.brands.restricted')}</th>
              <th className="px-3 py-2" />
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {loaderData.brands.map((b) => (
              <tr key={b.id} data-testid="brand-row" data-brand-id={b.id} className="hover:bg-slate-50">
                <td className="px-3 py-2 font-medium text-slate-900">
                  <Link to={`/brands/${b.id}`} data-testid="brand-link" className="hover:text-indigo-600">
                    {name(b)}
                  </Link>
                </td>
                <td className="px-3 py-2 text-slate-500">{b.nameEn}</td>
                <td className="px-3 py-2 text-right tabular-nums text-slate-500">{b.sortOrder}</td>
                <td className="px-3 py-2">
                  {b.restricted ? (
                    <span className="rounded-md bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-700">
                      {t('catalog.brands.restrictedBadge')}
                      <span className="ml-1 font-normal">
                        {t('catalog.brands.authorized', {
                          levels: b.authorizedLevelIds.length,
                          customers: b.authorizedCustomerIds.length,
                        })}
                      </span>
                    </span>
                  ) : (
                    <span className="text-xs text-slate-400">{t('catalog.brands.open')}</span>
                  )}
                </td>
                <td className="px-3 py-2 text-right">
                  <Link
                    to={`/brands/${b.id}`}
                    className="text-xs font-medium text-indigo-600 hover:text-indigo-500"
                  >
                    {t('catalog.brands.edit')}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {loaderData.brands.length === 0 && (
          <p className="px-4 py-10 text-center text-sm text-slate-400">{t('catalog.brands.empty')}</p>
        )}
      </div>
    </main>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <ErrorView error={error} inline />;
}
