import { formatMinor, parseMinor } from '../src/money';

describe('money', () => {
  it('formats fen as a decimal string', () => {
    expect(formatMinor(0)).toBe('0.00');
    expect(formatMinor(5)).toBe('0.05');
    expect(formatMinor(123456)).toBe('1234.56');
    expect(formatMinor(-1)).toBe('-0.01');
    expect(formatMinor(9007199254740993n)).toBe('90071992547409.93');
  });
  it('parses decimal strings exactly', () => {
    expect(parseMinor('12')).toBe(1200n);
    expect(parseMinor('12.5')).toBe(1250n);
    expect(parseMinor('-0.01')).toBe(-1n);
    expect(() => parseMinor('1.234')).toThrow(RangeError);
    expect(() => parseMinor('abc')).toThrow(RangeError);
    expect(() => parseMinor('1e3')).toThrow(RangeError);
  });
});
