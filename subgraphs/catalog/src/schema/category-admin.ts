import { assertValid, ValidationError } from '@wholesail/platform';
import { builder } from '../builder';
import { db } from '../db';
import { pinyinInitials } from '../domain/pinyin';
import { categoryPlacementProblems, categoryProblems, depths } from '../domain/rules';
import { staffRoles } from './brand-admin';
import { CategoryRef } from './category';

const CreateCategoryInput = builder.inputType('CreateCategoryInput', {
  fields: (t) => ({
    parentId: t.id({ description: 'Its parent; none for a top-level category.' }),
    name: t.string({ required: true }),
    nameEn: t.string(),
    sortOrder: t.int(),
  }),
});
const UpdateCategoryInput = builder.inputType('UpdateCategoryInput', {
  description: 'Fields left out keep their value; parentId null moves it to the top level.',
  fields: (t) => ({
    id: t.id({ required: true }),
    parentId: t.id(),
    name: t.string(),
    nameEn: t.string(),
    sortOrder: t.int(),
  }),
});

const refuse = (field: string, message: string, code = 'INVALID_INPUT') =>
  new ValidationError(message, [{ field, message }], code);

const tree = () => db().category.findMany({ select: { id: true, parentId: true, depth: true } });

builder.mutationFields((t) => ({
  createCategory: t.field({
    type: CategoryRef,
    description: 'Boss or office: a new category (at most three levels).',
    authScopes: staffRoles,
    errors: { types: [ValidationError] },
    args: { input: t.arg({ type: CreateCategoryInput, required: true }) },
    resolve: async (_root, { input }) => {
      const parentId = input.parentId?.trim() || null;
      const all = await tree();
      assertValid([...categoryProblems(input, true), ...categoryPlacementProblems(all, null, parentId)]);
      const name = input.name.trim();
      const parentDepth = parentId ? (depths(all).get(parentId) ?? 0) : -1;
      return db().category.create({
        data: {
          parentId,
          name,
          nameEn: input.nameEn?.trim() ?? '',
          sortOrder: input.sortOrder ?? 0,
          depth: parentDepth + 1,
          pinyin: pinyinInitials(name),
        } as never,
      });
    },
  }),
  updateCategory: t.field({
    type: CategoryRef,
    description:
      'Boss or office: rename, reorder or move a category (never under itself, at most three levels).',
    authScopes: staffRoles,
    errors: { types: [ValidationError] },
    args: { input: t.arg({ type: UpdateCategoryInput, required: true }) },
    resolve: async (_root, { input }) => {
      const all = await tree();
      const current = all.find((c) => c.id === input.id);
      if (!current) throw refuse('id', '分类不存在 (category not found)', 'NOT_FOUND');
      const moving = input.parentId !== undefined;
      const parentId = moving ? input.parentId?.trim() || null : current.parentId;
      assertValid([
        ...categoryProblems(input, false),
        ...(moving ? categoryPlacementProblems(all, current.id, parentId) : []),
      ]);
      const name = input.name?.trim();
      return db().$transaction(async (tx) => {
        const updated = await tx.category.update({
          where: { id: current.id },
          data: {
            ...(name ? { name, pinyin: pinyinInitials(name) } : {}),
            ...(input.nameEn != null ? { nameEn: input.nameEn.trim() } : {}),
            ...(input.sortOrder != null ? { sortOrder: input.sortOrder } : {}),
            ...(moving ? { parentId } : {}),
          },
        });
        if (!moving) return updated;
        // depths below a moved category follow it
        const after = depths(all.map((c) => (c.id === current.id ? { ...c, parentId } : c)));
        for (const c of all) {
          const depth = after.get(c.id)!;
          if (depth !== c.depth) await tx.category.update({ where: { id: c.id }, data: { depth } });
        }
        return tx.category.findFirstOrThrow({ where: { id: current.id } });
      });
    },
  }),
  deleteCategory: t.field({
    type: 'ID',
    description:
      'Boss or office: delete a category that has no subcategories and no products; returns its id.',
    authScopes: staffRoles,
    errors: { types: [ValidationError] },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }) => {
      const category = await db().category.findFirst({
        where: { id },
        select: { id: true, _count: { select: { children: true, products: true } } },
      });
      if (!category) throw refuse('id', '分类不存在 (category not found)', 'NOT_FOUND');
      if (category._count.children > 0)
        throw refuse('id', '请先删除或移走下级分类 (the category has subcategories)', 'NOT_EMPTY');
      if (category._count.products > 0)
        throw refuse('id', '分类下还有商品 (the category still has products)', 'NOT_EMPTY');
      await db().category.delete({ where: { id: category.id } });
      return category.id;
    },
  }),
}));
