import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InputProblem, SkuDetail } from '../../lib/catalog-queries';
import { FieldError, inputClass, Label, problemsFor, secondaryButton } from './ui';

/** A SKU as the form holds it: what was typed, as text (so a bad value comes back as typed). */
export interface SkuValues {
  code: string;
  spec: string;
  baseUnit: string;
  sortOrder: string;
  /** Barcodes of the base unit, the main one first. */
  barcodes: string[];
  /** The sale units besides the base unit (which always has factor 1 and is added by the form). */
  units: UnitValues[];
  /** A barcode the stored base unit row carries, kept as it is. */
  baseUnitBarcode: string;
}

export interface UnitValues {
  name: string;
  factor: string;
  barcode: string;
}

export function emptySku(): SkuValues {
  return { code: '', spec: '', baseUnit: '', sortOrder: '', barcodes: [''], units: [], baseUnitBarcode: '' };
}

export function skuValuesOf(sku: SkuDetail): SkuValues {
  const base = sku.units.find((u) => u.name === sku.baseUnit && u.factor === 1);
  return {
    code: sku.code,
    spec: sku.spec,
    baseUnit: sku.baseUnit,
    sortOrder: String(sku.sortOrder),
    barcodes: sku.barcodes.length > 0 ? [...sku.barcodes] : [''],
    units: sku.units
      .filter((u) => u !== base)
      .map((u) => ({ name: u.name, factor: String(u.factor), barcode: u.barcode ?? '' })),
    baseUnitBarcode: base?.barcode ?? '',
  };
}

/** Rows with a stable key each, so removing one keeps what was typed in the others. */
function useRows<T>(initial: T[]) {
  const next = useRef(initial.length);
  const [rows, setRows] = useState(() => initial.map((value, i) => ({ key: i, value })));
  return {
    rows,
    add: (value: T) => {
      next.current += 1;
      setRows((current) => [...current, { key: next.current, value }]);
    },
    remove: (key: number) => setRows((current) => current.filter((r) => r.key !== key)),
  };
}

/**
 * The fields of one SKU: code, spec, base unit, sort order, several barcodes, and sale units
 * with integer factors. Input names are `<prefix>code`, `<prefix>barcodes.0`,
 * `<prefix>units.0.factor`..., the same paths the API names in its problems.
 */
