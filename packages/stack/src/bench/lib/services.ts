/**
 * The eight subgraphs and the gateway as the deployment runs them: one Node process each
 * (`node --import tsx <service>/src/index.ts`, like `npm start`), on free ports of 127.0.0.1,
 * NODE_ENV=production, logs at warn, the gateway's per-client rate limit lifted (one token
 * sends all the load). Two gateways: the deployed one (page cache on) and one without it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import { SUBGRAPH_PORTS, type SubgraphName } from '@wholesail/gateway/config';
import { repoRoot } from '@wholesail/platform';
import { stopChild } from '../../apps';
import { freePort, waitForHttp } from '../../ports';

export interface BenchServices {
  /** the gateway as deployed, with its page cache */
  gatewayUrl: string;
  /** a second gateway on the same subgraphs with the page cache off: every page resolved */
  uncachedGatewayUrl: string;
  subgraphUrls: Record<SubgraphName, string>;
  /** the secret the services sign and check tokens with (the bench signs store tokens) */
  authSecret: string;
  /** process ids, for the report and for profiling */
  pids: Record<string, number>;
  /** the services' output goes here, one file each, not to the terminal */
  logDir: string;
  stop(): Promise<void>;
}

export async function startServices(databaseUrl: string): Promise<BenchServices> {
  const children: ChildProcess[] = [];
  const pids: Record<string, number> = {};
  let failed: Error | undefined;
  const common: Record<string, string> = {
    DATABASE_URL: databaseUrl,
    MIGRATE_ON_START: 'false',
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
    NODE_ENV: 'production',
    AUTH_SECRET: randomBytes(32).toString('hex'),
    HOST: '127.0.0.1',
  };
  const logDir = path.join(repoRoot, '.data', 'bench-logs');
  mkdirSync(logDir, { recursive: true });
  const ports: Record<string, string> = {};
  for (const name of Object.keys(SUBGRAPH_PORTS))
    ports[`${name.toUpperCase()}_PORT`] = String(await freePort());
  const spawnService = (name: string, script: string, env: Record<string, string>) => {
    // e.g. BENCH_NODE_FLAGS="--cpu-prof --cpu-prof-dir=.data/bench-prof" to profile every service
    const flags = (process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean);
    const child = spawn(process.execPath, [...flags, '--import', 'tsx', script], {
      cwd: repoRoot,
      env: { ...process.env, ...common, ...ports, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out = createWriteStream(path.join(logDir, `${name}.log`));
    child.stdout?.pipe(out);
    child.stderr?.pipe(out);
    child.once('exit', (code, signal) => {
      failed ??= new Error(`${name} exited (${code ?? signal}); see ${path.join(logDir, `${name}.log`)}`);
    });
    children.push(child);
    pids[name] = child.pid ?? 0;
  };
  const stop = async () => {
    await Promise.all(children.map((c) => stopChild(c)));
  };
  try {
    const subgraphUrls = {} as Record<SubgraphName, string>;
    for (const name of Object.keys(SUBGRAPH_PORTS) as SubgraphName[]) {
      spawnService(name, path.join('subgraphs', name, 'src', 'index.ts'), {});
      subgraphUrls[name] = `http://127.0.0.1:${ports[`${name.toUpperCase()}_PORT`]}/graphql`;
    }
    await Promise.all(
      Object.values(subgraphUrls).map((u) => waitForHttp(u.replace('/graphql', '/readyz'), 90_000)),
    );
    if (failed) throw failed;
    const gatewayPort = String(await freePort());
    const uncachedPort = String(await freePort());
    const unlimited = { RATE_LIMIT_PER_SECOND: '1000000', RATE_LIMIT_BURST: '1000000' };
    spawnService('gateway', path.join('gateway', 'src', 'index.ts'), {
      GATEWAY_PORT: gatewayPort,
      ...unlimited,
    });
    spawnService('gateway (no cache)', path.join('gateway', 'src', 'index.ts'), {
      GATEWAY_PORT: uncachedPort,
      PAGE_CACHE_SECONDS: '0',
      ...unlimited,
    });
    await waitForHttp(`http://127.0.0.1:${gatewayPort}/healthz`, 90_000);
    await waitForHttp(`http://127.0.0.1:${uncachedPort}/healthz`, 90_000);
    if (failed) throw failed;
    return {
      authSecret: common.AUTH_SECRET!,
      gatewayUrl: `http://127.0.0.1:${gatewayPort}/graphql`,
      uncachedGatewayUrl: `http://127.0.0.1:${uncachedPort}/graphql`,
      subgraphUrls,
      pids,
      logDir,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
