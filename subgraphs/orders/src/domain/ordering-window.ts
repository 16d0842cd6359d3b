/**
 * Ordering windows (ORD-9): a daily period in the tenant's time zone, "HH:MM" to "HH:MM", that
 * may cross midnight (22:00-05:00). Outside it the cart stays, but submitting is refused with
 * the next opening time.
 */
export interface OrderingWindow {
  start: string;
  end: string;
  timeZone: string;
}

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isValidTime(value: string): boolean {
  return HHMM.test(value);
}

function minutesOf(value: string): number {
  const m = HHMM.exec(value);
  if (!m) throw new Error(`Not a time of day: ${value}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** Minutes since local midnight and the UTC instant of that midnight, in `timeZone`. */
function localClock(now: Date, timeZone: string): { minutes: number; midnight: Date } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(now);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const minutes = get('hour') * 60 + get('minute');
  const seconds = get('second');
  const midnight = new Date(now.getTime() - (minutes * 60 + seconds) * 1000 - now.getUTCMilliseconds());
  return { minutes, midnight };
}

export function isOpen(window: OrderingWindow | null, now: Date): boolean {
  if (!window) return true;
  const start = minutesOf(window.start);
  const end = minutesOf(window.end);
  if (start === end) return true; // the whole day
  const { minutes } = localClock(now, window.timeZone);
  return start < end ? minutes >= start && minutes < end : minutes >= start || minutes < end;
}

/** When the window opens next (now if it is open). Time zones without DST (Asia/Shanghai) are exact. */
export function nextOpening(window: OrderingWindow | null, now: Date): Date {
  if (!window || isOpen(window, now)) return now;
  const start = minutesOf(window.start);
  const { minutes, midnight } = localClock(now, window.timeZone);
  const dayOffset = minutes < start ? 0 : 1;
  return new Date(midnight.getTime() + (dayOffset * 24 * 60 + start) * 60_000);
}
