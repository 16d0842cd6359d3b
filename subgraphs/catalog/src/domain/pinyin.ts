import { pinyin } from 'pinyin-pro';

/**
 * The search key of a name: the first letter of each character's pinyin, lowercase a-z0-9 only
 * (可口可乐 -> kkkl, 可口可乐 330ml -> kkkl330ml). Latin letters and digits are kept as they are.
 * The seed uses this same function, so seeded and created products match alike.
 */
export function pinyinInitials(name: string): string {
  const letters = pinyin(name, { pattern: 'first', toneType: 'none', type: 'array' }) as string[];
  return letters
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}
