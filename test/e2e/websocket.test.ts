/**
 * Acceptance (issue 15): WebSocket sessions from the iteration context against the embedded target,
 * through `volley run`: exact message and session counts with a ws_connecting threshold setting the
 * exit code; a k6-style iteration that returns without awaiting its socket; sessions still open at
 * the end of the duration, and at ^C, closed and counted; bad input that is counted while the run
 * goes on. Every run has a hard outer limit (the child is killed past it).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { join } from 'node:path';
import { runVolley, spawnVolley } from '../support/run-volley.js';
import { startTestTarget, type RunningTarget } from '../support/test-target.js';
import { scenarioFile } from '../support/scenario-file.js';
import { metricValue, readSummary } from '../support/summary-export.js';
import { refusedPort } from '../support/refused-port.js';

let target: RunningTarget;
beforeAll(async () => (target = await startTestTarget()));
afterAll(() => target.close());

/** Runs `source` against the target with a summary export; returns the result and the summary. */
async function run(source: string, args: string[] = []) {
  const { dir, path } = await scenarioFile(source);
  const exported = join(dir, 'summary.json');
  const res = await runVolley(['run', path, '-e', `WS_URL=${target.wsUrl}`, '--summary-export', exported, ...args], { timeoutMs: 30_000 });
  return { res, summary: await readSummary(exported) };
}

it('20 VUs × 50 echo messages: exactly 1,000 sent and received, 20 sessions with status 101; a ws_connecting threshold sets the exit code', async () => {
  const { res, summary } = await run(`
import type { Iteration } from 'volley';
export const options = {
  scenarios: { chat: { executor: 'per-vu-iterations', vus: 20, iterations: 1 } },
  thresholds: {
    ws_connecting: ['max<0'],
    'ws_sessions{status:101}': ['count==20'],
    ws_msgs_sent: ['count==1000'],
    ws_msgs_received: ['count==1000'],
  },
};
export default async function ({ ws, env }: Iteration) {
  const socket = ws.connect(env.WS_URL + '/ws/echo');
  let replies = 0;
  socket.onopen = () => socket.send('0');
  socket.onmessage = () => (++replies === 50 ? socket.close() : socket.send(String(replies)));
  await socket.closed;
}
`, ['--workers', '2']);
  expect(res.code, res.stderr).toBe(99);
  expect(metricValue(summary, 'ws_msgs_sent', 'count')).toBe(1000);
  expect(metricValue(summary, 'ws_msgs_received', 'count')).toBe(1000);
  expect(metricValue(summary, 'ws_sessions{status:101}', 'count')).toBe(20);
  expect(summary.metrics.ws_connecting?.thresholds?.['max<0']?.ok).toBe(false);
  expect(summary.metrics.ws_msgs_received?.thresholds?.['count==1000']?.ok).toBe(true);
  expect(metricValue(summary, 'ws_session_duration', 'count')).toBe(20);
});

it('an iteration that sends from onopen, closes after the 10th reply and returns without awaiting: every reply counted for each VU', async () => {
  const { res, summary } = await run(`
import { Counter } from 'volley';
import type { Iteration } from 'volley';
export const options = {
  scenarios: { k6style: { executor: 'per-vu-iterations', vus: 5, iterations: 2 } },
  thresholds: Object.fromEntries([1, 2, 3, 4, 5].map((vu) => ['replies{vu:' + vu + '}', ['count==20']])),
};
const replies = new Counter('replies');
export default function ({ ws, env, metrics, vu }: Iteration) {
  const socket = ws.connect(env.WS_URL + '/ws/echo');
  let n = 0;
  socket.onopen = () => {
    for (let i = 0; i < 10; i++) socket.send('m' + i);
  };
  socket.onmessage = () => {
    metrics.add(replies, 1, { vu: String(vu.idInTest) });
    if (++n === 10) socket.close();
  };
}
`);
  expect(res.code, res.stderr).toBe(0);
  expect(res.stderr).not.toContain('not awaited');
  expect(summary.state.iterations).toEqual({ complete: 10, interrupted: 0 });
  expect(metricValue(summary, 'ws_msgs_received', 'count')).toBe(100);
  expect(metricValue(summary, 'replies', 'count')).toBe(100);
  for (let vu = 1; vu <= 5; vu++) expect(metricValue(summary, `replies{vu:${vu}}`, 'count')).toBe(20);
  expect(metricValue(summary, 'ws_session_duration', 'count')).toBe(10);
});

