import { assertValid, type InputProblem, parseMinor, ValidationError } from '@wholesail/platform';
import { builder } from '../builder';
import { db } from '../db';
import { isValidTime } from '../domain/ordering-window';

const MANAGERS = { role: ['BOSS', 'OFFICE'] as ('BOSS' | 'OFFICE')[] };

export const OrderSettingsRef = builder.prismaObject('OrderSettings', {
  description: 'The ordering rules of the distributor (ORD-3 review, ORD-9 windows and minimums).',
  fields: (t) => ({
    reviewSteps: t.exposeInt('reviewSteps', { description: '1: 业务审核 only; 2: then 财务审核.' }),
    autoApproveLevelIds: t.exposeStringList('autoApproveLevelIds', {
      description: 'Orders of stores of these levels are approved on submit.',
    }),
    autoApproveBelow: t.field({
      type: builder.MoneyRef,
      nullable: true,
      description: 'Orders below this total are approved on submit.',
      resolve: (s) => (s.autoApproveBelowMinor == null ? null : { minor: s.autoApproveBelowMinor }),
    }),
    windowStart: t.exposeString('windowStart', {
      nullable: true,
      description: 'Daily ordering window start, "HH:MM".',
    }),
    windowEnd: t.exposeString('windowEnd', { nullable: true, description: 'Its end; may be past midnight.' }),
    timeZone: t.exposeString('timeZone'),
    minimumAmount: t.field({ type: builder.MoneyRef, resolve: (s) => ({ minor: s.minimumAmountMinor }) }),
    minimumQuantity: t.exposeInt('minimumQuantity', { description: 'In base units over the whole order.' }),
    routeWindows: t.field({
      type: [RouteWindowRef],
      resolve: () => db().routeOrderingWindow.findMany({ orderBy: { routeId: 'asc' } }),
    }),
    levelMinimums: t.field({
      type: [LevelMinimumRef],
      resolve: () => db().levelMinimum.findMany({ orderBy: { levelId: 'asc' } }),
    }),
  }),
});

const RouteWindowRef = builder.prismaObject('RouteOrderingWindow', {
  description: "A delivery route's own ordering window, instead of the tenant's.",
  fields: (t) => ({
    routeId: t.exposeID('routeId'),
    windowStart: t.exposeString('windowStart'),
    windowEnd: t.exposeString('windowEnd'),
  }),
});

const LevelMinimumRef = builder.prismaObject('LevelMinimum', {
  description: "A customer level's own minimum order, instead of the tenant's.",
  fields: (t) => ({
    levelId: t.exposeID('levelId'),
    minimumAmount: t.field({ type: builder.MoneyRef, resolve: (m) => ({ minor: m.minimumAmountMinor }) }),
    minimumQuantity: t.exposeInt('minimumQuantity'),
  }),
});

const OrderSettingsInput = builder.inputType('OrderSettingsInput', {
  description: 'Fields left out keep their value; windowStart and windowEnd null together: always open.',
  fields: (t) => ({
    reviewSteps: t.int(),
    autoApproveLevelIds: t.stringList(),
    autoApproveBelow: t.field({ type: 'Decimal', description: 'null: never by amount.' }),
    windowStart: t.string(),
    windowEnd: t.string(),
    timeZone: t.string(),
    minimumAmount: t.field({ type: 'Decimal' }),
    minimumQuantity: t.int(),
  }),
});

function minorOrProblem(value: string, field: string, problems: InputProblem[]): bigint | null {
  try {
    const minor = parseMinor(value);
    if (minor < 0n) throw new Error('negative');
    return minor;
  } catch {
    problems.push({
      field,
      message: '金额须为不小于 0 的数，最多两位小数 (an amount of 0 or more, at most 2 decimals)',
    });
    return null;
  }
}

function windowProblems(
  start: string | null | undefined,
  end: string | null | undefined,
  prefix = '',
): InputProblem[] {
  const problems: InputProblem[] = [];
  if ((start == null) !== (end == null))
    problems.push({
      field: `${prefix}windowEnd`,
      message: '开始和结束时间须同时填写或同时清空 (give both times or neither)',
    });
  for (const [field, value] of [
    ['windowStart', start],
    ['windowEnd', end],
  ] as const)
    if (value != null && !isValidTime(value))
      problems.push({ field: `${prefix}${field}`, message: '时间格式为 HH:MM (a time like 03:00)' });
  return problems;
}

const current = async () =>
  (await db().orderSettings.findFirst()) ??
  ({
    reviewSteps: 1,
    autoApproveLevelIds: [],
    autoApproveBelowMinor: null,
    windowStart: null,
    windowEnd: null,
    timeZone: 'Asia/Shanghai',
    minimumAmountMinor: 0n,
    minimumQuantity: 0,
  } as never);

builder.queryField('orderSettings', (t) =>
  t.field({
    type: OrderSettingsRef,
    description: 'Staff: the ordering rules (review steps, auto approval, windows, minimums).',
    authScopes: { staff: true },
    resolve: current,
  }),
);

