import { useTranslation } from 'react-i18next';
import { useRouteLoaderData } from 'react-router';
import type { HomeLink, Money, Named } from './queries';

export function currencySymbol(currency: string): string {
  return currency === 'CNY' ? '¥' : `${currency} `;
}

/** `¥3.46` */
export function formatMoney(money: Money): string {
  return `${currencySymbol(money.currency)}${money.amount}`;
}

/** The name to show in the current language (English when there is one and English is on). */
export function useLocalized() {
  const { i18n } = useTranslation();
  const en = i18n.language === 'en';
  return {
    en,
    name: (thing: { name: string; nameEn?: string | null }) =>
      en && thing.nameEn ? thing.nameEn : thing.name,
    pick: (zh: string, english: string | null | undefined) => (en && english ? english : zh),
  };
}

/** Where a banner or nav button of the home layout leads. */
export function linkHref(link: HomeLink | null | undefined): string | undefined {
  if (!link) return undefined;
  switch (link.kind) {
    case 'PRODUCT':
      return link.targetId ? `/products/${encodeURIComponent(link.targetId)}` : undefined;
    case 'CATEGORY':
      return link.targetId ? `/products?category=${encodeURIComponent(link.targetId)}` : undefined;
    case 'BRAND':
      return link.targetId ? `/products?brand=${encodeURIComponent(link.targetId)}` : undefined;
    case 'URL':
      return link.url ?? undefined;
  }
}

/** What the frame (routes/shell) knows about the viewer, for every page below it. */
export interface ShopViewer {
  guest: boolean;
  name: string | null;
  customerName: string | null;
  level: Named | null;
}

export function useShopViewer(): ShopViewer {
  const shell = useRouteLoaderData<{ viewer: ShopViewer }>('routes/shell');
  return shell?.viewer ?? { guest: true, name: null, customerName: null, level: null };
}
