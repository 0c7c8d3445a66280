/**
 * The JSON:API documents of `/v1/status`, as k6 writes and reads them:
 *
 *   {"data":{"type":"status","id":"default","attributes":{"status":7,"paused":false,"vus":5,...}}}
 *
 * A PATCH body has the same shape; only `paused`, `vus`, `vus-max` and `stopped` are settable. The
 * read-only attributes (`status`, `running`, `tainted`) are accepted and ignored, so a client can
 * send back what it read with one field changed; null means "leave as is" (k6's null types).
 */
import { ControlRejected, type StatusAttributes, type StatusPatch } from './control-target.js';

const SETTABLE = ['paused', 'vus', 'vus-max', 'stopped'] as const;
const READ_ONLY = ['status', 'running', 'tainted'];

/** The GET (and PATCH response) document. */
export function statusDocument(attributes: StatusAttributes) {
  return { data: { type: 'status', id: 'default', attributes } };
}

/** k6's error document: `{"errors":[{"status":"400","title":...,"detail":...}]}`. */
export function errorDocument(status: number, title: string, detail: string) {
  return { errors: [{ status: String(status), title, detail }] };
}

/** Reads a PATCH body (already JSON-parsed); throws ControlRejected naming the first wrong field. */
export function parseStatusPatch(body: unknown): StatusPatch {
  const data = objectAt(body, 'the body', 'must be a JSON object {"data":{"type":"status","attributes":{...}}}');
  const resource = objectAt(data.data, 'data', 'must be an object with type "status" and attributes');
  if (resource.type !== undefined && resource.type !== 'status') invalid(`data.type must be "status" (got ${JSON.stringify(resource.type)})`);
  const attributes = objectAt(resource.attributes, 'data.attributes', 'must be an object, e.g. {"vus": 5}');
  const patch: StatusPatch = {};
  for (const [key, value] of Object.entries(attributes)) {
    if (READ_ONLY.includes(key) || value === null) continue;
    switch (key as (typeof SETTABLE)[number]) {
      case 'paused':
      case 'stopped':
        if (typeof value !== 'boolean') invalid(`${key} must be true or false (got ${JSON.stringify(value)})`);
        patch[key as 'paused' | 'stopped'] = value as boolean;
        break;
      case 'vus':
      case 'vus-max':
        if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) invalid(`${key} must be a whole number ≥ 0 (got ${JSON.stringify(value)})`);
        patch[key as 'vus' | 'vus-max'] = value as number;
        break;
      default:
        invalid(`unknown attribute ${JSON.stringify(key)}; settable: ${SETTABLE.join(', ')}`);
    }
  }
  return patch;
}

function objectAt(value: unknown, where: string, expected: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) invalid(`${where} ${expected}`);
  return value as Record<string, unknown>;
}

function invalid(detail: string): never {
  throw new ControlRejected('Invalid data', detail);
}
