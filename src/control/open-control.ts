/**
 * Whether and where the control API listens: at `--address` when given; otherwise, when a scenario
 * is externally controlled, at k6's default (localhost:6565, here 127.0.0.1:6565). A taken address is
 * an error (exit 104) rather than a silent move to another port, since whoever drives the run
 * expects the address it was told; `--address 127.0.0.1:0` picks a free port and prints it.
 */
import type { Writable } from 'node:stream';
import { RunControl, type RunControlParams } from './run-control.js';
import { openControlServer } from './control-server.js';

/** k6's default REST API address. */
export const DEFAULT_CONTROL_ADDRESS = '127.0.0.1:6565';

export interface OpenedControl {
  readonly control: RunControl;
  /** Stops the server; safe on every exit path. */
  close(): Promise<void>;
}

/** Opens the control API when asked or needed (undefined when not), and prints its URL on `log`. */
export async function openControl(address: string | undefined, params: RunControlParams, log: Writable): Promise<OpenedControl | undefined> {
  const needed = params.planned.some((s) => s.scenario.executor === 'externally-controlled');
  const where = address ?? (needed ? DEFAULT_CONTROL_ADDRESS : undefined);
  if (where === undefined) return undefined;
  const { host, port } = splitAddress(where);
  const control = new RunControl(params);
  const server = await openControlServer(host, port, control);
  log.write(`control API: ${server.url}\n`);
  return { control, close: () => server.close() };
}

/** `HOST:PORT` or `[IPv6]:PORT` (the CLI checked the form) → host and port. */
export function splitAddress(address: string): { host: string; port: number } {
  const colon = address.lastIndexOf(':');
  const host = address.slice(0, colon);
  return { host: host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host, port: Number(address.slice(colon + 1)) };
}