builder.mutationFields((t) => ({
  updateOrderSettings: t.field({
    type: OrderSettingsRef,
    description: 'Boss or office: change the ordering rules; bad values change nothing.',
    authScopes: MANAGERS,
    errors: { types: [ValidationError] },
    args: { input: t.arg({ type: OrderSettingsInput, required: true }) },
    resolve: async (_root, { input }) => {
      const problems: InputProblem[] = [];
      const data: Record<string, unknown> = {};
      if (input.reviewSteps != null) {
        if (input.reviewSteps !== 1 && input.reviewSteps !== 2)
          problems.push({ field: 'reviewSteps', message: '审核步骤为 1 或 2 (1 or 2 review steps)' });
        data.reviewSteps = input.reviewSteps;
      }
      if (input.autoApproveLevelIds != null)
        data.autoApproveLevelIds = [...new Set(input.autoApproveLevelIds)];
      if (input.autoApproveBelow !== undefined)
        data.autoApproveBelowMinor =
          input.autoApproveBelow === null
            ? null
            : minorOrProblem(input.autoApproveBelow, 'autoApproveBelow', problems);
      if (input.windowStart !== undefined || input.windowEnd !== undefined) {
        const before = await current();
        const start = input.windowStart !== undefined ? input.windowStart : before.windowStart;
        const end = input.windowEnd !== undefined ? input.windowEnd : before.windowEnd;
        problems.push(...windowProblems(start, end));
        data.windowStart = start;
        data.windowEnd = end;
      }
      if (input.timeZone != null) {
        try {
          new Intl.DateTimeFormat('en', { timeZone: input.timeZone });
          data.timeZone = input.timeZone;
        } catch {
          problems.push({ field: 'timeZone', message: '未知时区 (unknown time zone)' });
        }
      }
      if (input.minimumAmount != null)
        data.minimumAmountMinor = minorOrProblem(input.minimumAmount, 'minimumAmount', problems);
      if (input.minimumQuantity != null) {
        if (!Number.isInteger(input.minimumQuantity) || input.minimumQuantity < 0)
          problems.push({ field: 'minimumQuantity', message: '起订数量不能为负 (0 or more)' });
        data.minimumQuantity = input.minimumQuantity;
      }
      assertValid(problems);
      const existing = await db().orderSettings.findFirst();
      if (existing) return db().orderSettings.update({ where: { tenantId: existing.tenantId }, data });
      return db().orderSettings.create({ data: { autoApproveLevelIds: [], ...data } as never });
    },
  }),
  setRouteOrderingWindow: t.field({
    type: OrderSettingsRef,
    description: "Boss or office: a route's own ordering window; null times remove it.",
    authScopes: MANAGERS,
    errors: { types: [ValidationError] },
    args: {
      routeId: t.arg.id({ required: true }),
      windowStart: t.arg.string(),
      windowEnd: t.arg.string(),
    },
    resolve: async (_root, args) => {
      const routeId = String(args.routeId);
      assertValid(windowProblems(args.windowStart, args.windowEnd));
      if (args.windowStart == null) await db().routeOrderingWindow.deleteMany({ where: { routeId } });
      else {
        const found = await db().routeOrderingWindow.findFirst({ where: { routeId } });
        const window = { windowStart: args.windowStart, windowEnd: args.windowEnd! };
        if (found) await db().routeOrderingWindow.update({ where: { id: found.id }, data: window });
        else await db().routeOrderingWindow.create({ data: { routeId, ...window } as never });
      }
      return current();
    },
  }),
  setLevelMinimum: t.field({
    type: OrderSettingsRef,
    description: "Boss or office: a customer level's own minimum order; both null removes it.",
    authScopes: MANAGERS,
    errors: { types: [ValidationError] },
    args: {
      levelId: t.arg.id({ required: true }),
      minimumAmount: t.arg({ type: 'Decimal' }),
      minimumQuantity: t.arg.int(),
    },
    resolve: async (_root, args) => {
      const levelId = String(args.levelId);
      const problems: InputProblem[] = [];
      if (args.minimumAmount == null && args.minimumQuantity == null) {
        await db().levelMinimum.deleteMany({ where: { levelId } });
        return current();
      }
      const amount =
        args.minimumAmount == null ? 0n : minorOrProblem(args.minimumAmount, 'minimumAmount', problems);
      const quantity = args.minimumQuantity ?? 0;
      if (!Number.isInteger(quantity) || quantity < 0)
        problems.push({ field: 'minimumQuantity', message: '起订数量不能为负 (0 or more)' });
      assertValid(problems);
      const found = await db().levelMinimum.findFirst({ where: { levelId } });
      const values = { minimumAmountMinor: amount!, minimumQuantity: quantity };
      if (found) await db().levelMinimum.update({ where: { id: found.id }, data: values });
      else await db().levelMinimum.create({ data: { levelId, ...values } as never });
      return current();
    },
  }),
}));
