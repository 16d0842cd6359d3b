import { localDay, SHANGHAI_UTC_OFFSET_MINUTES, startOfLocalDay } from '../src/domain/business-day';

const at = (iso: string) => new Date(iso);

describe('the business day in Asia/Shanghai', () => {
  it('starts at 16:00 UTC of the day before', () => {
    expect(startOfLocalDay(at('2026-03-02T03:00:00Z'))).toEqual(at('2026-03-01T16:00:00Z'));
  });

  it('counts a late-evening UTC instant in the next local day', () => {
    // 2026-03-01T18:00Z is 02:00 on 2 March in Shanghai.
    expect(startOfLocalDay(at('2026-03-01T18:00:00Z'))).toEqual(at('2026-03-01T16:00:00Z'));
  });

  it('puts local midnight itself in the new day and the millisecond before in the old one', () => {
    expect(startOfLocalDay(at('2026-03-01T16:00:00.000Z'))).toEqual(at('2026-03-01T16:00:00Z'));
    expect(startOfLocalDay(at('2026-03-01T15:59:59.999Z'))).toEqual(at('2026-02-28T16:00:00Z'));
  });

  it('handles month and year ends and leap days', () => {
    expect(startOfLocalDay(at('2025-12-31T16:30:00Z'))).toEqual(at('2025-12-31T16:00:00Z'));
    expect(startOfLocalDay(at('2028-02-29T10:00:00Z'))).toEqual(at('2028-02-28T16:00:00Z'));
  });

  it('works before 1970 too', () => {
    expect(startOfLocalDay(at('1969-12-31T20:00:00Z'))).toEqual(at('1969-12-31T16:00:00Z'));
  });

  it('gives a 24-hour half-open range', () => {
    const day = localDay(at('2026-06-15T09:00:00Z'));
    expect(day).toEqual({ from: at('2026-06-14T16:00:00Z'), to: at('2026-06-15T16:00:00Z') });
  });

  it('takes another offset when asked', () => {
    expect(SHANGHAI_UTC_OFFSET_MINUTES).toBe(480);
    expect(startOfLocalDay(at('2026-03-02T03:00:00Z'), 0)).toEqual(at('2026-03-02T00:00:00Z'));
    expect(startOfLocalDay(at('2026-03-02T03:00:00Z'), -300)).toEqual(at('2026-03-01T05:00:00Z'));
  });
});
