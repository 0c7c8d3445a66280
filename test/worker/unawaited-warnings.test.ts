import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { DIST_URL } from '../../src/install-paths.js';
import { UnawaitedWarnings } from '../../src/worker/unawaited-warnings.js';
import type { CallKind, UnawaitedCall } from '../../src/worker/pending-calls.js';

const SCRIPT = '/work/load/scenario.ts';
const DIST = fileURLToPath(DIST_URL);

/** A call as a traced iteration records it: its stack passes through volley, then the script's line. */
function call(kind: CallKind, name: string, line: number, file = SCRIPT): UnawaitedCall {
  const site = new Error(name);
  site.stack = `Error: ${name}\n    at captureSite (${DIST}worker/pending-calls.js:40:16)\n    at TracedHttp.get (${DIST}worker/pending-calls.js:140:12)\n    at habits (file://${file}:${line}:20)\n    at Vu.runIteration (${DIST}worker/vu.js:70:27)`;
  return { kind, call: name, site };
}

function warnings() {
  const printed: { once: string; text: string }[] = [];
  return { printed, warnings: new UnawaitedWarnings(SCRIPT, (once, text) => printed.push({ once, text })) };
}

describe('UnawaitedWarnings', () => {
  it('names the call and the script line, once per call site', () => {
    const { printed, warnings: w } = warnings();
    const r = w.forScenario('s');
    r.report([call('http', 'http.post()', 12)], []);
    r.report([call('http', 'http.post()', 12), call('sleep', 'sleep()', 14)], []);
    expect(printed.map((p) => p.text)).toEqual([
      'http.post() was not awaited at scenario.ts:12 (it returns a Promise: write `const res = await http.post(...)`). The iteration waited for it to finish',
      'sleep() was not awaited at scenario.ts:14 (it returns a Promise: write `await sleep(...)`). The iteration waited for it to finish',
    ]);
    expect(new Set(printed.map((p) => p.once)).size).toBe(2);
  });

  it('names a line in another of the user’s modules relative to the scenario', () => {
    const { printed, warnings: w } = warnings();
    w.forScenario('s').report([call('http', 'http.get()', 3, '/work/load/lib/api.ts')], []);
    expect(printed[0]?.text).toContain('http.get() was not awaited at lib/api.ts:3 ');
  });

  it('asks for the next iteration to be traced after the 1st, 2nd, 4th, 8th … untraced one that left calls running', () => {
    const { warnings: w } = warnings();
    const a = w.forScenario('a');
    const b = w.forScenario('b');
    const asked = Array.from({ length: 16 }, (_, i) => (i % 2 ? a : b).report([], ['http']));
    expect(asked.flatMap((t, i) => (t ? [i + 1] : []))).toEqual([1, 2, 4, 8, 16]);
    expect(a.report([call('http', 'http.get()', 5)], [])).toBe(false);
  });

  it('warns at the end, without a line, about a kind seen running in a scenario that never named it', () => {
    const { printed, warnings: w } = warnings();
    w.forScenario('named').report([], ['sleep']);
    w.forScenario('named').report([call('sleep', 'sleep()', 9)], []);
    w.forScenario('once').report([], ['sleep', 'group']);
    printed.length = 0;
    w.finish();
    expect(printed.map((p) => p.text)).toEqual([
      "sleep() was not awaited in scenario once; its line is named when the call runs again, and it did not (write `await sleep(...)`). The iteration waited for it to finish",
      "group() was not awaited in scenario once; its line is named when the call runs again, and it did not (write `await group('name', async () => { ... })`). The iteration waited for it to finish",
    ]);
  });
});
