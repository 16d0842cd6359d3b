import { ErrorView } from '@wholesail/web/components/error-view';
import { loadWithAuth } from '@wholesail/web/gateway.server';
import { useTranslation } from 'react-i18next';
import { Form, useNavigation } from 'react-router';
import {
  catalogMutate,
  type FormError,
  intOf,
  localProblem,
  str,
} from '../../components/catalog/mutate.server';
import {
  CatalogTabs,
  CategoryOptions,
  card,
  dangerButton,
  FieldError,
  type FlatCategory,
  FormErrorBanner,
  flattenCategories,
  inputClass,
  Label,
  Notice,
  PageHeader,
  primaryButton,
  secondaryButton,
} from '../../components/catalog/ui';
import {
  CATEGORIES_QUERY,
  type CategoryNode,
  CREATE_CATEGORY_MUTATION,
  DELETE_CATEGORY_MUTATION,
  UPDATE_CATEGORY_MUTATION,
} from '../../lib/catalog-queries';
import { session } from '../../lib/session.server';
import type { Route } from './+types/categories';

export async function loader({ request }: Route.LoaderArgs) {
  const { data } = await loadWithAuth<{ categories: CategoryNode[] }>(session, request, CATEGORIES_QUERY);
  return { categories: data.categories ?? [] };
}

interface CategoryValues {
  name: string;
  nameEn: string;
  parentId: string;
  sortOrder: string;
}

type ActionResult =
  | { intent: 'create' | 'update' | 'delete'; id: string; ok: true; name: string }
  | {
      intent: 'create' | 'update' | 'delete';
      id: string;
      ok: false;
      values: CategoryValues;
      error: FormError;
    };

export async function action({ request }: Route.ActionArgs): Promise<ActionResult> {
  await session.requireAuth(request);
  const form = await request.formData();
  const intent = str(form, 'intent') as 'create' | 'update' | 'delete';
  const id = str(form, 'id');
  const values: CategoryValues = {
    name: str(form, 'name').trim(),
    nameEn: str(form, 'nameEn').trim(),
    parentId: str(form, 'parentId'),
    sortOrder: str(form, 'sortOrder').trim(),
  };
  const refuse = (error: FormError): ActionResult => ({ intent, id, ok: false, values, error });

  if (intent === 'delete') {
    const outcome = await catalogMutate<string>(request, DELETE_CATEGORY_MUTATION, { id }, 'deleteCategory');
    return outcome.ok ? { intent, id, ok: true, name: values.name } : refuse(outcome.error);
  }
  const sortOrder = intOf(values.sortOrder);
  if (Number.isNaN(sortOrder)) {
    return refuse({ message: '@catalog.errors.integer', problems: [localProblem('sortOrder', 'integer')] });
  }
  const fields = {
    name: values.name,
    nameEn: values.nameEn,
    parentId: values.parentId || null,
    ...(sortOrder === undefined ? {} : { sortOrder }),
  };
  const outcome =
    intent === 'create'
      ? await catalogMutate<{ id: string }>(
          request,
          CREATE_CATEGORY_MUTATION,
          { input: fields },
          'createCategory',
        )
      : await catalogMutate<{ id: string }>(
          request,
          UPDATE_CATEGORY_MUTATION,
          { input: { id, ...fields } },
          'updateCategory',
        );
  return outcome.ok ? { intent, id: outcome.data.id, ok: true, name: values.name } : refuse(outcome.error);
}

const ROOTS = ['name', 'nameEn', 'parentId', 'sortOrder'];

