import { pinyinInitials } from '../src/domain/pinyin';
import { customerChange, orderPlaced, skuPriceChange, stockChange } from '../src/domain/projections';
import { compareMatches, containsPattern, SEARCH_TIER, searchTier } from '../src/domain/search';
import { normaliseSearch } from '../src/domain/visibility';

describe('pinyin initials', () => {
  it('takes the first letter of each character, keeps latin letters and digits', () => {
    expect(pinyinInitials('可口可乐')).toBe('kkkl');
    expect(pinyinInitials('可口可乐 330ml')).toBe('kkkl330ml');
    expect(pinyinInitials('银行')).toBe('yh');
    expect(pinyinInitials('Coca-Cola')).toBe('cocacola');
  });
});

describe('search tiers', () => {
  const cola = { name: '可口可乐 330ml', nameEn: 'Coca-Cola 330ml', pinyin: 'kkkl330ml', barcodes: ['6901'] };
  const s = (text: string) => normaliseSearch(text)!;
  it('ranks an exact barcode, then a prefix of a name or the pinyin, then contains', () => {
    expect(searchTier(cola, s('6901'))).toBe(SEARCH_TIER.BARCODE);
    expect(searchTier(cola, s('可口'))).toBe(SEARCH_TIER.PREFIX);
    expect(searchTier(cola, s('COCA'))).toBe(SEARCH_TIER.PREFIX);
    expect(searchTier(cola, s('kk kl'))).toBe(SEARCH_TIER.PREFIX);
    expect(searchTier(cola, s('可乐'))).toBe(SEARCH_TIER.CONTAINS);
    expect(searchTier(cola, s('cola'))).toBe(SEARCH_TIER.CONTAINS);
    expect(searchTier(cola, s('kl'))).toBe(SEARCH_TIER.CONTAINS);
    expect(searchTier(cola, s('690'))).toBeNull();
    expect(searchTier(cola, s('雪碧'))).toBeNull();
  });
  it('breaks ties by sort order, then id', () => {
    const rows = [
      { tier: 2, sortOrder: 0, id: 'a' },
      { tier: 1, sortOrder: 5, id: 'c' },
      { tier: 1, sortOrder: 5, id: 'b' },
      { tier: 0, sortOrder: 9, id: 'z' },
    ];
    expect(rows.sort(compareMatches).map((r) => r.id)).toEqual(['z', 'b', 'c', 'a']);
  });
});

describe('event payloads', () => {
  it('reads CustomerChanged', () => {
    expect(customerChange({ customerId: 'c', levelId: 'l', warehouseId: null, status: 'ACTIVE' })).toEqual({
      customerId: 'c',
      levelId: 'l',
      warehouseId: null,
      status: 'ACTIVE',
    });
    expect(customerChange({ levelId: 'l' })).toBeNull();
  });
  it('reads StockChanged', () => {
    expect(stockChange({ skuId: 's', warehouseId: 'w', available: 5, onHand: 7 })).toEqual({
      skuId: 's',
      warehouseId: 'w',
      available: 5,
    });
    expect(stockChange({ skuId: 's', warehouseId: 'w', available: '5' })).toBeNull();
  });
  it('reads SkuPriceChanged, money as fen strings', () => {
    expect(skuPriceChange({ skuId: 's', wholesaleMinor: '1250', retailMinor: null })).toEqual({
      skuId: 's',
      wholesaleMinor: 1250n,
    });
    expect(skuPriceChange({ skuId: 's', wholesaleMinor: null })).toEqual({
      skuId: 's',
      wholesaleMinor: null,
    });
    expect(skuPriceChange({ skuId: 's', wholesaleMinor: '12.50' })).toBeNull();
  });
  it('reads OrderPlaced, adding up lines of one SKU and skipping bad lines', () => {
    expect(
      orderPlaced({
        orderId: 'o',
        lines: [
          { skuId: 'a', quantity: 2 },
          { skuId: 'a', quantity: 3 },
          { skuId: 'b', quantity: 0 },
          { skuId: 'c', quantity: 1.5 },
          null,
        ],
      }),
    ).toEqual({ orderId: 'o', lines: [{ skuId: 'a', quantity: 5 }] });
    expect(orderPlaced({ lines: [] })).toBeNull();
  });
});

describe('search patterns', () => {
  it('matches the text anywhere and takes LIKE wildcards in it literally', () => {
    expect(containsPattern('kkkl')).toBe('%kkkl%');
    expect(containsPattern('100%')).toBe('%100\\%%');
    expect(containsPattern('a_b')).toBe('%a\\_b%');
    expect(containsPattern('c:\\x')).toBe('%c:\\\\x%');
  });
});
