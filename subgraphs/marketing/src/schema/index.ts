import type { GraphQLSchema } from 'graphql';
import { builder } from '../builder';
import './promotion';
import './promotion-admin';
import './coupon';

let schema: GraphQLSchema | undefined;

export function buildSchema(): GraphQLSchema {
  schema ??= builder.toSubGraphSchema({ linkUrl: 'https://specs.apollo.dev/federation/v2.6' });
  return schema;
}
