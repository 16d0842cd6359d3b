import { signGuestToken } from '@wholesail/platform';

export const TENANT_HEADER = 'x-wholesail-tenant';

interface Entry {
  /** null: unknown tenant, or one that does not allow guests */
  tenantId: string | null;
  token?: string;
  expiresAt: number;
}

/**
 * Visitors without a login name the distributor in the X-Wholesail-Tenant header (its slug).
 * When that tenant allows guest browsing, the gateway forwards a short-lived guest token in its
 * name, so subgraphs see a `guest` viewer of that tenant (retail prices, open brands only).
 * Answers are cached briefly: one crm lookup per tenant per minute.
 */
export class GuestTenants {
  private readonly cache = new Map<string, Entry>();

  constructor(
    private readonly crmUrl: string,
    private readonly authSecret: string,
    private readonly ttlMs = 60_000,
  ) {}

  async guestFor(slug: string, now = Date.now()): Promise<{ token: string; tenantId: string } | undefined> {
    const key = slug.trim().toLowerCase();
    if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(key)) return undefined;
    let entry = this.cache.get(key);
    if (!entry || entry.expiresAt <= now) {
      entry = await this.lookup(key, now);
      this.cache.set(key, entry);
    }
    return entry.token && entry.tenantId ? { token: entry.token, tenantId: entry.tenantId } : undefined;
  }

  private async lookup(slug: string, now: number): Promise<Entry> {
    const res = await fetch(this.crmUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'query($slug: String!) { publicTenant(slug: $slug) { id guestBrowsing } }',
        variables: { slug },
      }),
      signal: AbortSignal.timeout(3000),
    });
    const body = (await res.json()) as {
      data?: { publicTenant: { id: string; guestBrowsing: boolean } | null };
    };
    const tenant = body.data?.publicTenant;
    if (!tenant?.guestBrowsing) return { tenantId: null, expiresAt: now + this.ttlMs };
    // The token lives 120 s; the cache entry less, so a forwarded token is never stale.
    return {
      tenantId: tenant.id,
      token: await signGuestToken(tenant.id, this.authSecret),
      expiresAt: now + this.ttlMs,
    };
  }
}
