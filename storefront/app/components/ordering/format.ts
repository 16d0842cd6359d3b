import { useTranslation } from 'react-i18next';
import { currencySymbol } from '../../lib/format';
import type { Money } from '../../lib/ordering-queries';

/** Ordering times are shown in China time, whatever the browser's zone (and the same on the server). */
export const CHINA_TIME_ZONE = 'Asia/Shanghai';

/** Integer fen -> `12.30` (`-0.50`), on integers only: no floating point near money. */
export function fenToAmount(minor: bigint): string {
  const negative = minor < 0n;
  const abs = negative ? -minor : minor;
  const fraction = (abs % 100n).toString().padStart(2, '0');
  return `${negative ? '-' : ''}${(abs / 100n).toString()}.${fraction}`;
}

/** `¥1,234.50` from a Money (its decimal string, grouped). */
export function money(value: Pick<Money, 'amount' | 'currency'>): string {
  const negative = value.amount.startsWith('-');
  const [whole = '0', fraction] = (negative ? value.amount.slice(1) : value.amount).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${currencySymbol(value.currency)}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}

/** a - b, as Money in a's currency. */
export function minus(a: Money, b: Money): Money {
  const minor = BigInt(a.minor) - BigInt(b.minor);
  return { amount: fenToAmount(minor), currency: a.currency, minor: minor.toString() };
}

/** Date and time in China time, e.g. `2026/12/04 08:00`. */
export function useChinaTime() {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en-GB' : 'zh-CN';
  const dateTime = new Intl.DateTimeFormat(locale, {
    timeZone: CHINA_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  });
  const date = new Intl.DateTimeFormat(locale, {
    timeZone: CHINA_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  return {
    dateTime: (iso: string) => dateTime.format(new Date(iso)),
    date: (iso: string) => date.format(new Date(iso)),
  };
}
