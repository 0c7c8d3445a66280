/** Starts test/support/grpc/plain-server.mjs (a plain grpc-js server with reflection) in its own process. */
import { join } from 'node:path';
import { REPO_ROOT } from '../repo-root.js';
import { spawnNode, type NodeProcess } from '../spawn-node.js';

export interface PlainServer {
  /** `127.0.0.1:PORT`, for grpc.connect(). */
  addr: string;
  process: NodeProcess;
  /** Stops it (SIGTERM) if it still runs. */
  stop(): Promise<void>;
}

/** Spawns the server and waits for its port; killed past `timeoutMs` like every child of the tests. */
export async function startPlainServer(timeoutMs = 30_000): Promise<PlainServer> {
  const proc = spawnNode(join(REPO_ROOT, 'test', 'support', 'grpc', 'plain-server.mjs'), [], { timeoutMs });
  const out = await proc.waitForOutput(/port \d+\n/);
  const addr = `127.0.0.1:${/port (\d+)/.exec(out)![1]}`;
  return {
    addr,
    process: proc,
    stop: async () => {
      if (proc.child.exitCode === null) proc.child.kill('SIGTERM');
      await proc.result.catch(() => undefined);
    },
  };
}
