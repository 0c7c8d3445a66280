#!/usr/bin/env node
/**
 * The bare @grpc/grpc-js leg of the grpc benchmark: `node grpc-bare.mjs ADDR CONNECTIONS SECONDS`
 * runs CONNECTIONS async loops, each on its own channel (as a VU owns its connection), of one
 * unary Demo/Unary call at a time, with the serializers proto-loader makes from the demo proto,
 * and prints `{"rps": N, "failures": N}` for the SECONDS after a one-second warm-up.
 */
import { Client, credentials, Metadata } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { fileURLToPath } from 'node:url';

const [addr, connections, seconds] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4])];
const proto = fileURLToPath(new URL('../../scenarios/protos/demo.proto', import.meta.url));
const method = loadSync(proto, { keepCase: false, longs: String, enums: String, bytes: String, defaults: true, json: true })['volley.demo.Demo'].Unary;

let calls = 0;
let failures = 0;
let stopAt = Number.POSITIVE_INFINITY;

function call(client) {
  return new Promise((resolve) => {
    client.makeUnaryRequest(method.path, method.requestSerialize, method.responseDeserialize, { message: 'bench' }, new Metadata(), { deadline: Date.now() + 120_000 }, (err) => {
      if (err) failures++;
      resolve();
    });
  });
}

async function loop(client) {
  while (performance.now() < stopAt) {
    await call(client);
    calls++;
  }
}

const clients = Array.from({ length: connections }, () => new Client(addr, credentials.createInsecure(), { 'grpc.use_local_subchannel_pool': 1 }));
const loops = clients.map(loop);
await new Promise((r) => setTimeout(r, 1000));
const [n0, f0, t0] = [calls, failures, performance.now()];
await new Promise((r) => setTimeout(r, seconds * 1000));
const [n1, f1, t1] = [calls, failures, performance.now()];
stopAt = 0;
await Promise.all(loops);
for (const c of clients) c.close();
console.log(JSON.stringify({ rps: ((n1 - n0) * 1000) / (t1 - t0), failures: f1 - f0 }));
