/**
 * nginx as the benchmarks' target: started from a private config in its own directory under
 * benchmarks/.work/, pinned to a core, waited for until it answers, and stopped by its own pid on
 * every way out (normal end, error, ^C, SIGTERM; see cleanup.mjs).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { atExit, track } from './cleanup.mjs';
import { pinned, stopChild } from './child.mjs';
import { freePort } from './free-port.mjs';
import { nginxConfig } from './nginx-config.mjs';
import { WORK_DIR, makeWorkDir } from './work-dir.mjs';

const READY_TIMEOUT_MS = 10_000;
const STOP_TIMEOUT_MS = 5_000;
const PORT_ATTEMPTS = 3;

/**
 * Starts nginx and resolves once `GET /` answers 200 (`connections`: its connection cap, see
 * nginx-config.mjs). Resolves to `{ url, port, pid, stop }`; `stop()` ends that pid and removes the
 * run's directory. Throws with the error log's tail when nginx does not come up; a port lost to a
 * race between freePort() and nginx's bind is retried.
 */
export async function startNginx({ binary, echoModule = null, connections, cpu, log }) {
  reapStale(log);
  let lastError;
  for (let attempt = 1; attempt <= PORT_ATTEMPTS; attempt++) {
    const dir = makeRunDir();
    const port = await freePort();
    try {
      return await startOnce({ binary, echoModule, connections, cpu, dir, port });
    } catch (error) {
      lastError = error;
      rmSync(dir, { recursive: true, force: true });
      if (!/Address already in use/.test(error.message)) break;
    }
  }
  throw lastError;
}

function makeRunDir() {
  const dir = makeWorkDir('nginx-');
  mkdirSync(join(dir, 'tmp'));
  writeFileSync(join(dir, 'owner.pid'), String(process.pid));
  return dir;
}

async function startOnce({ binary, echoModule, connections, cpu, dir, port }) {
  const conf = join(dir, 'nginx.conf');
  const errorLog = join(dir, 'error.log');
  writeFileSync(conf, nginxConfig({ dir, port, echoModule, connections }));
  const line = pinned(cpu, binary, ['-p', dir, '-c', conf, '-e', errorLog]);
  const child = spawn(line.command, line.args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const untrack = track(child);
  const forget = atExit(() => rmSync(dir, { recursive: true, force: true }));
  const stderr = [];
  child.stderr.on('data', (chunk) => stderr.push(chunk));
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const url = `http://127.0.0.1:${port}/`;
  const ready = await Promise.race([waitUntilAnswers(url), exited.then(() => false)]);
  if (ready !== true) {
    child.kill('SIGKILL');
    untrack();
    forget();
    const why = `${Buffer.concat(stderr).toString()}\n${readOr(errorLog, '')}`.trim();
    throw new Error(`nginx did not start on 127.0.0.1:${port}: ${why || 'no answer within 10 s'}`);
  }
  const stop = async () => {
    await stopChild(child, exited, 'SIGTERM', STOP_TIMEOUT_MS);
    untrack();
    forget();
    rmSync(dir, { recursive: true, force: true });
  };
  return { url, port, pid: child.pid, stop };
}

/** Polls `url` every 50 ms until it answers 200, or resolves false after READY_TIMEOUT_MS. */
async function waitUntilAnswers(url) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if ((await probe(url)) === 200) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}

function probe(url) {
  return new Promise((resolve) => {
    const req = request(url, { agent: false, timeout: 1000 }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
    });
    req.on('error', () => resolve(0));
    req.on('timeout', () => req.destroy());
    req.end();
  });
}

/**
 * Stops nginx processes that an earlier harness run left behind (it was SIGKILLed, so no cleanup
 * ran) and removes their directories. A directory whose owning harness is still alive belongs to a
 * concurrent run and is left alone; and only a pid whose command line names that directory's own
 * config is signalled, since a pid file alone may point at a pid reused by another program.
 */
function reapStale(log) {
  let entries;
  try {
    entries = readdirSync(WORK_DIR).filter((name) => name.startsWith('nginx-'));
  } catch {
    return;
  }
  for (const name of entries) {
    const dir = join(WORK_DIR, name);
    if (isAlive(Number(readOr(join(dir, 'owner.pid'), '')))) continue;
    const pid = Number(readOr(join(dir, 'nginx.pid'), ''));
    if (isAlive(pid) && readOr(`/proc/${pid}/cmdline`, '').includes(join(dir, 'nginx.conf'))) {
      log(`bench: stopping nginx pid ${pid} left by an earlier run`);
      process.kill(pid, 'SIGKILL');
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

function isAlive(pid) {
  if (!(pid > 0)) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

function readOr(path, fallback) {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    return fallback;
  }
}
