import { bestSpecial, type SpecialCandidate } from '../src/domain/special-price';

const now = new Date('2026-06-01T00:00:00Z');
const special = (
  id: string,
  skuPrices: Record<string, unknown>,
  over: Partial<SpecialCandidate> = {},
): SpecialCandidate => ({
  id,
  kind: 'ITEM_SPECIAL',
  active: true,
  startsAt: new Date('2026-05-01T00:00:00Z'),
  endsAt: new Date('2026-07-01T00:00:00Z'),
  levelIds: [],
  targets: [],
  rules: { skuPrices },
  ...over,
});

describe('item specials', () => {
  it('takes the lowest running special that names the SKU', () => {
    const promos = [
      special('a', { s1: 300 }),
      special('b', { s1: 250, s2: 100 }),
      special('c', { s1: 200 }, { active: false }),
    ];
    expect(bestSpecial(promos, 's1', null, now)).toMatchObject({ promotionId: 'b', minor: 250 });
    expect(bestSpecial(promos, 's3', null, now)).toBeNull();
  });
  it('respects levels and ignores other kinds and malformed rules', () => {
    const promos = [
      special('vip', { s1: 100 }, { levelIds: ['lvl_vip'] }),
      special('bad', { s1: -5 }),
      special('gift', { s1: 1 }, { kind: 'ORDER_GIFT' }),
    ];
    expect(bestSpecial(promos, 's1', 'lvl_other', now)).toBeNull();
    expect(bestSpecial(promos, 's1', 'lvl_vip', now)).toMatchObject({ promotionId: 'vip', minor: 100 });
  });
});
