import { prismaHolder } from '@wholesail/platform';
import { PrismaClient } from '../generated/prisma/client';

export const database = prismaHolder(PrismaClient, {
  schema: 'crm',
  globalModels: ['Tenant', 'LoginThrottle', 'EventCursor'],
});
export const db = database.db;