it('a session still open at the end of the duration is closed within gracefulStop and counted', async () => {
  const started = performance.now();
  const { res, summary } = await run(`
import type { Iteration } from 'volley';
export const options = { scenarios: { feed: { executor: 'constant-vus', vus: 2, duration: '1s', gracefulStop: '1s' } } };
export default function ({ ws, env }: Iteration) {
  const socket = ws.connect(env.WS_URL + '/ws/broadcast?every=50');
  socket.onmessage = () => {};
}
`);
  expect(res.code, res.stderr).toBe(0);
  expect(summary.state.iterations).toEqual({ complete: 0, interrupted: 2 });
  expect(metricValue(summary, 'ws_sessions', 'count')).toBe(2);
  expect(metricValue(summary, 'ws_session_duration', 'count')).toBe(2);
  // Open through the duration and the gracefulStop (2 s), closed right after it.
  expect(metricValue(summary, 'ws_session_duration', 'min')).toBeGreaterThan(1500);
  expect(metricValue(summary, 'ws_session_duration', 'max')).toBeLessThan(4000);
  expect(metricValue(summary, 'ws_msgs_received', 'count')).toBeGreaterThan(20);
  expect(performance.now() - started).toBeLessThan(25_000);
});

it('^C closes the sessions still open, counts them, and exits 105', async () => {
  const { dir, path } = await scenarioFile(`
import type { Iteration } from 'volley';
export const options = { scenarios: { feed: { executor: 'constant-vus', vus: 2, duration: '60s', gracefulStop: '500ms' } } };
export default function ({ ws, env }: Iteration) {
  ws.connect(env.WS_URL + '/ws/broadcast?every=50').onmessage = () => {};
}
`);
  const exported = join(dir, 'summary.json');
  const proc = spawnVolley(['run', path, '-e', `WS_URL=${target.wsUrl}`, '--summary-export', exported], { timeoutMs: 20_000 });
  await new Promise((resolve) => setTimeout(resolve, 1500));
  proc.child.kill('SIGINT');
  const res = await proc.result;
  expect(res.code, res.stderr).toBe(105);
  const summary = await readSummary(exported);
  expect(metricValue(summary, 'ws_sessions', 'count')).toBe(2);
  expect(metricValue(summary, 'ws_session_duration', 'count')).toBe(2);
});

it('bad input is an error event and a rejection with a sentence, counted with its status, and the run goes on', async () => {
  const refused = `ws://127.0.0.1:${await refusedPort()}/`;
  const { res, summary } = await run(`
import type { Iteration } from 'volley';
export const options = {
  iterations: 1,
  thresholds: {
    'ws_sessions{status:0}': ['count==2'],
    'ws_sessions{status:404}': ['count==1'],
    'ws_sessions{status:101}': ['count==2'],
    checks: ['rate==1'],
  },
};
async function failure(socket: ReturnType<Iteration['ws']['connect']>): Promise<string> {
  let event = '';
  socket.onerror = (e) => (event = e.error);
  const rejection = await socket.closed.then(() => 'resolved', (err: Error) => err.message);
  return event === rejection ? event : 'event and rejection differ: ' + event + ' / ' + rejection;
}
export default async function ({ ws, env, check }: Iteration) {
  const http = await failure(ws.connect(env.WS_URL.replace('ws:', 'http:') + '/ws/echo'));
  const refused = await failure(ws.connect('${refused}'));
  const missing = await failure(ws.connect(env.WS_URL + '/nowhere'));
  const early = ws.connect(env.WS_URL + '/ws/echo');
  let thrown = '';
  try { early.send('too soon'); } catch (err) { thrown = (err as Error).name + ': ' + (err as Error).message; }
  early.onopen = () => early.close();
  await early.closed;
  const throwing = ws.connect(env.WS_URL + '/ws/echo');
  throwing.onopen = () => throwing.send('x');
  throwing.onmessage = () => {
    throw new Error('handler boom');
  };
  const ended = await throwing.closed.then((e) => e.code, () => -1);
  check(null, {
    'a throwing handler ends its session': () => ended === 1006,
    'http scheme': () => /needs a ws:\\/\\/ or wss:\\/\\/ URL .*: write ws:\\/\\//.test(http),
    refused: () => refused.endsWith('connection refused (ECONNREFUSED)'),
    'upgrade 404': () => missing.includes('with 404 Not Found instead of 101'),
    'send before open': () => thrown.startsWith('InvalidStateError: send() while the WebSocket is CONNECTING'),
  });
}
`);
  expect(res.code, res.stderr + res.stdout).toBe(0);
  expect(metricValue(summary, 'checks', 'rate')).toBe(1);
  expect(metricValue(summary, 'ws_sessions', 'count')).toBe(5);
  // The handler's exception is the script's error, counted and printed with its line.
  expect(res.stderr).toMatch(/threw Error: handler boom\n\s+at .*scenario\.ts:\d+/);
});
