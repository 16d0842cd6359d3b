/** The subgraphs of the deployment and their default ports (also the gateway's routing). */
export const SUBGRAPH_PORTS = {
  catalog: 4001,
  pricing: 4002,
  marketing: 4003,
  inventory: 4004,
  warehouse: 4005,
  delivery: 4006,
  orders: 4007,
  crm: 4008,
} as const;

export type SubgraphName = keyof typeof SUBGRAPH_PORTS;

/** Where each subgraph is: `<NAME>_URL`, else `<NAME>_PORT` on HOST, else its default port. */
export function subgraphUrls(
  env: NodeJS.ProcessEnv = process.env,
  host = '127.0.0.1',
): Record<SubgraphName, string> {
  const urls = {} as Record<SubgraphName, string>;
  for (const name of Object.keys(SUBGRAPH_PORTS) as SubgraphName[]) urls[name] = serviceUrl(name, env, host);
  return urls;
}

/**
 * One subgraph's GraphQL URL, read when called (a service calling another asks each time, so
 * tests that start subgraphs on free ports can set `<NAME>_URL` after the caller started).
 */
export function serviceUrl(name: SubgraphName, env: NodeJS.ProcessEnv = process.env, host?: string): string {
  const upper = name.toUpperCase();
  const h = host ?? (env.HOST && env.HOST !== '0.0.0.0' ? env.HOST : '127.0.0.1');
  return env[`${upper}_URL`] ?? `http://${h}:${env[`${upper}_PORT`] ?? SUBGRAPH_PORTS[name]}/graphql`;
}
