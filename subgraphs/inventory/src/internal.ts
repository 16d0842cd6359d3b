import type { InternalCommands } from '@wholesail/platform';
import {
  checkStockInput,
  orderIdInput,
  type ReserveStockInput,
  releaseStockInput,
  reserveStockInput,
} from './domain/reservation';
import { checkStock, confirmStock, releaseStock, reserveStock } from './reservations';

/**
 * Commands orders sends inventory (POST /internal/<name>, service tokens, the caller's tenant),
 * the contract of issue 4; see docs/api.md "Inventory".
 */
export const internal: InternalCommands = {
  reserveStock: {
    input: reserveStockInput,
    handle: (input: ReserveStockInput) => reserveStock(input),
  },
  confirmStock: {
    input: orderIdInput,
    handle: (input: { orderId: string }) => confirmStock(input.orderId),
  },
  releaseStock: {
    input: releaseStockInput,
    handle: (input: { orderId: string; reason?: string | null }) =>
      releaseStock(input.orderId, input.reason ?? null),
  },
  checkStock: {
    input: checkStockInput,
    handle: (input) => checkStock(input),
  },
};
