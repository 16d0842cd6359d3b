import { builder } from '../builder';
import { db } from '../db';
import { RESERVATION_STATUSES } from '../domain/reservation';
import { SkuRef, WarehouseRef } from './stock';

const ReservationStatusEnum = builder.enumType('StockReservationStatus', {
  description:
    'HELD: taken for an order being placed, released at expiresAt unless confirmed; CONFIRMED: the order is placed (no expiry); RELEASED: given back (cancelled, rejected, expired, failed placement); CONSUMED: shipped.',
  values: RESERVATION_STATUSES,
});

builder.prismaObject('StockReservation', {
  description: 'Stock of a SKU in a warehouse reserved for one order (base units).',
  fields: (t) => ({
    id: t.exposeID('id'),
    orderId: t.exposeID('orderId'),
    sku: t.field({ type: SkuRef, resolve: (r) => ({ id: r.skuId }) }),
    warehouse: t.field({ type: WarehouseRef, resolve: (r) => ({ id: r.warehouseId }) }),
    quantity: t.exposeInt('quantity'),
    status: t.field({
      type: ReservationStatusEnum,
      resolve: (r) => r.status as (typeof RESERVATION_STATUSES)[number],
    }),
    expiresAt: t.expose('expiresAt', {
      type: 'DateTime',
      nullable: true,
      description: 'HELD only: when it is released unless confirmed.',
    }),
    releaseReason: t.exposeString('releaseReason', {
      nullable: true,
      description: 'RELEASED only: ORDER_CANCELLED, ORDER_REJECTED, EXPIRED or what releaseStock was given.',
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

const StockReservationFilter = builder.inputType('StockReservationFilter', {
  fields: (t) => ({
    skuId: t.id({ required: false }),
    warehouseId: t.id({ required: false }),
    orderId: t.id({ required: false }),
    status: t.field({
      type: [ReservationStatusEnum],
      required: false,
      description: 'Default: HELD and CONFIRMED (what counts in reserved).',
    }),
  }),
});

builder.queryField('stockReservations', (t) =>
  t.prismaConnection(
    {
      type: 'StockReservation',
      cursor: 'id',
      description:
        "Staff: stock reservations of orders, newest first (by default those counting in `reserved`: HELD and CONFIRMED). E.g. a SKU's holds in a warehouse, or one order's.",
      authScopes: { staff: true },
      args: { filter: t.arg({ type: StockReservationFilter, required: false }) },
      resolve: (query, _root, args) => {
        const f = args.filter ?? {};
        return db().stockReservation.findMany({
          ...query,
          where: {
            ...(f.skuId ? { skuId: f.skuId } : {}),
            ...(f.warehouseId ? { warehouseId: f.warehouseId } : {}),
            ...(f.orderId ? { orderId: f.orderId } : {}),
            status: { in: f.status?.length ? [...f.status] : ['HELD', 'CONFIRMED'] },
          },
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        });
      },
    },
    { name: 'StockReservationConnection' },
    { name: 'StockReservationEdge' },
  ),
);
