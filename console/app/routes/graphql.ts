import { createGraphqlRoute } from '@wholesail/web/routes/graphql.server';
import { session } from '../lib/session.server';

/** The browser's GraphQL endpoint: a proxy to the gateway with this app's session. */
const graphql = createGraphqlRoute(session);
export const action = graphql.action;
export const loader = graphql.loader;
