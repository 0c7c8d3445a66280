/**
 * The embedded target in a child process of its own (dist/target/main.js), for tests whose timing
 * must not share an event loop with the test: a capacity model's service times, say.
 */
import { join } from 'node:path';
import { request } from 'undici';
import { REPO_ROOT } from './repo-root.js';
import { spawnNode } from './spawn-node.js';

const MAIN = join(REPO_ROOT, 'dist', 'target', 'main.js');

export interface TargetProcess {
  httpUrl: string;
  /** GET /__stats, parsed. */
  stats<T = Record<string, unknown>>(): Promise<T>;
  close(): Promise<void>;
}

/** Starts `node dist/target/main.js --port 0 ...args`; killed past `timeoutMs` whatever happens. */
export async function startTargetProcess(args: readonly string[], timeoutMs = 200_000): Promise<TargetProcess> {
  const proc = spawnNode(MAIN, ['--port', '0', ...args], { timeoutMs });
  const out = await proc.waitForOutput(/volley target: ws:\/\/\S+\n/);
  const httpUrl = /volley target: (http:\/\/\S+)/.exec(out)![1]!;
  return {
    httpUrl,
    stats: async <T>() => (await (await request(`${httpUrl}/__stats`)).body.json()) as T,
    close: async () => {
      proc.child.kill('SIGTERM');
      await proc.result.catch(() => {});
    },
  };
}
