import { ErrorView } from '@wholesail/web/components/error-view';
import { loadWithAuth } from '@wholesail/web/gateway.server';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Form, Link, useNavigation } from 'react-router';
import {
  Card,
  inputClass,
  Notice,
  PageFrame,
  PricingTabs,
  primaryButton,
  secondaryButton,
} from '../../components/pricing/ui';
import {
  CUSTOMER_SEARCH_QUERY,
  type CustomerLevel,
  type CustomerSearchData,
  EXPORT_CUSTOMER_PRICES_QUERY,
  EXPORT_LEVEL_PRICES_QUERY,
  IMPORT_CUSTOMER_PRICES_MUTATION,
  IMPORT_LEVEL_PRICES_MUTATION,
  type ImportResult,
  PRICE_IMPORT_PAGE_QUERY,
} from '../../lib/pricing-queries';
import { session } from '../../lib/session.server';
import type { Route } from './+types/price-import';

type PriceFileKind = 'level' | 'customer';

export async function loader({ request }: Route.LoaderArgs) {
  const params = new URL(request.url).searchParams;
  const exportKind = params.get('export') as PriceFileKind | null;
  const levelId = params.get('level')?.trim() || null;
  const customerId = params.get('customer')?.trim() || null;
  const cq = params.get('cq')?.trim() ?? '';
  const [page, customers, file] = await Promise.all([
    loadWithAuth<{ customerLevels: CustomerLevel[] }>(session, request, PRICE_IMPORT_PAGE_QUERY),
    cq ? loadWithAuth<CustomerSearchData>(session, request, CUSTOMER_SEARCH_QUERY, { search: cq }) : null,
    exportKind === 'level'
      ? loadWithAuth<{ exportLevelPrices: string }>(session, request, EXPORT_LEVEL_PRICES_QUERY, { levelId })
      : exportKind === 'customer'
        ? loadWithAuth<{ exportCustomerPrices: string }>(session, request, EXPORT_CUSTOMER_PRICES_QUERY, {
            customerId,
          })
        : null,
  ]);
  const levels = [...page.data.customerLevels].sort((a, b) => a.rank - b.rank);
  const csv = file
    ? 'exportLevelPrices' in file.data
      ? file.data.exportLevelPrices
      : (file.data as { exportCustomerPrices: string }).exportCustomerPrices
    : null;
  const owner =
    exportKind === 'level'
      ? (levels.find((l) => l.id === levelId)?.code ?? 'all')
      : exportKind === 'customer'
        ? (customerId ?? 'all')
        : '';
  return {
    levels,
    cq,
    customers: customers?.data.customers.edges.map((e) => e.node) ?? [],
    exported:
      csv === null || !exportKind
        ? null
        : { kind: exportKind, csv, fileName: `${exportKind}-prices-${owner}.csv` },
  };
}

export interface ImportActionResult {
  kind: PriceFileKind;
  result: ImportResult | null;
}

export async function action({ request }: Route.ActionArgs): Promise<ImportActionResult> {
  const form = await request.formData();
  const kind: PriceFileKind = form.get('kind') === 'customer' ? 'customer' : 'level';
  const csv = String(form.get('csv') ?? '');
  const { data } = await loadWithAuth<{
    importLevelPrices?: ImportResult;
    importCustomerPrices?: ImportResult;
  }>(session, request, kind === 'level' ? IMPORT_LEVEL_PRICES_MUTATION : IMPORT_CUSTOMER_PRICES_MUTATION, {
    csv,
  });
  return { kind, result: (kind === 'level' ? data.importLevelPrices : data.importCustomerPrices) ?? null };
}

