import {
  defaultLayout,
  type Layout,
  layoutProblems,
  layoutTargets,
  normaliseLayout,
  noticeActive,
  zoneRule,
} from '../src/domain/home-layout';

const fields = (problems: { field: string }[]) => problems.map((p) => p.field);

describe('home layout rules', () => {
  it('defaults to the five zones and fills missing ones in a stored layout', () => {
    expect(defaultLayout().zones.map((z) => z.kind)).toEqual([
      'NEW',
      'RECOMMENDED',
      'PROMOTION',
      'HOT',
      'CLEARANCE',
    ]);
    const stored = normaliseLayout({ zones: [{ ...defaultLayout().zones[3]!, limit: 4 }] });
    expect(stored.zones.map((z) => [z.kind, z.limit])).toEqual([
      ['HOT', 4],
      ['NEW', 10],
      ['RECOMMENDED', 10],
      ['PROMOTION', 10],
      ['CLEARANCE', 10],
    ]);
    expect(layoutProblems(defaultLayout())).toEqual([]);
  });

  it('says which products fill each zone', () => {
    expect(zoneRule('NEW')).toEqual({ tags: ['new'], order: 'NEWEST' });
    expect(zoneRule('HOT')).toEqual({ tags: ['hot'], order: 'BEST_SELLING' });
    expect(zoneRule('CLEARANCE')).toEqual({ tags: ['clearance', 'near-expiry'], order: 'DEFAULT' });
    expect(zoneRule('RECOMMENDED')).toBeNull();
    expect(zoneRule('PROMOTION')).toBeNull();
  });

  it('shows a notice only inside its window', () => {
    const now = new Date('2026-06-01T00:00:00Z');
    expect(noticeActive(null, now)).toBe(false);
    expect(noticeActive({ text: 'x', startsAt: null, endsAt: null }, now)).toBe(true);
    expect(noticeActive({ text: 'x', startsAt: '2026-06-02T00:00:00Z', endsAt: null }, now)).toBe(false);
    expect(noticeActive({ text: 'x', startsAt: null, endsAt: '2026-06-01T00:00:00Z' }, now)).toBe(false);
    expect(
      noticeActive({ text: 'x', startsAt: '2026-05-01T00:00:00Z', endsAt: '2026-07-01T00:00:00Z' }, now),
    ).toBe(true);
  });

  it('lists every problem of a layout', () => {
    const layout: Layout = {
      ...defaultLayout(),
      banners: Array(11).fill({ imageUrl: '/a.png', title: '', link: null }),
      navButtons: [
        { label: '', labelEn: '', icon: '/i.svg', link: { kind: 'URL', targetId: null, url: 'nope' } },
      ],
      notice: { text: '', startsAt: '2026-02-01T00:00:00Z', endsAt: '2026-01-01T00:00:00Z' },
    };
    layout.zones[0] = { ...layout.zones[0]!, limit: 0, productIds: ['p', 'p'] };
    layout.zones[1] = { ...layout.zones[1]!, kind: 'NEW' };
    expect(fields(layoutProblems(layout))).toEqual([
      'banners',
      'navButtons.0.label',
      'navButtons.0.link.url',
      'notice.text',
      'notice.endsAt',
      'zones.0.limit',
      'zones.0.productIds.1',
      'zones.1.kind',
    ]);
  });

  it('lists the targets a layout links to or pins', () => {
    const layout: Layout = {
      ...defaultLayout(),
      banners: [{ imageUrl: '/a.png', title: '', link: { kind: 'BRAND', targetId: 'b1', url: null } }],
      navButtons: [{ label: 'x', labelEn: '', icon: '/i', link: { kind: 'URL', targetId: null, url: '/u' } }],
    };
    layout.zones[1] = { ...layout.zones[1]!, productIds: ['p1'] };
    expect(layoutTargets(layout)).toEqual([
      { kind: 'BRAND', id: 'b1', field: 'banners.0.link.targetId' },
      { kind: 'PRODUCT', id: 'p1', field: 'zones.1.productIds.0' },
    ]);
  });
});
