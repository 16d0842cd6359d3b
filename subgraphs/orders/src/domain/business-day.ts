/**
 * The business day. Distributors work in China (Asia/Shanghai, UTC+8 all year, no daylight
 * saving), so "today" runs from local midnight, which is 16:00 UTC of the day before.
 */
export const SHANGHAI_UTC_OFFSET_MINUTES = 8 * 60;

const DAY_MS = 24 * 60 * 60 * 1000;

/** The instant of the last local midnight at or before `now`, for a fixed UTC offset. */
export function startOfLocalDay(now: Date, utcOffsetMinutes = SHANGHAI_UTC_OFFSET_MINUTES): Date {
  const offsetMs = utcOffsetMinutes * 60 * 1000;
  const localMs = now.getTime() + offsetMs;
  return new Date(Math.floor(localMs / DAY_MS) * DAY_MS - offsetMs);
}

/** The local day containing `now`, as the half-open UTC range [from, to). */
export function localDay(
  now: Date,
  utcOffsetMinutes = SHANGHAI_UTC_OFFSET_MINUTES,
): { from: Date; to: Date } {
  const from = startOfLocalDay(now, utcOffsetMinutes);
  return { from, to: new Date(from.getTime() + DAY_MS) };
}
