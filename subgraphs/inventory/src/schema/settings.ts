import { requireTenantId } from '@wholesail/platform';
import { GraphQLError } from 'graphql';
import { builder } from '../builder';
import { db } from '../db';
import { SETTINGS_DEFAULTS } from './stock';

const InventorySettingsRef = builder.prismaObject('InventorySettings', {
  description: "How the tenant's stock is shown and which warehouse serves customers without one.",
  fields: (t) => ({
    defaultWarehouseId: t.exposeID('defaultWarehouseId', { nullable: true }),
    showExactStock: t.exposeBoolean('showExactStock', {
      description: 'Customers see exact numbers (true) or only in stock / low / out (false).',
    }),
    lowStockThreshold: t.exposeInt('lowStockThreshold', {
      description: 'At or below this, stock shows as LOW.',
    }),
    countInTransit: t.exposeBoolean('countInTransit', {
      description: 'Stock in transit counts toward available (default off).',
    }),
    allowBackorder: t.exposeBoolean('allowBackorder', {
      description:
        'Orders may reserve beyond available stock (default off: an order short of stock is refused).',
    }),
    reservationHoldSeconds: t.exposeInt('reservationHoldSeconds', {
      description:
        "Seconds a placed order's stock stays HELD before it is released, unless the order confirms it (default 120).",
    }),
  }),
});

builder.queryField('inventorySettings', (t) =>
  t.prismaField({
    type: InventorySettingsRef,
    nullable: true,
    description:
      'Null until the tenant has saved settings (the defaults apply: exact stock, low at 10, in transit not counted, no backorders, holds of 120 s).',
    authScopes: { staff: true },
    resolve: (query) => db().inventorySettings.findFirst(query),
  }),
);

const InventorySettingsInput = builder.inputType('InventorySettingsInput', {
  fields: (t) => ({
    defaultWarehouseId: t.id({ required: false }),
    showExactStock: t.boolean({ required: false }),
    lowStockThreshold: t.int({ required: false }),
    countInTransit: t.boolean({ required: false }),
    allowBackorder: t.boolean({ required: false }),
    reservationHoldSeconds: t.int({ required: false, description: '1 to 86400.' }),
  }),
});

builder.mutationType({});
builder.mutationField('updateInventorySettings', (t) =>
  t.prismaField({
    type: InventorySettingsRef,
    description: 'Boss or office: change how stock is shown to customers.',
    authScopes: { role: ['BOSS', 'OFFICE'] },
    args: { input: t.arg({ type: InventorySettingsInput, required: true }) },
    resolve: async (query, _root, { input }) => {
      if (
        input.lowStockThreshold != null &&
        (input.lowStockThreshold < 0 || input.lowStockThreshold > 1_000_000)
      ) {
        throw new GraphQLError('lowStockThreshold must be between 0 and 1000000', {
          extensions: { code: 'BAD_USER_INPUT' },
        });
      }
      if (
        input.reservationHoldSeconds != null &&
        (input.reservationHoldSeconds < 1 || input.reservationHoldSeconds > 86_400)
      ) {
        throw new GraphQLError('reservationHoldSeconds must be between 1 and 86400', {
          extensions: { code: 'BAD_USER_INPUT' },
        });
      }
      const data = {
        ...(input.defaultWarehouseId !== undefined ? { defaultWarehouseId: input.defaultWarehouseId } : {}),
        ...(input.showExactStock != null ? { showExactStock: input.showExactStock } : {}),
        ...(input.lowStockThreshold != null ? { lowStockThreshold: input.lowStockThreshold } : {}),
        ...(input.countInTransit != null ? { countInTransit: input.countInTransit } : {}),
        ...(input.allowBackorder != null ? { allowBackorder: input.allowBackorder } : {}),
        ...(input.reservationHoldSeconds != null
          ? { reservationHoldSeconds: input.reservationHoldSeconds }
          : {}),
      };
      const existing = await db().inventorySettings.findFirst();
      if (existing)
        return db().inventorySettings.update({ ...query, where: { tenantId: existing.tenantId }, data });
      return db().inventorySettings.create({
        ...query,
        data: { ...SETTINGS_DEFAULTS, ...data, tenantId: requireTenantId() },
      });
    },
  }),
);
