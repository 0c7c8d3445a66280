/**
 * setup() and teardown() get `ws` too, and a stage ends as an iteration does: once the sockets it
 * opened have closed, so a k6-style setup that returns without awaiting its socket is not cut short.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { SetupContext } from '../../src/api/context.js';
import { consolidate } from '../../src/config/consolidate.js';
import { runStage } from '../../src/lifecycle/run-stage.js';
import { startTestTarget, type RunningTarget } from '../support/test-target.js';

let target: RunningTarget;
beforeAll(async () => (target = await startTestTarget()));
afterAll(() => target.close());

it('setup waits for the socket it opened and did not await, and its messages are recorded', async () => {
  const replies: string[] = [];
  const setup = ({ ws }: SetupContext) => {
    const socket = ws.connect(`${target.wsUrl}/ws/echo`);
    socket.onopen = () => ['a', 'b', 'c'].forEach((m) => socket.send(m));
    socket.onmessage = (e) => {
      replies.push(String(e.data));
      if (replies.length === 3) socket.close();
    };
    return 'ready';
  };
  const script = { mod: { setup }, scriptPath: '/tmp/scenario.ts', env: {} };
  const { result, sink } = await runStage(script, 'setup', consolidate({}, {}, 'volley/test'), undefined, () => {});
  expect(result).toBe('ready');
  expect(replies).toEqual(['a', 'b', 'c']);
  const received = sink.snapshot().find((s) => s.metric === 'ws_msgs_received');
  expect(received?.tags).toContainEqual(['group', '::setup']);
});
