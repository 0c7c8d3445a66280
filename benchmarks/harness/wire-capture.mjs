/**
 * tcpdump on the loopback interface for the length of one benchmark leg: the reference the
 * accuracy benchmark holds each generator's latencies against (pcap.mjs pairs the packets). Its
 * pid is tracked like every child of the harness, and its file lives in benchmarks/.work/.
 */
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { stopChild } from './child.mjs';
import { atExit, track } from './cleanup.mjs';
import { wireLatencies } from './pcap.mjs';
import { makeWorkDir } from './work-dir.mjs';

/** How long tcpdump gets to open the interface (it says "listening on" once it has). */
const READY_TIMEOUT_MS = 5000;
const STOP_TIMEOUT_MS = 5000;
/** Enough of each packet for the IP and TCP headers and the first bytes of the HTTP message. */
const SNAP_BYTES = 200;

/**
 * Starts capturing TCP to and from `port` on `lo`; resolves once tcpdump listens, to `{ stop }`.
 * `stop()` ends the capture and resolves to the exchanges' latencies in ms (pcap.mjs). Throws when
 * tcpdump cannot capture (not root, no such interface), with its own words.
 */
export async function startWireCapture({ binary, port }) {
  const dir = makeWorkDir('tcpdump-');
  const file = join(dir, 'capture.pcap');
  const forget = atExit(() => rmSync(dir, { recursive: true, force: true }));
  // -U writes each packet as it comes, so nothing is lost in tcpdump's buffer when it is stopped.
  const args = ['-i', 'lo', '-n', '-U', '-s', String(SNAP_BYTES), '-B', '8192', '-w', file, `tcp port ${port}`];
  const child = spawn(binary, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const untrack = track(child);
  const exited = new Promise((resolve) => child.on('close', resolve));
  let stderr = '';
  const listening = new Promise((resolve) => {
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      if (stderr.includes('listening on')) resolve(true);
    });
    child.on('error', () => resolve(false));
    exited.then(() => resolve(false));
    setTimeout(() => resolve(false), READY_TIMEOUT_MS);
  });
  const cleanUp = () => {
    untrack();
    forget();
    rmSync(dir, { recursive: true, force: true });
  };
  if (!(await listening)) {
    child.kill('SIGKILL');
    await exited;
    cleanUp();
    throw new Error(`tcpdump did not start capturing: ${stderr.trim() || 'no output'}`);
  }
  const stop = async () => {
    await stopChild(child, exited, 'SIGINT', STOP_TIMEOUT_MS); // tcpdump closes its file on SIGINT
    try {
      return wireLatencies(readFileSync(file), port);
    } finally {
      cleanUp();
    }
  };
  return { stop };
}
