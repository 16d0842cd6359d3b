/**
 * Slowing password guessing. Failures are counted per tenant + username (whether the user
 * exists or not, so the answer never tells which usernames exist). After FREE_FAILURES in a
 * window, each further failure blocks the username for twice as long as the previous one.
 */
export const FREE_FAILURES = 5;
export const WINDOW_MS = 15 * 60 * 1000;
export const FIRST_BLOCK_MS = 30 * 1000;
export const MAX_BLOCK_MS = 15 * 60 * 1000;

export interface ThrottleState {
  failures: number;
  windowStart: Date;
  blockedUntil: Date | null;
}

export function throttleKey(tenantSlug: string, username: string): string {
  return `${tenantSlug.trim().toLowerCase()}:${username.trim().toLowerCase()}`;
}

/** Seconds the caller must wait before trying again, or 0 when it may try now. */
export function retryAfterSeconds(state: ThrottleState | null, now: Date): number {
  if (!state?.blockedUntil) return 0;
  const ms = state.blockedUntil.getTime() - now.getTime();
  return ms > 0 ? Math.ceil(ms / 1000) : 0;
}

export function afterFailure(state: ThrottleState | null, now: Date): ThrottleState {
  const fresh = !state || now.getTime() - state.windowStart.getTime() > WINDOW_MS;
  const failures = fresh ? 1 : state.failures + 1;
  const windowStart = fresh ? now : state.windowStart;
  if (failures <= FREE_FAILURES) return { failures, windowStart, blockedUntil: null };
  const blockMs = Math.min(FIRST_BLOCK_MS * 2 ** (failures - FREE_FAILURES - 1), MAX_BLOCK_MS);
  return { failures, windowStart, blockedUntil: new Date(now.getTime() + blockMs) };
}
