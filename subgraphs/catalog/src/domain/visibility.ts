import type { Viewer } from '@wholesail/platform';

/**
 * Which products a viewer may see at all. Staff and services see everything; customers and
 * guests only products on the shelf whose brand is not restricted, or restricted but
 * authorised for this customer. (Authorisation by level needs the customer's level: issue 3.)
 */
export function productVisibility(viewer: Viewer): Record<string, unknown> {
  if (viewer.kind === 'staff' || viewer.kind === 'service') return {};
  const authorised =
    viewer.kind === 'customer'
      ? [{ restricted: false }, { authorizations: { some: { customerId: viewer.customerId } } }]
      : [{ restricted: false }];
  return { onShelf: true, brand: { OR: authorised } };
}

export function brandVisibility(viewer: Viewer): Record<string, unknown> {
  if (viewer.kind === 'staff' || viewer.kind === 'service') return {};
  if (viewer.kind === 'customer') {
    return { OR: [{ restricted: false }, { authorizations: { some: { customerId: viewer.customerId } } }] };
  }
  return { restricted: false };
}

/** Folds a search text for matching: trimmed, lowercased, inner spaces removed for pinyin. */
export function normaliseSearch(text: string): { text: string; compact: string } | null {
  const t = text.trim().toLowerCase();
  if (!t) return null;
  return { text: t, compact: t.replace(/\s+/g, '') };
}
