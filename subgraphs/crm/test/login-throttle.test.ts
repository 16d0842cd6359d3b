import {
  afterFailure,
  FREE_FAILURES,
  retryAfterSeconds,
  throttleKey,
  WINDOW_MS,
} from '../src/domain/login-throttle';

describe('login throttle', () => {
  const t0 = new Date('2026-01-01T00:00:00Z');

  it('lets the first failures through without blocking', () => {
    let state = null;
    for (let i = 0; i < FREE_FAILURES; i++) state = afterFailure(state, t0);
    expect(state?.failures).toBe(FREE_FAILURES);
    expect(retryAfterSeconds(state, t0)).toBe(0);
  });

  it('blocks after the free failures, doubling each time, capped', () => {
    let state = null;
    for (let i = 0; i < FREE_FAILURES + 1; i++) state = afterFailure(state, t0);
    expect(retryAfterSeconds(state, t0)).toBe(30);
    state = afterFailure(state, t0);
    expect(retryAfterSeconds(state, t0)).toBe(60);
    for (let i = 0; i < 20; i++) state = afterFailure(state, t0);
    expect(retryAfterSeconds(state, t0)).toBe(15 * 60);
  });

  it('starts a new window after the window passes', () => {
    let state = null;
    for (let i = 0; i < FREE_FAILURES + 2; i++) state = afterFailure(state, t0);
    const later = new Date(t0.getTime() + WINDOW_MS + 1000);
    state = afterFailure(state, later);
    expect(state.failures).toBe(1);
    expect(retryAfterSeconds(state, later)).toBe(0);
  });

  it('keys by tenant and username, case-insensitively', () => {
    expect(throttleKey(' Demo ', 'Boss')).toBe('demo:boss');
  });
});
