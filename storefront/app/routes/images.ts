import { data } from 'react-router';
import type { Route } from './+types/images';

/**
 * Pictures for the demo catalog (/images/products/<id>.svg, banners, icons, brand logos), drawn
 * here so the shop works offline with no image store. Real deployments serve uploaded images
 * from their own URLs; these only answer the demo data's paths.
 */

const PALETTE = [
  ['#fff7ed', '#fb923c', '#c2410c'],
  ['#eff6ff', '#60a5fa', '#1d4ed8'],
  ['#ecfdf5', '#34d399', '#047857'],
  ['#fdf2f8', '#f472b6', '#be185d'],
  ['#f5f3ff', '#a78bfa', '#6d28d9'],
  ['#fefce8', '#facc15', '#a16207'],
  ['#f0fdfa', '#2dd4bf', '#0f766e'],
  ['#fef2f2', '#f87171', '#b91c1c'],
] as const;

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

function colors(key: string) {
  return PALETTE[hash(key) % PALETTE.length] ?? PALETTE[0];
}

/** A packaged good: bottle, box or bag, chosen by the id. */
function productSvg(id: string): string {
  const [bg, mid, dark] = colors(id);
  const shape = hash(`${id}:shape`) % 3;
  const body =
    shape === 0
      ? `<rect x="168" y="70" width="64" height="40" rx="10" fill="${dark}"/><path d="M150 120h100l18 40v190a20 20 0 0 1-20 20H152a20 20 0 0 1-20-20V160z" fill="${mid}"/><rect x="132" y="210" width="136" height="80" fill="#fff" opacity=".85"/>`
      : shape === 1
        ? `<path d="M110 120l90-40 90 40v200l-90 40-90-40z" fill="${mid}"/><path d="M200 160v200l90-40V120z" fill="${dark}" opacity=".5"/><rect x="125" y="200" width="60" height="60" fill="#fff" opacity=".85"/>`
        : `<path d="M120 90h160l-10 30 20 220a20 20 0 0 1-20 22H130a20 20 0 0 1-20-22l20-220z" fill="${mid}"/><path d="M120 90h160l-10 30H130z" fill="${dark}"/><circle cx="200" cy="240" r="48" fill="#fff" opacity=".85"/>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 400"><rect width="400" height="400" fill="${bg}"/><ellipse cx="200" cy="372" rx="110" ry="12" fill="${dark}" opacity=".12"/>${body}</svg>`;
}

function bannerSvg(name: string): string {
  const [, mid, dark] = colors(name);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 750 300"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${mid}"/><stop offset="1" stop-color="${dark}"/></linearGradient></defs><rect width="750" height="300" fill="url(#g)"/><circle cx="640" cy="60" r="120" fill="#fff" opacity=".12"/><circle cx="560" cy="260" r="80" fill="#fff" opacity=".1"/><circle cx="80" cy="-20" r="90" fill="#fff" opacity=".08"/></svg>`;
}

const ICONS: Record<string, string> = {
  cat_drinks: '<path d="M40 22h20l-2 8 4 36a4 4 0 0 1-4 4H42a4 4 0 0 1-4-4l4-36z"/>',
  cat_snacks:
    '<path d="M30 34h40l-4 34H34z"/><path d="M34 34l6-10h20l6 10" fill="none" stroke="#fff" stroke-width="3"/>',
  cat_instant:
    '<path d="M26 44h48a24 24 0 0 1-48 0z"/><path d="M36 40c2-10 8-10 6-18M50 40c2-10 8-10 6-18M64 40c2-10 8-10 6-18" fill="none" stroke="#fff" stroke-width="3"/>',
  cat_liquor: '<path d="M44 20h12v14l6 8v28a4 4 0 0 1-4 4H42a4 4 0 0 1-4-4V42l6-8z"/>',
  cat_household:
    '<rect x="30" y="36" width="40" height="34" rx="4"/><path d="M40 36v-8h20v8" fill="none" stroke="#fff" stroke-width="3"/>',
  cat_grocery: '<path d="M42 22h16v10l8 10v26a4 4 0 0 1-4 4H38a4 4 0 0 1-4-4V42l8-10z"/>',
  reorder:
    '<path d="M50 26a24 24 0 1 1-22 14" fill="none" stroke="#fff" stroke-width="6"/><path d="M22 32l8 12 10-10z"/>',
  promotions:
    '<path d="M30 30h24l18 18-24 24-18-18z"/><circle cx="40" cy="40" r="4" fill="#000" opacity=".25"/>',
};

function iconSvg(name: string): string {
  const [, mid] = colors(name);
  const glyph = ICONS[name] ?? '<circle cx="50" cy="50" r="18"/>';
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><circle cx="50" cy="50" r="50" fill="${mid}"/><g fill="#fff">${glyph}</g></svg>`;
}

function brandSvg(name: string): string {
  const [bg, , dark] = colors(name);
  const letter = name.replace(/^brd_/, '').slice(0, 1).toUpperCase();
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><circle cx="50" cy="50" r="50" fill="${bg}"/><text x="50" y="64" font-family="sans-serif" font-size="44" font-weight="700" text-anchor="middle" fill="${dark}">${letter}</text></svg>`;
}

export function loader({ params }: Route.LoaderArgs) {
  const match = /^(products|banners|icons|brands)\/([\w-]{1,80})\.svg$/.exec(params['*'] ?? '');
  if (!match) throw data({ reason: 'notFound' }, { status: 404 });
  const [, kind, name] = match as unknown as [string, string, string];
  const svg =
    kind === 'products'
      ? productSvg(name)
      : kind === 'banners'
        ? bannerSvg(name)
        : kind === 'icons'
          ? iconSvg(name)
          : brandSvg(name);
  return new Response(svg, {
    headers: { 'content-type': 'image/svg+xml; charset=utf-8', 'cache-control': 'public, max-age=86400' },
  });
}
