/** `open(path)` and `SharedArray` for init code. */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { runtime } from './runtime.js';

/** Reads a file relative to the scenario file (not the bundle); init code only. `'b'` returns bytes. */
export function open(path: string): string;
export function open(path: string, mode: 'b'): Uint8Array;
export function open(path: string, mode?: 'b'): string | Uint8Array {
  if (!runtime.inInit) throw new Error('open() is only available in init code (the top level of the script)');
  const base = runtime.scriptPath ? dirname(runtime.scriptPath) : process.cwd();
  const full = resolve(base, path);
  return mode === 'b' ? new Uint8Array(readFileSync(full)) : readFileSync(full, 'utf8');
}

/**
 * A read-only array built once per worker by `fn` (k6's SharedArray). Init code runs once per
 * worker in volley, so every VU of the worker shares the one copy.
 */
export class SharedArray<T> extends Array<T> {
  constructor(name: string, fn: () => T[]) {
    super();
    if (typeof fn !== 'function') throw new Error(`SharedArray "${name}" needs a function that returns an array`);
    const items = fn();
    if (!Array.isArray(items)) throw new Error(`SharedArray "${name}": the function must return an array`);
    for (const item of items) this.push(deepFreeze(item));
    Object.freeze(this);
  }
  static override get [Symbol.species]() {
    return Array;
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
