/**
 * Checks a request object against its message type before it is encoded, as k6's protojson does:
 * protobufjs alone would drop an unknown field and turn `'abc'` into 0 without a word. Field names
 * are accepted as written in the proto (`delay_ms`) or in lowerCamelCase (`delayMs`); the result is
 * the object keyed as the encoder expects. Each message type's field table is built once per
 * package definition.
 */
import type { PackageDefinition } from '@grpc/proto-loader';

/** A field as the descriptor (proto-loader's `type`) gives it. */
interface FieldDescriptor {
  name: string;
  label: string;
  type: string;
  typeName: string;
}
interface MessageDescriptor {
  name: string;
  field: FieldDescriptor[];
  nestedType: MessageDescriptor[];
  options: { mapEntry?: boolean } | null;
}

/** One field, resolved: its kind, and for messages and enums what they are. */
interface Field {
  readonly name: string;
  readonly kind: string;
  readonly repeated: boolean;
  /** Message fields: the message's shape (or undefined for google.protobuf.* types, not checked). */
  readonly message?: Shape | undefined;
  /** Map fields: the entry's key and value. */
  readonly map?: { key: Field; value: Field } | undefined;
  /** Enum fields: the value names. */
  readonly enumNames?: ReadonlySet<string> | undefined;
}

/** A message type's fields by name (camelCase, and as written in the proto). */
export interface Shape {
  readonly fullName: string;
  readonly fields: ReadonlyMap<string, Field>;
}

/** Thrown for a value that does not fit; `path` says where (`items[2].delay_ms`). */
export class ShapeError extends Error {}

const INT32 = new Set(['TYPE_INT32', 'TYPE_SINT32', 'TYPE_SFIXED32']);
const UINT32 = new Set(['TYPE_UINT32', 'TYPE_FIXED32']);
const INT64 = new Set(['TYPE_INT64', 'TYPE_SINT64', 'TYPE_SFIXED64', 'TYPE_UINT64', 'TYPE_FIXED64']);
const INTEGER_TEXT = /^-?\d+$/;
const FLOAT_WORDS = new Set(['NaN', 'Infinity', '-Infinity']);

const shapes = new WeakMap<PackageDefinition, Map<string, Shape>>();

/** The shape of message type `fullName` (`volley.demo.EchoRequest`) in `definition`. */
export function shapeOf(definition: PackageDefinition, fullName: string): Shape {
  let byName = shapes.get(definition);
  if (byName === undefined) shapes.set(definition, (byName = new Map()));
  return build(definition, byName, fullName, undefined);
}

function build(definition: PackageDefinition, byName: Map<string, Shape>, fullName: string, descriptor: MessageDescriptor | undefined): Shape {
  const known = byName.get(fullName);
  if (known) return known;
  const message = descriptor ?? ((definition[fullName] as { type?: MessageDescriptor } | undefined)?.type as MessageDescriptor);
  const fields = new Map<string, Field>();
  const shape: Shape = { fullName, fields };
  byName.set(fullName, shape);
  for (const f of message.field) {
    const field = resolveField(definition, byName, fullName, message, f);
    fields.set(f.name, field);
    const snake = f.name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    if (snake !== f.name) fields.set(snake, field);
  }
  return shape;
}

function resolveField(definition: PackageDefinition, byName: Map<string, Shape>, owner: string, message: MessageDescriptor, f: FieldDescriptor): Field {
  const base = { name: f.name, kind: f.type, repeated: f.label === 'LABEL_REPEATED' };
  if (f.type !== 'TYPE_ENUM' && f.type !== 'TYPE_MESSAGE') return base;
  const typeName = resolveName(definition, owner, message, f.typeName);
  if (f.type === 'TYPE_ENUM') {
    const values = (definition[typeName] as { type?: { value?: { name: string }[] } } | undefined)?.type?.value ?? [];
    return { ...base, enumNames: new Set(values.map((v) => v.name)) };
  }
  if (typeName.startsWith('google.protobuf.')) return base;
  const nested = message.nestedType.find((n) => `${owner}.${n.name}` === typeName);
  if (nested?.options?.mapEntry) {
    const [key, value] = nested.field.map((e) => resolveField(definition, byName, typeName, nested, e));
    return { ...base, repeated: false, map: { key: key!, value: value! } };
  }
  return { ...base, message: build(definition, byName, typeName, nested) };
}

/**
 * A field's type name made absolute. Descriptors from a server's reflection hold `.pkg.Msg`; from
 * proto files, the name as written (`Msg`, `pkg.Msg`), found as protoc finds it: in the message's
 * own scope, then in each enclosing one.
 */
