/**
 * `loadProtos(importPaths, ...files)`: parses proto files in init code, once per worker (and once
 * in the lifecycle thread), into Protos its VUs share read-only. Paths are read as k6's
 * `client.load()` reads them, relative to the scenario's folder: files are looked up in each import
 * path in turn, then in the scenario's folder.
 */
import { loadSync } from '@grpc/proto-loader';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { runtime } from '../../api/runtime.js';
import { GrpcProtoError } from './grpc-errors.js';
import { LOADER_OPTIONS, protosOf, type Protos } from './protos.js';

/** Parses `files` (and what they import) into Protos; init code only. */
export function loadProtos(importPaths: readonly string[] | null | undefined, ...files: string[]): Protos {
  if (!runtime.inInit) throw new GrpcProtoError('loadProtos() is only available in init code (the top level of the script)', 'load the protos once at the top level and pass them to grpc.connect(addr, { protos })');
  if (files.length === 0 || files.some((f) => typeof f !== 'string' || f === '')) {
    throw new GrpcProtoError('loadProtos(importPaths, ...files) needs at least one proto file name', "write loadProtos(['./protos'], 'demo.proto')");
  }
  const base = runtime.scriptPath ? dirname(runtime.scriptPath) : process.cwd();
  const includeDirs = [...(importPaths ?? []).map((p) => resolve(base, String(p).replace(/^file:\/\//, ''))), base];
  try {
    return protosOf(loadSync(files, { ...LOADER_OPTIONS, includeDirs }));
  } catch (err) {
    throw new GrpcProtoError(`loadProtos(): ${describeParseError(err, base)}`);
  }
}

/**
 * protobufjs says `illegal token 'x' (/abs/demo.proto, line 5)` and Node `ENOENT: no such file or
 * directory, open '/abs/demo.proto'`; both become `protos/demo.proto:5: illegal token 'x'` or
 * `cannot read protos/demo.proto`, paths relative to the scenario's folder.
 */
function describeParseError(err: unknown, base: string): string {
  const message = err instanceof Error ? err.message : String(err);
  const shown = (file: string): string => (isAbsolute(file) ? relative(base, file) || file : file);
  const parse = /^(.*) \((.+), line (\d+)\)$/.exec(message);
  if (parse) return `${shown(parse[2]!)}:${parse[3]}: ${parse[1]}`;
  const missing = /^ENOENT: .*? '(.+)'$/.exec(message);
  if (missing) return `cannot read ${shown(missing[1]!)}: no such file (looked in the import paths, then the scenario's folder)`;
  return message;
}
