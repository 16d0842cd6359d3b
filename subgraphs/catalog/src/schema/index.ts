import type { GraphQLSchema } from 'graphql';
import { builder } from '../builder';
import './brand';
import './category';
import './product';
import './sku';
import './suggestions';
import './home-layout';
import './brand-admin';
import './category-admin';
import './product-admin';

builder.mutationType({});

let schema: GraphQLSchema | undefined;

export function buildSchema(): GraphQLSchema {
  schema ??= builder.toSubGraphSchema({ linkUrl: 'https://specs.apollo.dev/federation/v2.6' });
  return schema;
}
