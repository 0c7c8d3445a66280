import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startTestTarget, type RunningTarget } from '../support/test-target.js';

let target: RunningTarget;
beforeAll(async () => {
  target = await startTestTarget();
});
afterAll(() => target.close());

function open(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

function nextMessage(ws: WebSocket): Promise<{ data: Buffer; isBinary: boolean }> {
  return new Promise((resolve) => ws.once('message', (data: Buffer, isBinary: boolean) => resolve({ data, isBinary })));
}

/** The echo's URL: wsUrl is the origin (as BASE_URL is for HTTP). */
const echoUrl = () => `${target.wsUrl}/ws/echo`;

describe('WebSocket /ws/echo', () => {
  it('echoes a text message as text', async () => {
    const ws = await open(echoUrl());
    const reply = nextMessage(ws);
    ws.send('hello 🏐');
    const { data, isBinary } = await reply;
    expect(isBinary).toBe(false);
    expect(data.toString('utf8')).toBe('hello 🏐');
    ws.close();
  });

  it('echoes a binary message as binary, byte for byte', async () => {
    const ws = await open(echoUrl());
    const payload = Buffer.from([0, 1, 2, 250, 255, 0x80]);
    const reply = nextMessage(ws);
    ws.send(payload);
    const { data, isBinary } = await reply;
    expect(isBinary).toBe(true);
    expect(Buffer.compare(data, payload)).toBe(0);
    ws.close();
  });

  it('echoes messages in the order they were sent', async () => {
    const ws = await open(echoUrl());
    const received: string[] = [];
    const done = new Promise<void>((resolve) =>
      ws.on('message', (data: Buffer) => {
        received.push(data.toString());
        if (received.length === 50) resolve();
      }),
    );
    for (let i = 0; i < 50; i++) ws.send(`m${i}`);
    await done;
    expect(received).toEqual(Array.from({ length: 50 }, (_, i) => `m${i}`));
    ws.close();
  });

  it('answers a ping with a pong', async () => {
    const ws = await open(echoUrl());
    const pong = new Promise<Buffer>((resolve) => ws.once('pong', resolve));
    ws.ping('p1');
    expect((await pong).toString()).toBe('p1');
    ws.close();
  });

  it('counts each session as a request to its path', async () => {
    const before = target.stats()['/ws/echo'] ?? 0;
    const ws = await open(echoUrl());
    expect(target.stats()['/ws/echo']).toBe(before + 1);
    ws.close();
  });

  it('still echoes on /ws, its older name', async () => {
    const ws = await open(`${target.wsUrl}/ws`);
    const reply = nextMessage(ws);
    ws.send('old name');
    expect((await reply).data.toString()).toBe('old name');
    ws.close();
  });

  it('refuses an upgrade on another path with 404', async () => {
    const attempt = open(`${target.wsUrl}/other`);
    await expect(attempt).rejects.toThrow(/404/);
  });

  it('survives a client that terminates mid-session', async () => {
    const ws = await open(echoUrl());
    ws.send(Buffer.alloc(100_000));
    ws.terminate();
    const again = await open(echoUrl());
    const reply = nextMessage(again);
    again.send('still here');
    expect((await reply).data.toString()).toBe('still here');
    again.close();
  });
});

describe('WebSocket /ws/broadcast', () => {
  it('pushes numbered messages every `every` ms without being asked', async () => {
    const ws = await open(`${target.wsUrl}/ws/broadcast?every=20`);
    const seqs: number[] = [];
    await new Promise<void>((resolve) =>
      ws.on('message', (data: Buffer) => {
        const msg = JSON.parse(data.toString()) as { seq: number; sentAt: number };
        expect(msg.sentAt).toBeGreaterThan(0);
        if (seqs.push(msg.seq) === 3) resolve();
      }),
    );
    expect(seqs).toEqual([1, 2, 3]);
    ws.close();
  });

  it.each(['0', '-5', 'soon', '1.5'])('answers 400 to every=%s', async (every) => {
    await expect(open(`${target.wsUrl}/ws/broadcast?every=${every}`)).rejects.toThrow(/400/);
  });
});
