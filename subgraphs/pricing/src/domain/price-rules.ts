/**
 * Rules for prices staff enter, by form or file: amounts are decimal yuan with at most two
 * decimals and never negative; a unit must be one the SKU is sold in; volume tiers break at
 * ascending, distinct quantities with positive prices.
 */
export interface Problem {
  field: string;
  message: string;
}

export interface SaleUnit {
  name: string;
  factor: number;
}

/** Highest price accepted (10 million yuan), far above any wholesale line. */
const MAX_MINOR = 1_000_000_000n;

/** Parses a decimal amount into fen, or says what is wrong with it (in 中文 and English). */
export function parseAmount(text: string | null | undefined): { minor: bigint } | { error: string } {
  const value = (text ?? '').trim();
  if (!value) return { error: '价格不能为空 (price is required)' };
  const match = /^(-)?(\d+)(?:\.(\d+))?$/.exec(value);
  if (!match) return { error: `价格必须是数字 (price "${value}" is not a decimal number)` };
  const [, sign, whole, frac = ''] = match;
  if (sign && /[1-9]/.test(`${whole}${frac}`)) return { error: '价格不能为负 (price must not be negative)' };
  if (frac.length > 2) return { error: '价格最多两位小数 (price has more than 2 decimals)' };
  const minor = BigInt(whole!) * 100n + BigInt(frac.padEnd(2, '0') || '0');
  if (minor > MAX_MINOR) return { error: '价格过大 (price is too large)' };
  return { minor };
}

/** Pushes a problem for `field` when the amount is bad; the fen otherwise. */
export function amountOrProblem(text: string, field: string, problems: Problem[]): bigint | undefined {
  const parsed = parseAmount(text);
  if ('error' in parsed) {
    problems.push({ field, message: parsed.error });
    return undefined;
  }
  return parsed.minor;
}

export function unitProblem(units: readonly SaleUnit[], unit: string, field = 'unit'): Problem | null {
  if (units.some((u) => u.name === unit)) return null;
  const known = units.map((u) => u.name).join(', ');
  return {
    field,
    message: `该商品没有单位"${unit}" (unit "${unit}" is not a sale unit of this SKU: ${known})`,
  };
}

export interface TierInput {
  minQuantity: number;
  price: string;
}

/** Checks a SKU's tiers for one unit; returns the tiers in fen, sorted, when there is no problem. */
export function tierProblems(
  tiers: readonly TierInput[],
  field = 'tiers',
): { problems: Problem[]; tiers: { minQuantity: number; minor: bigint }[] } {
  const problems: Problem[] = [];
  const out: { minQuantity: number; minor: bigint }[] = [];
  const seen = new Set<number>();
  let previous = 0;
  for (const [i, t] of tiers.entries()) {
    const f = `${field}.${i}`;
    if (!Number.isInteger(t.minQuantity) || t.minQuantity < 1)
      problems.push({
        field: `${f}.minQuantity`,
        message: '起订数量必须是正整数 (quantity break must be a positive integer)',
      });
    else if (seen.has(t.minQuantity))
      problems.push({
        field: `${f}.minQuantity`,
        message: `数量 ${t.minQuantity} 重复 (duplicate quantity break)`,
      });
    else if (t.minQuantity < previous)
      problems.push({ field: `${f}.minQuantity`, message: '数量须从小到大 (quantity breaks must ascend)' });
    seen.add(t.minQuantity);
    if (Number.isInteger(t.minQuantity)) previous = Math.max(previous, t.minQuantity);
    const minor = amountOrProblem(t.price, `${f}.price`, problems);
    if (minor === 0n)
      problems.push({ field: `${f}.price`, message: '阶梯价必须大于零 (tier price must be positive)' });
    if (minor !== undefined) out.push({ minQuantity: t.minQuantity, minor });
  }
  return { problems, tiers: out.sort((a, b) => a.minQuantity - b.minQuantity) };
}
