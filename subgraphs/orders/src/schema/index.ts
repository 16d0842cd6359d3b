import type { GraphQLSchema } from 'graphql';
import { builder } from '../builder';
import './external';
import './enums';
import './order';
import './orders-list';
import './order-stats';
import './customer-orders';
import './bought-before';
import './quote-types';
import './cart';
import './place-order';
import './review';
import './settings';

builder.mutationType({});

let schema: GraphQLSchema | undefined;

export function buildSchema(): GraphQLSchema {
  schema ??= builder.toSubGraphSchema({ linkUrl: 'https://specs.apollo.dev/federation/v2.6' });
  return schema;
}
