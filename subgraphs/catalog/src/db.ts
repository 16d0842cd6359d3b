import { prismaHolder } from '@wholesail/platform';
import { PrismaClient } from '../generated/prisma/client';

export const database = prismaHolder(PrismaClient, { schema: 'catalog', globalModels: ['EventCursor'] });
export const db = database.db;
