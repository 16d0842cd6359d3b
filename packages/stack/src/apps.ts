import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { repoRoot } from '@wholesail/platform';
import { waitForHttp } from './ports';

const require = createRequire(import.meta.url);

export interface AppProcess {
  name: string;
  url: string;
  child: ChildProcess;
}

/** Starts a React Router app's dev server (Vite) as a child process. */
export async function startApp(
  name: 'storefront' | 'console',
  port: number,
  env: Record<string, string>,
  options: { inheritOutput?: boolean; timeoutMs?: number; onSpawn?: (child: ChildProcess) => void } = {},
): Promise<AppProcess> {
  // bin.js is not in the package's exports map; find it beside package.json.
  const cli = path.join(path.dirname(require.resolve('@react-router/dev/package.json')), 'bin.js');
  const cwd = path.join(repoRoot, name);
  const child = spawn(
    process.execPath,
    [cli, 'dev', '--port', String(port), '--host', '127.0.0.1', '--strictPort'],
    {
      cwd,
      env: { ...process.env, ...env, PORT: String(port), BROWSER: 'none' },
      stdio: options.inheritOutput ? ['ignore', 'inherit', 'inherit'] : ['ignore', 'ignore', 'pipe'],
    },
  );
  // The caller tracks the child at once, so a stop during start-up stops it too.
  options.onSpawn?.(child);
  let stderr = '';
  child.stderr?.on('data', (d) => {
    stderr = (stderr + d).slice(-4000);
  });
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code}: ${stderr}`))),
  );
  await Promise.race([waitForHttp(`${url}/login`, options.timeoutMs ?? 90_000), exited]);
  return { name, url, child };
}

export function stopChild(child: ChildProcess, timeoutMs = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
