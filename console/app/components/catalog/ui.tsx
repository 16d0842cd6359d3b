import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import type { CategoryNode, InputProblem } from '../../lib/catalog-queries';

/** Shared look and small pieces of the catalog screens. */

export const inputClass =
  'block w-full rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-900 placeholder:text-slate-400 focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/20 focus:outline-none aria-[invalid=true]:border-red-400';
/** The same look for controls of a filter bar, as wide as their content. */
export const filterClass =
  'rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-900 placeholder:text-slate-400 focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/20 focus:outline-none';
export const primaryButton =
  'inline-flex items-center justify-center gap-1.5 rounded-lg bg-indigo-600 px-3 py-1.5 text-sm font-semibold text-white shadow-sm hover:bg-indigo-500 disabled:cursor-wait disabled:opacity-60';
export const secondaryButton =
  'inline-flex items-center justify-center gap-1.5 rounded-lg bg-white px-3 py-1.5 text-sm font-medium text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50 disabled:opacity-50';
export const dangerButton =
  'inline-flex items-center justify-center gap-1.5 rounded-lg bg-white px-3 py-1.5 text-sm font-medium text-red-600 ring-1 ring-red-200 hover:bg-red-50 disabled:opacity-50';
export const card = 'rounded-xl bg-white shadow-xs ring-1 ring-slate-900/5';

/** The section's tab bar: Products / Categories / Brands. */
export function CatalogTabs() {
  const { t } = useTranslation();
  const tabs = [
    { to: '/products', key: 'products' },
    { to: '/categories', key: 'categories' },
    { to: '/brands', key: 'brands' },
  ];
  return (
    <nav aria-label={t('catalog.tabs.label')} className="flex gap-1 border-b border-slate-200">
      {tabs.map((tab) => (
        <NavLink
          key={tab.key}
          to={tab.to}
          data-testid={`catalog-tab-${tab.key}`}
          className={({ isActive }) =>
            `-mb-px border-b-2 px-3 py-2 text-sm font-medium ${
              isActive
                ? 'border-indigo-600 text-indigo-700'
                : 'border-transparent text-slate-500 hover:text-slate-800'
            }`
          }
        >
          {t(`catalog.tabs.${tab.key}`)}
        </NavLink>
      ))}
    </nav>
  );
}

export function PageHeader({ title, actions }: { title: string; actions?: ReactNode }) {
  return (
    <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{title}</h1>
      {actions}
    </div>
  );
}

/** Names in the UI language: the English name when English is on and there is one. */
export function useLocalized() {
  const { i18n } = useTranslation();
  const en = i18n.language === 'en';
  return {
    en,
    name: (thing: { name: string; nameEn?: string | null }) =>
      en && thing.nameEn ? thing.nameEn : thing.name,
  };
}

/**
 * The text of a problem: the API writes "中文 (English)", so each language gets its half;
 * our own problems are `@key` of the i18n files.
 */
export function useProblemText() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  return (message: string) => {
    if (message.startsWith('@')) return t(message.slice(1));
    const match = /^(.*?)\s*\(([^()]*)\)\s*$/s.exec(message);
    if (!match) return message;
    return (en ? match[2] : match[1]) || message;
  };
}

/** Problems for a field (or below it: `images` also shows `images.2`). */
export function problemsFor(problems: readonly InputProblem[] | undefined, field: string): InputProblem[] {
  return (problems ?? []).filter((p) => p.field === field || p.field.startsWith(`${field}.`));
}

/** The problems of one field, under it, in red. */
export function FieldError({
  problems,
  field,
  exact = false,
}: {
  problems: readonly InputProblem[] | undefined;
  field: string;
  exact?: boolean;
}) {
  const text = useProblemText();
  const mine = exact ? (problems ?? []).filter((p) => p.field === field) : problemsFor(problems, field);
  if (mine.length === 0) return null;
  return (
    <span data-testid="field-error" data-field={field} className="mt-1 block text-xs text-red-600">
      {mine.map((p) => text(p.message)).join('; ')}
    </span>
  );
}

/** The refusal as a whole, at the top of a form; `rest` lists problems no field shows. */
export function FormErrorBanner({
  error,
  rest = [],
  testId = 'form-error',
}: {
  error: { message: string; problems: InputProblem[] } | null | undefined;
  rest?: InputProblem[];
  testId?: string;
}) {
  const text = useProblemText();
  if (!error) return null;
  // A problem saying what the message says already is not listed twice.
  const listed = rest.filter((p) => p.message !== error.message);
  return (
    <div
      role="alert"
      data-testid={testId}
      className="mb-4 rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700"
    >
      <p>{text(error.message)}</p>
      {listed.length > 0 && (
        <ul className="mt-1 list-disc pl-5 text-xs">
          {listed.map((p) => (
            <li key={`${p.field}:${p.message}`}>
              <code>{p.field}</code> {text(p.message)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function Notice({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <p
      role="status"
      data-testid={testId}
      className="mb-4 rounded-lg border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-700"
    >
      {children}
    </p>
  );
}

export function Label({
  label,
  children,
  className = '',
}: {
  label: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: the control is passed as children
    <label className={`block ${className}`}>
      <span className="mb-1 block text-xs font-medium text-slate-600">{label}</span>
      {children}
    </label>
  );
}

export interface FlatCategory {
  id: string;
  name: string;
  nameEn: string;
  depth: number;
  sortOrder: number;
  parentId: string | null;
  childCount: number;
}

/** The tree in display order, each node with its parent. */
export function flattenCategories(
  nodes: readonly CategoryNode[],
  parentId: string | null = null,
): FlatCategory[] {
  return nodes.flatMap((node) => [
    {
      id: node.id,
      name: node.name,
      nameEn: node.nameEn,
      depth: node.depth,
      sortOrder: node.sortOrder,
      parentId,
      childCount: node.children?.length ?? 0,
    },
    ...flattenCategories(node.children ?? [], node.id),
  ]);
}

/** Options of a category picker, indented by depth. */
export function CategoryOptions({ categories }: { categories: readonly FlatCategory[] }) {
  const { name } = useLocalized();
  return (
    <>
      {categories.map((c) => (
        <option key={c.id} value={c.id}>
          {`${'\u3000'.repeat(c.depth)}${name(c)}`}
        </option>
      ))}
    </>
  );
}

/** A product picture; the demo's relative paths belong to the storefront, so they show a letter. */
export function Thumb({ src, alt }: { src: string | undefined; alt: string }) {
  if (src && /^https?:\/\//.test(src)) {
    return (
      <img src={src} alt={alt} className="size-10 rounded-md bg-slate-100 object-contain" loading="lazy" />
    );
  }
  return (
    <span
      aria-hidden="true"
      title={src}
      className="flex size-10 items-center justify-center rounded-md bg-slate-100 text-sm font-semibold text-slate-400"
    >
      {alt.slice(0, 1)}
    </span>
  );
}
