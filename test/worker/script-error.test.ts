import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { thrownByVolley } from '../../src/worker/script-error.js';
import { PACKAGE_ROOT } from '../../src/install-paths.js';

const root = fileURLToPath(PACKAGE_ROOT);
const withStack = (...frames: string[]) => Object.assign(new Error('x'), { stack: ['Error: x', ...frames.map((f) => `    at ${f}`)].join('\n') });

describe('thrownByVolley', () => {
  it("is true when every frame is volley's (bundle, source-mapped source, bundled package) or node's", () => {
    expect(thrownByVolley(withStack(`flush (file://${root}dist/volley-load-worker.js:10:5)`, `Timeout.next (${root}src/worker/load-worker.ts:3:1)`, 'listOnTimeout (node:internal/timers:581:17)'))).toBe(true);
    expect(thrownByVolley(withStack(`x (${root}node_modules/undici/lib/core/util.js:1:1)`, 'new Promise (<anonymous>)'))).toBe(true);
  });

  it("is false when a frame is the script's or one of its packages', or there is no stack", () => {
    expect(thrownByVolley(withStack('Timeout._onTimeout (/tmp/s/scenario.ts:6:30)', 'listOnTimeout (node:internal/timers:581:17)'))).toBe(false);
    expect(thrownByVolley(withStack('f (/home/u/proj/node_modules/lib/index.js:1:1)', `g (${root}dist/volley-load-worker.js:1:1)`))).toBe(false);
    expect(thrownByVolley('a string')).toBe(false);
    expect(thrownByVolley(Object.assign(new Error('x'), { stack: 'Error: x' }))).toBe(false);
  });
});
