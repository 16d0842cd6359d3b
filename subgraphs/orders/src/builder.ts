import { createBuilder } from '@wholesail/platform';
import type PrismaTypes from '../generated/pothos-types';
import { getDatamodel } from '../generated/pothos-types';
import { database } from './db';

export const builder = createBuilder<PrismaTypes>({ client: database.db, dmmf: getDatamodel() });
