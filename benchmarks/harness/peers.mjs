/**
 * The programs volley is measured against, found or installed: nginx (the target; required), wrk
 * (a C generator, the ceiling for this machine; optional), nginx's echo module (for the delay
 * location a latency-accuracy bench needs), tcpdump (the wire's own latencies, for the same bench;
 * optional), and autocannon (from node_modules).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { aptInstall } from './apt.mjs';
import { findExecutable } from './find-executable.mjs';

/** Where Debian's libnginx-mod-http-echo puts the module that `load_module` needs. */
export const ECHO_MODULE_PATH = '/usr/lib/nginx/modules/ngx_http_echo_module.so';

const AUTOCANNON_CLI = fileURLToPath(new URL('../../node_modules/autocannon/autocannon.js', import.meta.url));

/** A peer the harness cannot run without; run.mjs reports it and exits non-zero. */
export class MissingPeerError extends Error {
  constructor(peer, reason) {
    super(`${peer} is required and missing: ${reason}`);
    this.name = 'MissingPeerError';
  }
}

/** The nginx binary, installed from Debian's nginx-light when missing. Throws MissingPeerError when it cannot be had. */
export async function ensureNginx(log) {
  const path = await findOrInstall('nginx', 'nginx-light', log);
  if (typeof path !== 'string') throw new MissingPeerError('nginx', path.reason);
  return path;
}

/** The wrk binary, installed from Debian's wrk when missing; null (with the reason logged) when it cannot be had. */
export function ensureWrk(log) {
  return optionalPeer('wrk', 'wrk', 'its figures are skipped', log);
}

/** The tcpdump binary, installed from Debian's tcpdump when missing; null (with the reason logged) when it cannot be had. */
export function ensureTcpdump(log) {
  return optionalPeer('tcpdump', 'tcpdump', "the wire's latencies are skipped", log);
}

/** The echo module's path (for `load_module`) when installed, without installing it. */
export function findEchoModule() {
  return existsSync(ECHO_MODULE_PATH) ? ECHO_MODULE_PATH : null;
}

/** The echo module, installed from libnginx-mod-http-echo when missing; null (reason logged) when it cannot be had. */
export async function ensureEchoModule(log) {
  if (findEchoModule() !== null) return ECHO_MODULE_PATH;
  const reason = await aptInstall('libnginx-mod-http-echo', log);
  if (reason === null && findEchoModule() !== null) return ECHO_MODULE_PATH;
  log(`bench: nginx echo module unavailable: ${reason ?? `installed, but ${ECHO_MODULE_PATH} is missing`}`);
  return null;
}

/** autocannon's CLI script from this repo's node_modules (a devDependency); throws MissingPeerError without it. */
export function autocannonCli() {
  if (!existsSync(AUTOCANNON_CLI)) throw new MissingPeerError('autocannon', `${AUTOCANNON_CLI} not found (run npm ci)`);
  return AUTOCANNON_CLI;
}

/** The path of `binary` (from Debian's `pkg` when missing), or null after logging why it cannot be had and what is skipped. */
async function optionalPeer(binary, pkg, skipped, log) {
  const path = await findOrInstall(binary, pkg, log);
  if (typeof path === 'string') return path;
  log(`bench: ${binary} unavailable, ${skipped}: ${path.reason}`);
  return null;
}

/** The path of `binary`, or `{ reason }` when it is missing and installing `pkg` did not bring it. */
async function findOrInstall(binary, pkg, log) {
  const found = findExecutable(binary);
  if (found !== null) return found;
  const reason = await aptInstall(pkg, log);
  if (reason !== null) return { reason };
  return findExecutable(binary) ?? { reason: `${pkg} installed, but no ${binary} executable was found` };
}
