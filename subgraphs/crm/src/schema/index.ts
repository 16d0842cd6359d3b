import type { GraphQLSchema } from 'graphql';
import { builder } from '../builder';
import './staff';
import './customer';
import './viewer';
import './login';
import './tenant';
import './customer-admin';
import './credit';
import './collection';

let schema: GraphQLSchema | undefined;

export function buildSchema(): GraphQLSchema {
  schema ??= builder.toSubGraphSchema({ linkUrl: 'https://specs.apollo.dev/federation/v2.6' });
  return schema;
}
