/** The target's gRPC server, called with a bare grpc-js client: the demo service, health and a port in use. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { credentials, loadPackageDefinition, type Client, type ServiceError } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { ConfigError } from '../../src/errors.js';
import { DEMO_PROTO } from '../../src/target/grpc-target.js';
import { startTarget } from '../../src/target/start-target.js';
import type { RunningTarget } from '../../src/target/start-target.js';

type Callback = (err: ServiceError | null, reply: { message: string; index: number }) => void;
type DemoClient = Client & {
  Unary(req: object, cb: Callback): void;
  ServerStream(req: object): NodeJS.EventEmitter;
  ClientStream(cb: Callback): NodeJS.WritableStream;
  Bidi(): NodeJS.ReadWriteStream;
};

let target: RunningTarget;
let demo: DemoClient;
beforeAll(async () => {
  target = await startTarget({ httpPort: 0, grpcPort: 0 });
  const pkg = loadPackageDefinition(loadSync(DEMO_PROTO)) as unknown as { volley: { demo: { Demo: new (addr: string, creds: unknown) => DemoClient } } };
  demo = new pkg.volley.demo.Demo(target.grpcAddr, credentials.createInsecure());
});
afterAll(async () => {
  demo.close();
  await target.close();
});

const unary = (req: object) => new Promise<{ message: string; index: number }>((resolve, reject) => demo.Unary(req, (err, reply) => (err ? reject(err) : resolve(reply))));

describe('the demo gRPC service', () => {
  it('Unary echoes the message after at least delay_ms', async () => {
    const started = performance.now();
    expect(await unary({ message: 'hi', delayMs: 30 })).toEqual({ message: 'hi', index: 0 });
    expect(performance.now() - started).toBeGreaterThanOrEqual(30);
    await expect(unary({ delayMs: -1 })).rejects.toMatchObject({ code: 3 });
  });

  it('ServerStream sends count replies, ClientStream counts what it received, Bidi echoes each', async () => {
    const replies: number[] = [];
    const server = demo.ServerStream({ message: 's', count: 4 });
    server.on('data', (r: { index: number }) => replies.push(r.index));
    await new Promise((resolve) => server.on('end', resolve));
    expect(replies).toEqual([0, 1, 2, 3]);

    const counted = new Promise<{ index: number }>((resolve, reject) => {
      const upload = demo.ClientStream((err, reply) => (err ? reject(err) : resolve(reply)));
      for (let i = 0; i < 3; i++) upload.write({ message: `m${i}` } as never);
      upload.end();
    });
    expect((await counted).index).toBe(3);

    const chat = demo.Bidi();
    const echoed: string[] = [];
    chat.on('data', (r: { message: string }) => echoed.push(r.message));
    chat.write({ message: 'a' } as never);
    chat.write({ message: 'b' } as never);
    chat.end();
    await new Promise((resolve) => chat.on('end', resolve));
    expect(echoed).toEqual(['a', 'b']);
  });
});

describe('startTarget with a gRPC port in use', () => {
  it('rejects with a ConfigError naming --grpc-port, and leaves no server running', async () => {
    const port = Number(target.grpcAddr.split(':')[1]);
    const err = await startTarget({ httpPort: 0, grpcPort: port }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).issues[0]!.path).toBe('grpc-port');
  });
});
