/** The control API's routes against a real server on 127.0.0.1 and a fake ControlTarget. */
import { afterEach, describe, expect, it } from 'vitest';
import { openControlServer, type ControlServer } from '../../src/control/control-server.js';
import { ControlRejected, type ControlTarget, type StatusAttributes, type StatusPatch } from '../../src/control/control-target.js';
import { ConfigError } from '../../src/errors.js';

/** A target that records patches and refuses vus above 10. */
function fakeTarget() {
  const patches: StatusPatch[] = [];
  const state: StatusAttributes = { status: 7, paused: false, vus: 1, 'vus-max': 10, stopped: false, running: true, tainted: false };
  const target: ControlTarget = {
    status: () => ({ ...state }),
    apply: async (patch) => {
      if (patch.vus !== undefined && patch.vus > 10) throw new ControlRejected('Config update error', `vus (${patch.vus}) must not be more than vus-max (10)`);
      patches.push(patch);
      Object.assign(state, patch);
    },
  };
  return { target, patches };
}

let server: ControlServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function open() {
  const fake = fakeTarget();
  server = await openControlServer('127.0.0.1', 0, fake.target);
  return { ...fake, url: server.url };
}

const patch = (url: string, body: string) => fetch(`${url}/v1/status`, { method: 'PATCH', body, headers: { 'content-type': 'application/json' } });
const statusBody = (attributes: object) => JSON.stringify({ data: { type: 'status', id: 'default', attributes } });

describe('GET /v1/status', () => {
  it("answers k6's JSON:API document", async () => {
    const { url } = await open();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${url}/v1/status`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(await res.json()).toEqual({
      data: { type: 'status', id: 'default', attributes: { status: 7, paused: false, vus: 1, 'vus-max': 10, stopped: false, running: true, tainted: false } },
    });
  });
});

describe('PATCH /v1/status', () => {
  it('applies the settable attributes and answers the new status', async () => {
    const { url, patches } = await open();
    const res = await patch(url, statusBody({ vus: 5, paused: true }));
    expect(res.status).toBe(200);
    expect(patches).toEqual([{ vus: 5, paused: true }]);
    expect(((await res.json()) as { data: { attributes: StatusAttributes } }).data.attributes).toMatchObject({ vus: 5, paused: true });
  });

  it('ignores read-only attributes and nulls, so a client can send back what it read', async () => {
    const { url, patches } = await open();
    const res = await patch(url, statusBody({ status: 7, running: true, tainted: false, 'vus-max': null, paused: null, vus: 3 }));
    expect(res.status).toBe(200);
    expect(patches).toEqual([{ vus: 3 }]);
  });

  it.each([
    ['not JSON', 'nope', 'Invalid data', 'the body is not JSON'],
    ['no data', '{}', 'Invalid data', 'data must be an object'],
    ['another type', JSON.stringify({ data: { type: 'metric', attributes: {} } }), 'Invalid data', 'data.type must be "status"'],
    ['no attributes', JSON.stringify({ data: { type: 'status' } }), 'Invalid data', 'data.attributes must be an object'],
    ['vus not a whole number', statusBody({ vus: 2.5 }), 'Invalid data', 'vus must be a whole number ≥ 0 (got 2.5)'],
    ['negative vus', statusBody({ vus: -1 }), 'Invalid data', 'vus must be a whole number ≥ 0 (got -1)'],
    ['paused as a string', statusBody({ paused: 'yes' }), 'Invalid data', 'paused must be true or false'],
    ['an unknown attribute', statusBody({ vu: 3 }), 'Invalid data', 'unknown attribute "vu"; settable: paused, vus, vus-max, stopped'],
    ['vus above vus-max', statusBody({ vus: 11 }), 'Config update error', 'vus (11) must not be more than vus-max (10)'],
  ])('answers 400 with a JSON error for %s', async (_, body, title, detail) => {
    const { url, patches } = await open();
    const res = await patch(url, body);
    expect(res.status).toBe(400);
    const doc = (await res.json()) as { errors: { status: string; title: string; detail: string }[] };
    expect(doc.errors[0]).toMatchObject({ status: '400', title });
    expect(doc.errors[0]!.detail).toContain(detail);
    expect(patches).toEqual([]);
  });

  it('refuses a body larger than 64 KiB', async () => {
    const { url } = await open();
    const res = await patch(url, statusBody({ pad: 'x'.repeat(70_000) }));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: { detail: string }[] }).errors[0]!.detail).toContain('larger than 64 KiB');
  });
});

describe('other requests', () => {
  it('answers 404 for unknown paths and 405 for other methods', async () => {
    const { url } = await open();
    const missing = await fetch(`${url}/v1/metrics`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { errors: { detail: string }[] }).errors[0]!.detail).toContain('GET and PATCH /v1/status');
    const wrong = await fetch(`${url}/v1/status`, { method: 'DELETE' });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET, PATCH');
  });
});

describe('listening', () => {
  it('refuses an address in use with a ConfigError on --address (exit 104)', async () => {
    const { url } = await open();
    const port = Number(new URL(url).port);
    const err = await openControlServer('127.0.0.1', port, fakeTarget().target).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).exitCode).toBe(104);
    expect((err as ConfigError).message).toContain(`--address: 127.0.0.1:${port} is already in use`);
  });

  it('closes even with a keep-alive connection open', async () => {
    const { url } = await open();
    await fetch(`${url}/v1/status`, { headers: { connection: 'keep-alive' } });
    await server!.close();
    server = undefined;
    await expect(fetch(`${url}/v1/status`)).rejects.toThrow();
  });
});
