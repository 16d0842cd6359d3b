import { useTranslation } from 'react-i18next';
import type { BrandDetail, InputProblem } from '../../lib/catalog-queries';
import { FieldError, inputClass, Label, problemsFor } from './ui';

/** A brand as its form holds it, as typed. */
export interface BrandValues {
  name: string;
  nameEn: string;
  logoUrl: string;
  sortOrder: string;
  restricted: boolean;
}

export const BRAND_FIELDS = ['name', 'nameEn', 'logoUrl', 'sortOrder', 'restricted'];

export function emptyBrand(): BrandValues {
  return { name: '', nameEn: '', logoUrl: '', sortOrder: '', restricted: false };
}

export function brandValuesOf(b: BrandDetail): BrandValues {
  return {
    name: b.name,
    nameEn: b.nameEn,
    logoUrl: b.logoUrl ?? '',
    sortOrder: String(b.sortOrder),
    restricted: b.restricted,
  };
}

export function BrandFields({
  values,
  problems,
}: {
  values: BrandValues;
  problems: readonly InputProblem[] | undefined;
}) {
  const { t } = useTranslation();
  const invalid = (field: string) => (problemsFor(problems, field).length > 0 ? true : undefined);
  return (
    <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
      <Label label={t('catalog.brands.name')}>
        <input
          name="name"
          defaultValue={values.name}
          data-testid="brand-name"
          aria-invalid={invalid('name')}
          className={inputClass}
        />
        <FieldError problems={problems} field="name" />
      </Label>
      <Label label={t('catalog.brands.nameEn')}>
        <input
          name="nameEn"
          defaultValue={values.nameEn}
          data-testid="brand-name-en"
          aria-invalid={invalid('nameEn')}
          className={inputClass}
        />
        <FieldError problems={problems} field="nameEn" />
      </Label>
      <Label label={t('catalog.brands.logoUrl')}>
        <input
          name="logoUrl"
          defaultValue={values.logoUrl}
          data-testid="brand-logo-url"
          aria-invalid={invalid('logoUrl')}
          className={inputClass}
        />
        <FieldError problems={problems} field="logoUrl" />
      </Label>
      <Label label={t('catalog.brands.sortOrder')}>
        <input
          name="sortOrder"
          defaultValue={values.sortOrder}
          inputMode="numeric"
          data-testid="brand-sort-order"
          aria-invalid={invalid('sortOrder')}
          className={inputClass}
        />
        <FieldError problems={problems} field="sortOrder" />
      </Label>
      <label className="flex items-start gap-2 text-sm text-slate-700 sm:col-span-2 lg:col-span-4">
        <input
          type="checkbox"
          name="restricted"
          defaultChecked={values.restricted}
          data-testid="brand-restricted"
          className="mt-0.5"
        />
        <span>
          {t('catalog.brands.restricted')}
          <span className="block text-xs text-slate-400">{t('catalog.brands.restrictedHint')}</span>
        </span>
      </label>
    </div>
  );
}