function resolveName(definition: PackageDefinition, owner: string, message: MessageDescriptor, name: string): string {
  if (name.startsWith('.')) return name.slice(1);
  if (message.nestedType.some((n) => n.name === name)) return `${owner}.${name}`;
  const scopes = owner.split('.');
  for (let i = scopes.length; i >= 0; i--) {
    const candidate = [...scopes.slice(0, i), name].join('.');
    if (definition[candidate] !== undefined) return candidate;
  }
  return name;
}

/** `value` checked against `shape` and keyed as the encoder expects; throws ShapeError. */
export function conform(shape: Shape, value: unknown, path = ''): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ShapeError(`${path || 'the message'} must be an object (a ${shape.fullName}), got ${describe(value)}`);
  }
  const out: Record<string, unknown> = {};
  for (const key in value) {
    const v = (value as Record<string, unknown>)[key];
    const field = shape.fields.get(key);
    const at = path ? `${path}.${key}` : key;
    if (field === undefined) throw new ShapeError(`unknown field ${at} (${shape.fullName} has ${[...new Set([...shape.fields.values()].map((f) => f.name))].join(', ') || 'no fields'})`);
    if (v === null || v === undefined) continue;
    out[field.name] = field.repeated ? list(field, v, at) : field.map ? entries(field.map, v, at) : single(field, v, at);
  }
  return out;
}

function list(field: Field, value: unknown, at: string): unknown[] {
  if (!Array.isArray(value)) throw new ShapeError(`${at} must be an array, got ${describe(value)}`);
  return value.map((item, i) => single(field, item, `${at}[${i}]`));
}

function entries(map: { key: Field; value: Field }, value: unknown, at: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ShapeError(`${at} must be an object (a map), got ${describe(value)}`);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (map.key.kind !== 'TYPE_STRING') single(map.key, k, `${at} key`);
    out[k] = single(map.value, v, `${at}[${JSON.stringify(k)}]`);
  }
  return out;
}

function single(field: Field, v: unknown, at: string): unknown {
  if (field.message) return conform(field.message, v, at);
  if (fits(field, v)) return v;
  throw new ShapeError(`${at} must be ${expected(field)}, got ${describe(v)}`);
}

function fits(field: Field, v: unknown): boolean {
  const kind = field.kind;
  if (kind === 'TYPE_STRING') return typeof v === 'string';
  if (kind === 'TYPE_BOOL') return typeof v === 'boolean';
  if (INT32.has(kind)) return isInteger(v, -(2 ** 31), 2 ** 31 - 1);
  if (UINT32.has(kind)) return isInteger(v, 0, 2 ** 32 - 1);
  if (INT64.has(kind)) return typeof v === 'bigint' || isInteger(v, -Infinity, Infinity);
  if (kind === 'TYPE_DOUBLE' || kind === 'TYPE_FLOAT') return typeof v === 'number' || (typeof v === 'string' && (FLOAT_WORDS.has(v) || (v.trim() !== '' && !Number.isNaN(Number(v)))));
  if (kind === 'TYPE_BYTES') return typeof v === 'string' || v instanceof Uint8Array || Array.isArray(v);
  if (kind === 'TYPE_ENUM') return (typeof v === 'string' && field.enumNames!.has(v)) || isInteger(v, -(2 ** 31), 2 ** 31 - 1);
  return true; // google.protobuf.* types: left to the encoder
}

function isInteger(v: unknown, min: number, max: number): boolean {
  const n = typeof v === 'string' && INTEGER_TEXT.test(v) ? Number(v) : v;
  return typeof n === 'number' && Number.isInteger(n) && n >= min && n <= max;
}

function expected(field: Field): string {
  const kind = field.kind;
  if (kind === 'TYPE_STRING') return 'a string';
  if (kind === 'TYPE_BOOL') return 'a boolean';
  if (INT32.has(kind)) return 'a 32-bit integer';
  if (UINT32.has(kind)) return 'an unsigned 32-bit integer';
  if (INT64.has(kind)) return 'an integer (or a string of one)';
  if (kind === 'TYPE_BYTES') return 'a base64 string or bytes';
  if (kind === 'TYPE_ENUM') return `one of ${[...field.enumNames!].join(', ')} (or its number)`;
  return 'a number';
}

function describe(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (Array.isArray(v)) return 'an array';
  if (v === null) return 'null';
  return typeof v === 'object' ? 'an object' : `${typeof v} ${String(v)}`;
}