export default function Categories({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const busy = navigation.state !== 'idle';
  const flat = flattenCategories(loaderData.categories);
  const createAnswer = actionData?.intent === 'create' ? actionData : undefined;
  const createValues =
    createAnswer && !createAnswer.ok
      ? createAnswer.values
      : { name: '', nameEn: '', parentId: '', sortOrder: '' };
  const createError = createAnswer && !createAnswer.ok ? createAnswer.error : undefined;

  return (
    <main className="mx-auto max-w-6xl px-4 py-6 lg:px-8">
      <title>{t('catalog.categories.pageTitle')}</title>
      <PageHeader title={t('catalog.categories.title')} />
      <CatalogTabs />

      <Form
        method="post"
        className={`${card} mt-4 p-4`}
        data-testid="category-create-form"
        key={`create:${JSON.stringify(createAnswer ?? null)}`}
      >
        <h2 className="mb-3 text-sm font-semibold text-slate-900">{t('catalog.categories.new')}</h2>
        <input type="hidden" name="intent" value="create" />
        <FormErrorBanner error={createError} rest={restOf(createError)} />
        {createAnswer?.ok && (
          <Notice testId="category-created">
            {t('catalog.categories.created', { name: createAnswer.name })}
          </Notice>
        )}
        <div className="grid items-end gap-3 sm:grid-cols-[1fr_1fr_1fr_6rem_auto]">
          <Label label={t('catalog.categories.name')}>
            <input
              name="name"
              defaultValue={createValues.name}
              data-testid="category-name"
              className={inputClass}
            />
            <FieldError problems={createError?.problems} field="name" />
          </Label>
          <Label label={t('catalog.categories.nameEn')}>
            <input name="nameEn" defaultValue={createValues.nameEn} className={inputClass} />
            <FieldError problems={createError?.problems} field="nameEn" />
          </Label>
          <Label label={t('catalog.categories.parent')}>
            <select
              name="parentId"
              defaultValue={createValues.parentId}
              data-testid="category-parent"
              className={inputClass}
            >
              <option value="">{t('catalog.categories.top')}</option>
              <CategoryOptions categories={flat} />
            </select>
            <FieldError problems={createError?.problems} field="parentId" />
          </Label>
          <Label label={t('catalog.categories.sortOrder')}>
            <input
              name="sortOrder"
              defaultValue={createValues.sortOrder}
              inputMode="numeric"
              className={inputClass}
            />
            <FieldError problems={createError?.problems} field="sortOrder" />
          </Label>
          <button type="submit" disabled={busy} data-testid="category-create" className={primaryButton}>
            {t('catalog.categories.create')}
          </button>
        </div>
      </Form>

      {actionData?.ok && actionData.intent !== 'create' && (
        <div className="mt-4">
          <Notice testId="category-notice">
            {t(actionData.intent === 'delete' ? 'catalog.categories.deleted' : 'catalog.categories.saved')}
          </Notice>
        </div>
      )}

      <div className={`${card} mt-4 divide-y divide-slate-100`} data-testid="category-tree">
        {flat.map((category) => {
          const answer =
            actionData && actionData.intent !== 'create' && actionData.id === category.id
              ? actionData
              : undefined;
          return (
            <CategoryRow
              key={`${category.id}:${JSON.stringify(answer ?? null)}:${category.parentId}:${category.name}`}
              category={category}
              all={flat}
              answer={answer}
              busy={busy}
            />
          );
        })}
        {flat.length === 0 && (
          <p className="px-4 py-10 text-center text-sm text-slate-400">{t('catalog.categories.empty')}</p>
        )}
      </div>
    </main>
  );
}

function restOf(error: FormError | undefined) {
  return (error?.problems ?? []).filter((p) => !ROOTS.includes(p.field));
}

function CategoryRow({
  category,
  all,
  answer,
  busy,
}: {
  category: FlatCategory;
  all: FlatCategory[];
  answer: ActionResult | undefined;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const error = answer && !answer.ok ? answer.error : undefined;
  const values =
    answer && !answer.ok
      ? answer.values
      : {
          name: category.name,
          nameEn: category.nameEn,
          parentId: category.parentId ?? '',
          sortOrder: String(category.sortOrder),
        };
  return (
    <Form
      method="post"
      className="px-4 py-2"
      data-testid="category-row"
      data-category-id={category.id}
      data-depth={category.depth}
      data-parent-id={category.parentId ?? ''}
    >
      <input type="hidden" name="id" value={category.id} />
      {error && (
        <div className="pt-1">
          <FormErrorBanner error={error} rest={restOf(error)} testId="category-error" />
        </div>
      )}
      <div
        className="grid items-start gap-2 sm:grid-cols-[1fr_1fr_1fr_5rem_auto]"
        style={{ paddingLeft: `${category.depth * 1.5}rem` }}
      >
        <div>
          <input
            name="name"
            defaultValue={values.name}
            aria-label={t('catalog.categories.name')}
            data-testid="category-row-name"
            className={`${inputClass} ${category.depth === 0 ? 'font-semibold' : ''}`}
          />
          <FieldError problems={error?.problems} field="name" />
        </div>
        <div>
          <input
            name="nameEn"
            defaultValue={values.nameEn}
            aria-label={t('catalog.categories.nameEn')}
            className={inputClass}
          />
          <FieldError problems={error?.problems} field="nameEn" />
        </div>
        <div>
          <select
            name="parentId"
            defaultValue={values.parentId}
            aria-label={t('catalog.categories.parent')}
            data-testid="category-row-parent"
            className={inputClass}
          >
            <option value="">{t('catalog.categories.top')}</option>
            <CategoryOptions categories={all} />
          </select>
          <FieldError problems={error?.problems} field="parentId" />
        </div>
        <div>
          <input
            name="sortOrder"
            defaultValue={values.sortOrder}
            inputMode="numeric"
            aria-label={t('catalog.categories.sortOrder')}
            data-testid="category-row-sort"
            className={inputClass}
          />
          <FieldError problems={error?.problems} field="sortOrder" />
        </div>
        <div className="flex gap-2">
          <button
            type="submit"
            name="intent"
            value="update"
            disabled={busy}
            data-testid="category-save"
            className={secondaryButton}
          >
            {t('catalog.categories.save')}
          </button>
          <button
            type="submit"
            name="intent"
            value="delete"
            disabled={busy}
            data-testid="category-delete"
            className={dangerButton}
            onClick={(event) => {
              if (!window.confirm(t('catalog.categories.confirmDelete', { name: category.name })))
                event.preventDefault();
            }}
          >
            {t('catalog.categories.delete')}
          </button>
        </div>
      </div>
    </Form>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <ErrorView error={error} inline />;
}
