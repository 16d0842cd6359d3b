import { promotionBadge, yuan, zhe } from '../src/domain/badge';

describe('badge texts', () => {
  it('formats yuan without trailing zeros and discounts as 折', () => {
    expect([yuan(10_000), yuan(1_050), yuan(199), yuan(5)]).toEqual(['100', '10.5', '1.99', '0.05']);
    expect([zhe(10), zhe(5), zhe(12), zhe(50)]).toEqual(['9折', '9.5折', '8.8折', '5折']);
  });

  it('names each kind the way stores read it, in Chinese and English', () => {
    expect(promotionBadge('ORDER_AMOUNT_OFF', { thresholdMinor: 10_000, offMinor: 1_000 })).toEqual({
      zh: '满100减10',
      en: '¥10 off over ¥100',
    });
    expect(
      promotionBadge('ORDER_AMOUNT_OFF', {
        tiers: [
          { thresholdMinor: 10_000, offMinor: 1_000 },
          { thresholdMinor: 20_000, offMinor: 2_500 },
        ],
      }).zh,
    ).toBe('满100减10/满200减25');
    expect(
      promotionBadge('ORDER_GIFT', {
        thresholdMinor: 20_000,
        giftSkuId: 's',
        giftQuantity: 1,
        giftUnit: '箱',
      }),
    ).toEqual({
      zh: '满200送1箱',
      en: '1 free over ¥200',
    });
    expect(promotionBadge('ORDER_GIFT', { thresholdMinor: 20_000, giftSkuId: 's', giftQuantity: 6 }).zh).toBe(
      '满200送6件',
    );
    expect(promotionBadge('ORDER_PERCENT_OFF', { tiers: [{ thresholdMinor: 0, percentOff: 10 }] })).toEqual({
      zh: '9折',
      en: '10% off',
    });
    expect(promotionBadge('ORDER_PERCENT_OFF', { thresholdMinor: 50_000, percentOff: 5 }).zh).toBe(
      '满500享9.5折',
    );
    expect(promotionBadge('BUY_N_GET_M', { buy: 10, get: 1 })).toEqual({
      zh: '买10送1',
      en: 'Buy 10 get 1 free',
    });
    expect(promotionBadge('ITEM_SPECIAL', { skuPrices: { s: 100 } })).toEqual({ zh: '特价', en: 'Special' });
    expect(promotionBadge('ITEM_SPECIAL', { skuPrices: { s: 100 }, flashSale: true }).zh).toBe('限时特价');
  });

  it('falls back to the kind for malformed rules', () => {
    expect(promotionBadge('ORDER_AMOUNT_OFF', {}).zh).toBe('满减');
    expect(promotionBadge('ORDER_PERCENT_OFF', { percentOff: 150, thresholdMinor: 1 }).zh).toBe('满折');
    expect(promotionBadge('BUY_N_GET_M', { buy: 0, get: 1 }).zh).toBe('买赠');
  });
});
