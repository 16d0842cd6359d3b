import { appendEvents, assertValid, requireTenantId, ValidationError } from '@wholesail/platform';
import { builder } from '../builder';
import { db } from '../db';
import {
  CUSTOMER_CHANGED,
  CUSTOMER_LEVEL_CHANGED,
  type CustomerFacts,
  changesProjectedFacts,
  customerChangedPayload,
  customerInputProblems,
} from '../domain/customer-events';
import { CustomerLevelRef, CustomerStatusEnum } from './customer';

const UpdateCustomerInput = builder.inputType('UpdateCustomerInput', {
  description: 'Only the fields given change.',
  fields: (t) => ({
    name: t.string(),
    contactName: t.string(),
    phone: t.string(),
    address: t.string(),
    latitude: t.float(),
    longitude: t.float(),
    levelId: t.id(),
    status: t.field({ type: CustomerStatusEnum }),
    ownerRepId: t.id({
      description: 'A staff member with the REP role; null puts the store in the public pool.',
    }),
    routeId: t.id({ description: 'delivery.Route id; null for none.' }),
    warehouseId: t.id({ description: 'warehouse.Warehouse id serving the store; null for the default.' }),
  }),
});

builder.mutationField('updateCustomer', (t) =>
  t.prismaField({
    type: 'Customer',
    description: 'Boss or office: change a store’s profile, level, status, owner rep, route or warehouse.',
    authScopes: { role: ['BOSS', 'OFFICE'] },
    errors: { types: [ValidationError] },
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdateCustomerInput, required: true }) },
    resolve: async (query, _root, { id, input }) => {
      const before = await db().customer.findFirst({ where: { id } });
      if (!before)
        throw new ValidationError('没有这个客户 (no such customer)', [
          { field: 'id', message: 'unknown customer' },
        ]);
      const problems = customerInputProblems(input);
      if (input.levelId && !(await db().customerLevel.findFirst({ where: { id: input.levelId } })))
        problems.push({ field: 'levelId', message: '没有这个客户等级 (unknown level)' });
      if (input.ownerRepId) {
        const rep = await db().staff.findFirst({ where: { id: input.ownerRepId, active: true } });
        if (!rep || !rep.roles.includes('REP'))
          problems.push({
            field: 'ownerRepId',
            message: '负责人必须是在职业务员 (owner must be an active rep)',
          });
      }
      assertValid(problems);
      const data = {
        ...(input.name != null ? { name: input.name.trim() } : {}),
        ...(input.contactName != null ? { contactName: input.contactName.trim() } : {}),
        ...(input.phone != null ? { phone: input.phone.trim() } : {}),
        ...(input.address != null ? { address: input.address.trim() } : {}),
        ...(input.latitude !== undefined ? { latitude: input.latitude } : {}),
        ...(input.longitude !== undefined ? { longitude: input.longitude } : {}),
        ...(input.levelId ? { levelId: input.levelId } : {}),
        ...(input.status ? { status: input.status } : {}),
        ...(input.ownerRepId !== undefined ? { ownerRepId: input.ownerRepId } : {}),
        ...(input.routeId !== undefined ? { routeId: input.routeId } : {}),
        ...(input.warehouseId !== undefined ? { warehouseId: input.warehouseId } : {}),
      };
      return db().$transaction(async (tx) => {
        const after = await tx.customer.update({ where: { id }, data });
        if (changesProjectedFacts(before as CustomerFacts, after as CustomerFacts)) {
          await appendEvents(tx, 'crm', [
            {
              tenantId: requireTenantId(),
              aggregateType: 'Customer',
              aggregateId: id,
              type: CUSTOMER_CHANGED,
              payload: customerChangedPayload(after as CustomerFacts),
            },
          ]);
        }
        return tx.customer.findUniqueOrThrow({ ...query, where: { id } });
      });
    },
  }),
);

const CustomerLevelInput = builder.inputType('CustomerLevelInput', {
  fields: (t) => ({
    code: t.string({ required: true }),
    name: t.string({ required: true }),
    nameEn: t.string({ required: true }),
    rank: t.int({ required: true, description: '1 is the best level.' }),
  }),
});

builder.mutationField('saveCustomerLevel', (t) =>
  t.prismaField({
    type: CustomerLevelRef,
    description: 'Boss: create a customer level (no id) or change one. Level prices are set in pricing.',
    authScopes: { role: 'BOSS' },
    errors: { types: [ValidationError] },
    args: { id: t.arg.id({ required: false }), input: t.arg({ type: CustomerLevelInput, required: true }) },
    resolve: async (query, _root, { id, input }) => {
      const problems: { field: string; message: string }[] = [];
      const code = input.code.trim();
      if (!/^[A-Za-z0-9_-]{1,20}$/.test(code))
        problems.push({ field: 'code', message: '编码为 1-20 位字母数字 (code: 1-20 letters or digits)' });
      if (!input.name.trim()) problems.push({ field: 'name', message: '名称不能为空 (name is required)' });
      if (input.rank < 0) problems.push({ field: 'rank', message: 'rank must not be negative' });
      const clash = await db().customerLevel.findFirst({ where: { code, NOT: id ? { id } : undefined } });
      if (clash) problems.push({ field: 'code', message: '编码已被使用 (code already used)' });
      if (id && !(await db().customerLevel.findFirst({ where: { id } })))
        problems.push({ field: 'id', message: 'unknown level' });
      assertValid(problems);
      const data = { code, name: input.name.trim(), nameEn: input.nameEn.trim(), rank: input.rank };
      return db().$transaction(async (tx) => {
        const level = id
          ? await tx.customerLevel.update({ where: { id }, data })
          : await tx.customerLevel.create({ data: { ...data, tenantId: requireTenantId() } });
        await appendEvents(tx, 'crm', [
          {
            tenantId: requireTenantId(),
            aggregateType: 'CustomerLevel',
            aggregateId: level.id,
            type: CUSTOMER_LEVEL_CHANGED,
            payload: { levelId: level.id, code: level.code, name: level.name, rank: level.rank },
          },
        ]);
        return tx.customerLevel.findUniqueOrThrow({ ...query, where: { id: level.id } });
      });
    },
  }),
);
