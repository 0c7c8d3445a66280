/**
 * A set of loaded protos as scenarios hold it (`loadProtos()` in init code, or a server's reflection
 * service): a proto-loader package definition behind a brand, and its methods by path. The brand is
 * a registered symbol because the scenario's `volley/grpc` module and the worker's own copy of this
 * file are different module instances in one thread.
 */
import type { MethodDefinition, PackageDefinition } from '@grpc/proto-loader';

const BRAND = Symbol.for('volley.grpc.protos');

/** Loaded protos: pass them to `grpc.connect(addr, { protos })`. Read-only, shared by a worker's VUs. */
export interface Protos {
  readonly [BRAND]: true;
  /** The fully qualified names of the services they define, as `volley.demo.Demo`. */
  readonly services: readonly string[];
}

/** What a Protos holds, for this folder's code. */
interface ProtosData extends Protos {
  readonly definition: PackageDefinition;
}

/** A method definition as proto-loader builds it (request and response as plain objects). */
export type Method = MethodDefinition<object, object>;

/**
 * The options of every package definition volley builds, so messages read as k6's (protojson)
 * do: lowerCamelCase field names, enums by name, 64-bit integers and bytes (base64) as strings,
 * unset fields with their defaults.
 */
export const LOADER_OPTIONS = { keepCase: false, longs: String, enums: String, bytes: String, defaults: true, oneofs: false, json: true } as const;

/** Wraps a package definition (from proto files or reflection) as Protos. */
export function protosOf(definition: PackageDefinition): Protos {
  const services = Object.keys(definition).filter((name) => !('format' in definition[name]!));
  return Object.freeze({ [BRAND]: true as const, services: Object.freeze(services), definition });
}

/** True for a value `protosOf` made (in this or another copy of this module). */
export function isProtos(value: unknown): value is Protos {
  return typeof value === 'object' && value !== null && (value as Partial<Protos>)[BRAND] === true;
}

const methodMaps = new WeakMap<Protos, ReadonlyMap<string, Method>>();

/** The methods of `protos` by path (`/pkg.Service/Method`), built once per Protos. */
export function methodsOf(protos: Protos): ReadonlyMap<string, Method> {
  let methods = methodMaps.get(protos);
  if (methods === undefined) {
    const map = new Map<string, Method>();
    const definition = (protos as ProtosData).definition;
    for (const name of protos.services) {
      for (const method of Object.values(definition[name] as Record<string, Method>)) map.set(method.path, method);
    }
    methodMaps.set(protos, (methods = map));
  }
  return methods;
}

/** The definition `protos` wraps. */
export function definitionOf(protos: Protos): PackageDefinition {
  return (protos as ProtosData).definition;
}

/**
 * The full name of `method`'s request type. proto-loader gives only its short name, so it is found
 * among the definition's message types: the one with that name, or if several, the one in the
 * service's package.
 */
export function requestTypeName(protos: Protos, method: Method): string {
  const name = (method.requestType.type as { name: string }).name;
  const service = method.path.slice(1, method.path.lastIndexOf('/'));
  const pkg = service.slice(0, service.lastIndexOf('.'));
  const definition = definitionOf(protos);
  const found = Object.keys(definition).filter((key) => (key === name || key.endsWith(`.${name}`)) && definition[key]!.format === 'Protocol Buffer 3 DescriptorProto');
  return found.find((key) => key === (pkg ? `${pkg}.${name}` : name)) ?? found[0] ?? name;
}