export function SkuFields({
  prefix,
  values,
  problems,
}: {
  prefix: string;
  values: SkuValues;
  problems: readonly InputProblem[] | undefined;
}) {
  const { t } = useTranslation();
  const barcodes = useRows(values.barcodes);
  const units = useRows(values.units);
  const invalid = (field: string) => (problemsFor(problems, field).length > 0 ? true : undefined);
  const exactInvalid = (field: string) =>
    (problems ?? []).some((p) => p.field === field) ? true : undefined;

  return (
    <div className="space-y-4" data-testid="sku-fields" data-prefix={prefix}>
      <input type="hidden" name={`${prefix}baseUnitBarcode`} value={values.baseUnitBarcode} />
      <div className="grid gap-3 sm:grid-cols-4">
        <Label label={t('catalog.sku.code')}>
          <input
            name={`${prefix}code`}
            defaultValue={values.code}
            data-testid="sku-code"
            aria-invalid={invalid(`${prefix}code`)}
            className={inputClass}
          />
          <FieldError problems={problems} field={`${prefix}code`} />
        </Label>
        <Label label={t('catalog.sku.spec')}>
          <input
            name={`${prefix}spec`}
            defaultValue={values.spec}
            data-testid="sku-spec"
            placeholder={t('catalog.sku.specPlaceholder')}
            aria-invalid={invalid(`${prefix}spec`)}
            className={inputClass}
          />
          <FieldError problems={problems} field={`${prefix}spec`} />
        </Label>
        <Label label={t('catalog.sku.baseUnit')}>
          <input
            name={`${prefix}baseUnit`}
            defaultValue={values.baseUnit}
            data-testid="sku-base-unit"
            placeholder={t('catalog.sku.baseUnitPlaceholder')}
            aria-invalid={invalid(`${prefix}baseUnit`)}
            className={inputClass}
          />
          <FieldError problems={problems} field={`${prefix}baseUnit`} />
        </Label>
        <Label label={t('catalog.sku.sortOrder')}>
          <input
            name={`${prefix}sortOrder`}
            defaultValue={values.sortOrder}
            inputMode="numeric"
            data-testid="sku-sort-order"
            aria-invalid={invalid(`${prefix}sortOrder`)}
            className={inputClass}
          />
          <FieldError problems={problems} field={`${prefix}sortOrder`} />
        </Label>
      </div>

      <fieldset>
        <legend className="mb-1 text-xs font-medium text-slate-600">
          {t('catalog.sku.barcodes')}{' '}
          <span className="font-normal text-slate-400">{t('catalog.sku.barcodesHint')}</span>
        </legend>
        <div className="space-y-2">
          {barcodes.rows.map((row, i) => (
            <div key={row.key} className="flex items-start gap-2" data-testid="sku-barcode-row">
              <div className="flex-1">
                <input
                  name={`${prefix}barcodes.${i}`}
                  defaultValue={row.value}
                  data-testid="sku-barcode"
                  aria-label={`${t('catalog.sku.barcodes')} ${i + 1}`}
                  aria-invalid={exactInvalid(`${prefix}barcodes.${i}`)}
                  className={`${inputClass} font-mono`}
                />
                <FieldError problems={problems} field={`${prefix}barcodes.${i}`} exact />
              </div>
              <button
                type="button"
                onClick={() => barcodes.remove(row.key)}
                className="px-2 py-1.5 text-xs text-slate-500 hover:text-red-600"
                aria-label={t('catalog.sku.removeBarcode')}
              >
                ×
              </button>
            </div>
          ))}
        </div>
        <FieldError problems={problems} field={`${prefix}barcodes`} exact />
        <button
          type="button"
          onClick={() => barcodes.add('')}
          data-testid="sku-add-barcode"
          className="mt-2 text-xs font-medium text-indigo-600 hover:text-indigo-500"
        >
          + {t('catalog.sku.addBarcode')}
        </button>
      </fieldset>

      <fieldset>
        <legend className="mb-1 text-xs font-medium text-slate-600">
          {t('catalog.sku.units')}{' '}
          <span className="font-normal text-slate-400">{t('catalog.sku.unitsHint')}</span>
        </legend>
        <div className="space-y-2">
          {units.rows.map((row, i) => {
            const at = `${prefix}units.${i}`;
            return (
              <div
                key={row.key}
                className="grid grid-cols-[1fr_6rem_1.5fr_auto] items-start gap-2"
                data-testid="sku-unit-row"
              >
                <div>
                  <input
                    name={`${at}.name`}
                    defaultValue={row.value.name}
                    data-testid="sku-unit-name"
                    placeholder={t('catalog.sku.unitNamePlaceholder')}
                    aria-label={t('catalog.sku.unitName')}
                    aria-invalid={exactInvalid(`${at}.name`)}
                    className={inputClass}
                  />
                  <FieldError problems={problems} field={`${at}.name`} exact />
                </div>
                <div>
                  <input
                    name={`${at}.factor`}
                    defaultValue={row.value.factor}
                    inputMode="numeric"
                    data-testid="sku-unit-factor"
                    aria-label={t('catalog.sku.factor')}
                    aria-invalid={exactInvalid(`${at}.factor`)}
                    className={`${inputClass} tabular-nums`}
                  />
                  <FieldError problems={problems} field={`${at}.factor`} exact />
                </div>
                <div>
                  <input
                    name={`${at}.barcode`}
                    defaultValue={row.value.barcode}
                    data-testid="sku-unit-barcode"
                    aria-label={t('catalog.sku.unitBarcode')}
                    placeholder={t('catalog.sku.unitBarcode')}
                    aria-invalid={exactInvalid(`${at}.barcode`)}
                    className={`${inputClass} font-mono`}
                  />
                  <FieldError problems={problems} field={`${at}.barcode`} exact />
                </div>
                <button
                  type="button"
                  onClick={() => units.remove(row.key)}
                  className="px-2 py-1.5 text-xs text-slate-500 hover:text-red-600"
                  aria-label={t('catalog.sku.removeUnit')}
                >
                  ×
                </button>
              </div>
            );
          })}
        </div>
        <FieldError problems={problems} field={`${prefix}units`} exact />
        <button
          type="button"
          onClick={() => units.add({ name: '', factor: '', barcode: '' })}
          data-testid="sku-add-unit"
          className={`${secondaryButton} mt-2 text-xs`}
        >
          + {t('catalog.sku.addUnit')}
        </button>
      </fieldset>
    </div>
  );
}
