import { useTranslation } from 'react-i18next';
import type { InputProblem, Named, ProductDetail } from '../../lib/catalog-queries';
import { PRODUCT_TAGS } from '../../lib/catalog-queries';
import {
  CategoryOptions,
  FieldError,
  type FlatCategory,
  inputClass,
  Label,
  problemsFor,
  useLocalized,
} from './ui';

/** A product as the form holds it, as typed. */
export interface ProductValues {
  name: string;
  nameEn: string;
  brandId: string;
  categoryId: string;
  tags: string[];
  description: string;
  /** One URL a line. */
  images: string;
  sortOrder: string;
  onShelf: boolean;
}

export function emptyProduct(): ProductValues {
  return {
    name: '',
    nameEn: '',
    brandId: '',
    categoryId: '',
    tags: [],
    description: '',
    images: '',
    sortOrder: '',
    onShelf: true,
  };
}

export function productValuesOf(p: ProductDetail): ProductValues {
  return {
    name: p.name,
    nameEn: p.nameEn,
    brandId: p.brand.id,
    categoryId: p.category.id,
    tags: [...p.tags],
    description: p.description,
    images: p.images.join('\n'),
    sortOrder: String(p.sortOrder),
    onShelf: p.onShelf,
  };
}

/** The product's own fields: names, brand, category, tags, description, images, sort order, shelf. */
export function ProductFields({
  values,
  problems,
  brands,
  categories,
}: {
  values: ProductValues;
  problems: readonly InputProblem[] | undefined;
  brands: readonly Named[];
  categories: readonly FlatCategory[];
}) {
  const { t } = useTranslation();
  const { name } = useLocalized();
  const invalid = (field: string) => (problemsFor(problems, field).length > 0 ? true : undefined);
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <Label label={t('catalog.product.name')}>
        <input
          name="name"
          defaultValue={values.name}
          data-testid="product-name-input"
          aria-invalid={invalid('name')}
          className={inputClass}
        />
        <FieldError problems={problems} field="name" />
      </Label>
      <Label label={t('catalog.product.nameEn')}>
        <input
          name="nameEn"
          defaultValue={values.nameEn}
          data-testid="product-name-en-input"
          aria-invalid={invalid('nameEn')}
          className={inputClass}
        />
        <FieldError problems={problems} field="nameEn" />
      </Label>
      <Label label={t('catalog.product.brand')}>
        <select
          name="brandId"
          defaultValue={values.brandId}
          data-testid="product-brand-select"
          aria-invalid={invalid('brandId')}
          className={inputClass}
        >
          <option value="">{t('catalog.product.choose')}</option>
          {brands.map((b) => (
            <option key={b.id} value={b.id}>
              {name(b)}
            </option>
          ))}
        </select>
        <FieldError problems={problems} field="brandId" />
      </Label>
      <Label label={t('catalog.product.category')}>
        <select
          name="categoryId"
          defaultValue={values.categoryId}
          data-testid="product-category-select"
          aria-invalid={invalid('categoryId')}
          className={inputClass}
        >
          <option value="">{t('catalog.product.choose')}</option>
          <CategoryOptions categories={categories} />
        </select>
        <FieldError problems={problems} field="categoryId" />
      </Label>
      <fieldset className="sm:col-span-2">
        <legend className="mb-1 text-xs font-medium text-slate-600">{t('catalog.product.tags')}</legend>
        <div className="flex flex-wrap gap-3">
          {PRODUCT_TAGS.map((tag) => (
            <label key={tag} className="flex items-center gap-1.5 text-sm text-slate-700">
              <input
                type="checkbox"
                name="tags"
                value={tag}
                defaultChecked={values.tags.includes(tag)}
                data-testid={`product-tag-${tag}`}
              />
              {t(`catalog.tags.${tag}`)}
            </label>
          ))}
        </div>
        <FieldError problems={problems} field="tags" />
      </fieldset>
      <Label label={t('catalog.product.description')} className="sm:col-span-2">
        <textarea
          name="description"
          defaultValue={values.description}
          rows={3}
          data-testid="product-description-input"
          aria-invalid={invalid('description')}
          className={inputClass}
        />
        <FieldError problems={problems} field="description" />
      </Label>
      <Label label={t('catalog.product.images')} className="sm:col-span-2">
        <textarea
          name="images"
          defaultValue={values.images}
          rows={2}
          data-testid="product-images-input"
          placeholder={t('catalog.product.imagesHint')}
          aria-invalid={invalid('images')}
          className={`${inputClass} font-mono text-xs`}
        />
        <FieldError problems={problems} field="images" />
      </Label>
      <Label label={t('catalog.product.sortOrder')}>
        <input
          name="sortOrder"
          defaultValue={values.sortOrder}
          inputMode="numeric"
          placeholder={t('catalog.product.sortOrderHint')}
          data-testid="product-sort-order-input"
          aria-invalid={invalid('sortOrder')}
          className={inputClass}
        />
        <FieldError problems={problems} field="sortOrder" />
      </Label>
      <label className="flex items-center gap-2 self-end pb-2 text-sm text-slate-700">
        <input
          type="checkbox"
          name="onShelf"
          defaultChecked={values.onShelf}
          data-testid="product-on-shelf-input"
        />
        {t('catalog.product.onShelf')}
      </label>
    </div>
  );
}

export const PRODUCT_FIELDS = [
  'name',
  'nameEn',
  'brandId',
  'categoryId',
  'tags',
  'description',
  'images',
  'sortOrder',
];
export const SKU_FIELDS = ['code', 'spec', 'baseUnit', 'sortOrder', 'barcodes', 'units'];

/** Problems no field of the form shows (the banner lists them); `skus.N.` paths are SKU fields. */
export function unplacedProblems(
  problems: readonly InputProblem[] | undefined,
  roots: readonly string[],
): InputProblem[] {
  return (problems ?? []).filter((p) => {
    const inSku = /^skus\.\d+\./.exec(p.field);
    const field = inSku ? p.field.slice(inSku[0].length) : p.field;
    return !(inSku ? SKU_FIELDS : roots).some((r) => field === r || field.startsWith(`${r}.`));
  });
}
