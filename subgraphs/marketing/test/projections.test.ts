import { customerProfileFrom, referencePriceFrom } from '../src/domain/projections';

describe('projections of other domains', () => {
  it('reads a customer level from CustomerChanged', () => {
    expect(
      customerProfileFrom({
        customerId: 'c1',
        code: 'x',
        name: 'y',
        levelId: 'vip',
        warehouseId: null,
        status: 'ACTIVE',
      }),
    ).toEqual({ customerId: 'c1', levelId: 'vip' });
    expect(customerProfileFrom({ customerId: 'c1' })).toBeNull();
  });
  it('reads base-unit list prices in fen from SkuPriceChanged', () => {
    expect(referencePriceFrom({ skuId: 's1', wholesaleMinor: '350', retailMinor: null })).toEqual({
      skuId: 's1',
      wholesaleMinor: 350n,
      retailMinor: null,
    });
    expect(referencePriceFrom({ skuId: 's1', wholesaleMinor: 3.5, retailMinor: null })).toBeNull();
  });
});
