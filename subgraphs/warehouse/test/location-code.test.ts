import { comparePickWalk, formatLocationCode, parseLocationCode } from '../src/domain/location-code';

describe('location codes', () => {
  it('joins the five parts with dashes, upper-cased', () => {
    expect(formatLocationCode({ zone: '1', aisle: 'a', rack: '03', level: '09', position: '42' })).toBe(
      '1-A-03-09-42',
    );
  });

  it('refuses empty parts and separators inside a part', () => {
    expect(() => formatLocationCode({ zone: '', aisle: 'A', rack: '1', level: '1', position: '1' })).toThrow(
      RangeError,
    );
    expect(() =>
      formatLocationCode({ zone: '1', aisle: 'A-B', rack: '1', level: '1', position: '1' }),
    ).toThrow(RangeError);
  });

  it('parses a code back into its parts', () => {
    expect(parseLocationCode(' 1-a-03-09-42 ')).toEqual({
      zone: '1',
      aisle: 'A',
      rack: '03',
      level: '09',
      position: '42',
    });
    expect(parseLocationCode('1-A-03-09')).toBeNull();
    expect(parseLocationCode('1-A--09-42')).toBeNull();
    expect(parseLocationCode('1-A-03-09-42-7')).toBeNull();
  });

  it('sorts in pick-walk order with numbers compared as numbers', () => {
    const codes = [
      '2-A-1-1-1',
      '1-B-1-1-1',
      '1-A-10-1-1',
      '1-A-2-1-1',
      '1-A-2-1-10',
      '1-A-2-1-9',
      '10-A-1-1-1',
    ];
    const sorted = codes
      .map((c) => parseLocationCode(c)!)
      .sort(comparePickWalk)
      .map(formatLocationCode);
    expect(sorted).toEqual([
      '1-A-2-1-1',
      '1-A-2-1-9',
      '1-A-2-1-10',
      '1-A-10-1-1',
      '1-B-1-1-1',
      '2-A-1-1-1',
      '10-A-1-1-1',
    ]);
  });
});
