import { assertValid, type StaffRole, ValidationError } from '@wholesail/platform';
import { builder } from '../builder';
import { db } from '../db';
import { pinyinInitials } from '../domain/pinyin';
import { brandProblems } from '../domain/rules';
import { BrandRef } from './brand';

export const staffRoles = { role: ['BOSS', 'OFFICE'] as StaffRole[] };

const CreateBrandInput = builder.inputType('CreateBrandInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    nameEn: t.string(),
    logoUrl: t.string(),
    sortOrder: t.int(),
    restricted: t.boolean({ description: 'Only authorised customers or levels see its products.' }),
  }),
});
const UpdateBrandInput = builder.inputType('UpdateBrandInput', {
  description: 'Fields left out keep their value.',
  fields: (t) => ({
    id: t.id({ required: true }),
    name: t.string(),
    nameEn: t.string(),
    logoUrl: t.string(),
    sortOrder: t.int(),
    restricted: t.boolean(),
  }),
});

const notFound = (field: string, what: string) =>
  new ValidationError(
    `${what} 不存在 (not found)`,
    [{ field, message: `${what} 不存在 (not found)` }],
    'NOT_FOUND',
  );

builder.mutationFields((t) => ({
  createBrand: t.field({
    type: BrandRef,
    description: 'Boss or office: a new brand.',
    authScopes: staffRoles,
    errors: { types: [ValidationError] },
    args: { input: t.arg({ type: CreateBrandInput, required: true }) },
    resolve: async (_root, { input }) => {
      assertValid(brandProblems(input, true));
      const name = input.name.trim();
      return db().brand.create({
        data: {
          name,
          nameEn: input.nameEn?.trim() ?? '',
          logoUrl: input.logoUrl?.trim() || null,
          sortOrder: input.sortOrder ?? 0,
          restricted: input.restricted ?? false,
          pinyin: pinyinInitials(name),
        } as never,
      });
    },
  }),
  updateBrand: t.field({
    type: BrandRef,
    description: 'Boss or office: change a brand.',
    authScopes: staffRoles,
    errors: { types: [ValidationError] },
    args: { input: t.arg({ type: UpdateBrandInput, required: true }) },
    resolve: async (_root, { input }) => {
      assertValid(brandProblems(input, false));
      const brand = await db().brand.findFirst({ where: { id: input.id } });
      if (!brand) throw notFound('id', '品牌');
      const name = input.name?.trim();
      return db().brand.update({
        where: { id: brand.id },
        data: {
          ...(name ? { name, pinyin: pinyinInitials(name) } : {}),
          ...(input.nameEn != null ? { nameEn: input.nameEn.trim() } : {}),
          ...(input.logoUrl !== undefined ? { logoUrl: input.logoUrl?.trim() || null } : {}),
          ...(input.sortOrder != null ? { sortOrder: input.sortOrder } : {}),
          ...(input.restricted != null ? { restricted: input.restricted } : {}),
        },
      });
    },
  }),
  setBrandAuthorizations: t.field({
    type: BrandRef,
    description:
      'Boss or office: the customers and customer levels a restricted brand is authorised for (replaces both lists).',
    authScopes: staffRoles,
    errors: { types: [ValidationError] },
    args: {
      brandId: t.arg.id({ required: true }),
      customerIds: t.arg.idList({ required: true }),
      levelIds: t.arg.idList({ required: true }),
    },
    resolve: async (_root, args) => {
      const problems = [
        ...args.customerIds.flatMap((id, i) =>
          id.trim() ? [] : [{ field: `customerIds.${i}`, message: '客户不能为空 (empty customer id)' }],
        ),
        ...args.levelIds.flatMap((id, i) =>
          id.trim() ? [] : [{ field: `levelIds.${i}`, message: '等级不能为空 (empty level id)' }],
        ),
      ];
      if (args.customerIds.length + args.levelIds.length > 5000)
        problems.push({ field: 'customerIds', message: '最多 5000 个授权 (at most 5000 authorisations)' });
      assertValid(problems);
      const brand = await db().brand.findFirst({ where: { id: args.brandId } });
      if (!brand) throw notFound('brandId', '品牌');
      const customers = [...new Set(args.customerIds.map((id) => id.trim()))];
      const levels = [...new Set(args.levelIds.map((id) => id.trim()))];
      await db().$transaction(async (tx) => {
        await tx.brandAuthorization.deleteMany({ where: { brandId: brand.id } });
        await tx.brandAuthorization.createMany({
          data: [
            ...customers.map((customerId) => ({ brandId: brand.id, customerId, levelId: null })),
            ...levels.map((levelId) => ({ brandId: brand.id, customerId: null, levelId })),
          ] as never,
        });
      });
      return db().brand.findFirstOrThrow({ where: { id: brand.id } });
    },
  }),
}));
