/** Money is integer minor units (fen) in code; GraphQL shows a decimal string. No floats. */
export const DEFAULT_CURRENCY = 'CNY';

export function formatMinor(minor: number | bigint, digits = 2): string {
  const value = BigInt(minor);
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const scale = 10n ** BigInt(digits);
  const whole = abs / scale;
  const frac = (abs % scale).toString().padStart(digits, '0');
  return `${negative ? '-' : ''}${whole}${digits > 0 ? `.${frac}` : ''}`;
}

/** Parses "12", "12.5", "12.50", "-0.01" into minor units; rejects more decimals than `digits`. */
export function parseMinor(text: string, digits = 2): bigint {
  const match = /^(-)?(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!match) throw new RangeError(`"${text}" is not a decimal amount`);
  const [, sign, whole, frac = ''] = match;
  if (frac.length > digits) throw new RangeError(`"${text}" has more than ${digits} decimals`);
  const minor = BigInt(whole!) * 10n ** BigInt(digits) + BigInt(frac.padEnd(digits, '0') || '0');
  return sign ? -minor : minor;
}

export interface MoneyValue {
  minor: number | bigint;
  currency?: string;
}
