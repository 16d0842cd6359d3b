import type { GraphQLSchema } from 'graphql';
import { builder } from '../builder';
import './external';
import './route';
import './vehicle';

let schema: GraphQLSchema | undefined;

export function buildSchema(): GraphQLSchema {
  schema ??= builder.toSubGraphSchema({ linkUrl: 'https://specs.apollo.dev/federation/v2.6' });
  return schema;
}