/** The outcome of an import: every bad row by line, or what was written. */
function ImportOutcome({ result }: { result: ImportResult }) {
  const { t } = useTranslation();
  if (result.__typename === 'ImportRejected') {
    return (
      <div className="space-y-3">
        <Notice tone="warn" testId="import-rejected">
          {t('pricing.import.rejected', { count: result.rows.length })}
        </Notice>
        <div className="overflow-x-auto">
          <table data-testid="import-problems" className="min-w-full text-sm">
            <thead>
              <tr className="text-left text-xs text-slate-500">
                <th className="py-1.5 pr-3 font-medium">{t('pricing.import.line')}</th>
                <th className="py-1.5 pr-3 font-medium">{t('pricing.import.column')}</th>
                <th className="py-1.5 pr-3 font-medium">{t('pricing.import.problem')}</th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map((row) => (
                <tr
                  key={`${row.line}:${row.field}:${row.message}`}
                  data-testid="import-problem"
                  data-line={row.line}
                  data-field={row.field}
                  className="border-t border-slate-100"
                >
                  <td className="py-1.5 pr-3 tabular-nums">{row.line}</td>
                  <td className="py-1.5 pr-3 font-mono text-xs">{row.field}</td>
                  <td className="py-1.5 pr-3 text-red-700">{row.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    );
  }
  if (result.__typename === 'ValidationError') {
    return (
      <Notice tone="warn" testId="import-rejected">
        {result.problems.map((p) => p.message).join('; ') || result.message}
      </Notice>
    );
  }
  const { created, updated, unchanged } = result.data;
  return (
    <Notice testId="import-success">
      <span
        data-created={created}
        data-updated={updated}
        data-unchanged={unchanged}
        data-testid="import-counts"
      >
        {t('pricing.import.success', { count: created + updated + unchanged, created, updated, unchanged })}
      </span>
    </Notice>
  );
}

export default function PriceImport({ loaderData, actionData }: Route.ComponentProps) {
  const { t, i18n } = useTranslation();
  const navigation = useNavigation();
  const { levels, cq, customers, exported } = loaderData;
  const [kind, setKind] = useState<PriceFileKind>(actionData?.kind ?? 'level');
  const [csv, setCsv] = useState('');
  const [fileName, setFileName] = useState('');
  const importing = navigation.state === 'submitting' && navigation.formMethod?.toUpperCase() === 'POST';
  const header = kind === 'level' ? 'sku_code,unit,level_code,price' : 'sku_code,unit,customer_code,price';
  const levelName = (level: CustomerLevel) =>
    i18n.language === 'en' ? level.nameEn || level.name : level.name;

  return (
    <PageFrame
      title={t('pricing.import.title')}
      subtitle={t('pricing.import.subtitle')}
      tabs={<PricingTabs />}
    >
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={t('pricing.import.exportLevel')} testId="export-level">
          <Form method="get" className="flex flex-wrap items-end gap-2">
            <input type="hidden" name="export" value="level" />
            <label className="text-xs text-slate-500">
              {t('pricing.import.level')}
              <select name="level" data-testid="export-level-select" className={inputClass}>
                <option value="">{t('pricing.import.allLevels')}</option>
                {levels.map((level) => (
                  <option key={level.id} value={level.id}>
                    {levelName(level)} ({level.code})
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" data-testid="export-level-submit" className={secondaryButton}>
              {t('pricing.import.export')}
            </button>
          </Form>
        </Card>

        <Card title={t('pricing.import.exportCustomer')} testId="export-customer">
          <Form method="get" className="flex flex-wrap items-end gap-2" role="search">
            <input
              name="cq"
              defaultValue={cq}
              data-testid="export-customer-search"
              placeholder={t('pricing.customers.searchPlaceholder')}
              className={`${inputClass} max-w-xs`}
            />
            <button type="submit" className={secondaryButton}>
              {t('pricing.search')}
            </button>
            <Link to="?export=customer" data-testid="export-all-customers" className={secondaryButton}>
              {t('pricing.import.allCustomers')}
            </Link>
          </Form>
          {cq && (
            <ul className="mt-3 flex flex-wrap gap-1 text-xs">
              {customers.length === 0 && <li className="text-slate-400">{t('pricing.noResults')}</li>}
              {customers.map((c) => (
                <li key={c.id}>
                  <Link
                    to={`?${new URLSearchParams({ cq, export: 'customer', customer: c.id })}`}
                    data-testid="export-customer-choice"
                    data-customer={c.id}
                    className="inline-block rounded border border-slate-200 px-2 py-0.5 text-slate-600 hover:border-slate-400"
                  >
                    {c.code} {c.name}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>

      {exported && (
        <Card title={t('pricing.import.exported', { name: exported.fileName })} testId="export-result">
          <textarea
            readOnly
            data-testid="export-csv"
            value={exported.csv}
            rows={8}
            className={`${inputClass} font-mono text-xs`}
          />
          <div className="mt-2 flex flex-wrap gap-2">
            <a
              href={`data:text/csv;charset=utf-8,${encodeURIComponent(exported.csv)}`}
              download={exported.fileName}
              data-testid="export-download"
              className={primaryButton}
            >
              {t('pricing.import.download')}
            </a>
            <button
              type="button"
              data-testid="export-to-import"
              onClick={() => {
                setKind(exported.kind);
                setCsv(exported.csv);
                setFileName(exported.fileName);
              }}
              className={secondaryButton}
            >
              {t('pricing.import.editAndImport')}
            </button>
          </div>
        </Card>
      )}

      <Card title={t('pricing.import.importTitle')} testId="import">
        <Form method="post" className="space-y-3">
          <fieldset className="flex flex-wrap gap-4 text-sm">
            <legend className="sr-only">{t('pricing.import.kind')}</legend>
            {(['level', 'customer'] as const).map((k) => (
              <label key={k} className="flex items-center gap-1.5">
                <input
                  type="radio"
                  name="kind"
                  value={k}
                  checked={kind === k}
                  onChange={() => setKind(k)}
                  data-testid={`import-kind-${k}`}
                />
                {t(`pricing.import.kinds.${k}`)}
              </label>
            ))}
          </fieldset>
          <p className="text-xs text-slate-500">
            {t('pricing.import.format')} <code className="rounded bg-slate-100 px-1 font-mono">{header}</code>
          </p>
          <label className="block text-xs text-slate-500">
            {t('pricing.import.file')}
            <input
              type="file"
              accept=".csv,text/csv,text/plain"
              data-testid="import-file"
              onChange={async (e) => {
                const file = e.target.files?.[0];
                if (!file) return;
                setFileName(file.name);
                setCsv(await file.text());
              }}
              className="mt-1 block text-sm text-slate-700 file:mr-3 file:rounded-md file:border-0 file:bg-slate-100 file:px-3 file:py-1.5 file:text-sm"
            />
          </label>
          {fileName && <p className="text-xs text-slate-500">{fileName}</p>}
          <label className="block text-xs text-slate-500">
            {t('pricing.import.paste')}
            <textarea
              name="csv"
              value={csv}
              onChange={(e) => setCsv(e.target.value)}
              rows={10}
              required
              data-testid="import-csv"
              placeholder={`${header}\n…`}
              className={`${inputClass} mt-1 font-mono text-xs`}
            />
          </label>
          <button type="submit" disabled={importing} data-testid="import-submit" className={primaryButton}>
            {importing ? t('pricing.import.importing') : t('pricing.import.submit')}
          </button>
        </Form>
        {actionData?.result && (
          <div className="mt-4" data-testid="import-outcome" data-kind={actionData.kind}>
            <ImportOutcome result={actionData.result} />
          </div>
        )}
      </Card>
    </PageFrame>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <ErrorView error={error} inline />;
}
