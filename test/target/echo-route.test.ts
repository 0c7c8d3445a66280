import { Readable } from 'node:stream';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_ECHO_BODY, type EchoDocument } from '../../src/target/echo-route.js';
import { startTestTarget, type RunningTarget } from '../support/test-target.js';

let target: RunningTarget;
beforeAll(async () => {
  target = await startTestTarget();
});
afterAll(() => target.close());

async function echo(init: Parameters<typeof request>[1], path = '/echo'): Promise<EchoDocument> {
  const res = await request(`${target.httpUrl}${path}`, init);
  expect(res.statusCode).toBe(200);
  return (await res.body.json()) as EchoDocument;
}

describe('/echo', () => {
  it('answers the method', async () => {
    expect((await echo({ method: 'PUT', body: 'x' })).method).toBe('PUT');
  });

  it('answers the path without the query, and the request target with it', async () => {
    const doc = await echo({ method: 'GET' }, '/echo?a=1&b=two');
    expect(doc.path).toBe('/echo');
    expect(doc.url).toBe('/echo?a=1&b=two');
  });

  it('answers the request headers, names lower-cased', async () => {
    const doc = await echo({ method: 'GET', headers: { 'X-Test-Header': 'hello', Authorization: 'Bearer t' } });
    expect(doc.headers['x-test-header']).toBe('hello');
    expect(doc.headers.authorization).toBe('Bearer t');
  });

  it('answers the body as text, multi-byte characters intact', async () => {
    const body = JSON.stringify({ name: 'Zoë', emoji: '🏐' });
    const doc = await echo({ method: 'POST', body, headers: { 'content-type': 'application/json' } });
    expect(doc.body).toBe(body);
  });

  it('answers an empty body for a GET', async () => {
    expect((await echo({ method: 'GET' })).body).toBe('');
  });

  it('answers a body sent in many chunks whole', async () => {
    const parts = Array.from({ length: 100 }, (_, i) => `chunk-${i};`);
    async function* chunks(): AsyncGenerator<string> {
      for (const part of parts) yield part;
    }
    const doc = await echo({ method: 'POST', body: Readable.from(chunks()) });
    expect(doc.body).toBe(parts.join(''));
  });

  it('answers 413 for a body over the limit', async () => {
    const res = await request(`${target.httpUrl}/echo`, { method: 'POST', body: Buffer.alloc(MAX_ECHO_BODY + 1, 'a') });
    await res.body.dump();
    expect(res.statusCode).toBe(413);
  });
});
