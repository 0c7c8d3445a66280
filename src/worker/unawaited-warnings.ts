/**
 * The warnings for calls a script did not await (`http.get()`, `sleep()`, `group()`), once per call
 * site, naming the user's file and line. An iteration that ends with calls running (pending-calls.ts)
 * is reported here; its calls' sites are known only if that iteration was traced. So the first such
 * iteration asks for the VU's next iteration to be traced, and the warning names the line once
 * that call site runs again. Tracing is asked for at the 1st, 2nd, 4th, 8th, … untraced iteration
 * of the worker that left calls running, so a script that never awaits costs a few dozen stacks in a
 * long run, and a call site that only starts misbehaving later is still found. A kind of call seen
 * running in a scenario but never named there (its site did not run again) gets a warning without a
 * line at the end.
 */
import { CLIENTS } from '../clients/registry.js';
import type { CallWording } from '../clients/types.js';
import { callerLine } from './script-error.js';
import type { CallKind, UnawaitedCall } from './pending-calls.js';

/** Distinct call sites warned about, at most (a generated script must not flood the output). */
const MAX_SITES = 100;

/** How warnings speak of each kind of call: the context's own, and each protocol's (registry.ts). */
const WORDING: ReadonlyMap<CallKind, CallWording> = new Map<CallKind, CallWording>([
  ['sleep', { example: 'sleep()', unnamed: 'sleep()', awaited: (call) => `await ${call.replace('()', '(...)')}` }],
  ['group', { example: 'group()', unnamed: 'group()', awaited: () => "await group('name', async () => { ... })" }],
  ...CLIENTS.flatMap((c): [CallKind, CallWording][] => (c.wording ? [[c.name, c.wording]] : [])),
]);

/** How to write a call awaited, for the warning's hint: `http.post()` → `const res = await http.post(...)`. */
function awaited(kind: CallKind, call: string): string {
  return WORDING.get(kind)?.awaited(call) ?? `await ${call.replace('()', '(...)')}`;
}

/** What a scenario's VUs report to (UnawaitedWarnings.forScenario). */
export interface UnawaitedReporter {
  /**
   * An iteration's function settled with calls still running: `calls` those a traced iteration
   * recorded, `untraced` the kinds running in an iteration that was not traced. Returns whether
   * the VU should trace its next iteration.
   */
  report(calls: readonly UnawaitedCall[], untraced: readonly CallKind[]): boolean;
}

export class UnawaitedWarnings {
  readonly #scriptPath: string;
  readonly #warn: (key: string, message: string) => void;
  readonly #warned = new Set<string>();
  /** Per scenario, the kinds of call with a site named, and the kinds seen running in an untraced iteration. */
  readonly #named = new Map<string, Set<CallKind>>();
  readonly #seen = new Map<string, Set<CallKind>>();
  #untraced = 0;

  constructor(scriptPath: string, warn: (key: string, message: string) => void) {
    this.#scriptPath = scriptPath;
    this.#warn = warn;
  }

  /** The reporter for the VUs of `scenario`. */
  forScenario(scenario: string): UnawaitedReporter {
    const named = setIn(this.#named, scenario);
    const seen = setIn(this.#seen, scenario);
    return {
      report: (calls, untraced) => {
        for (const c of calls) named.add(c.kind), this.#warnAt(c);
        if (untraced.length === 0) return false;
        for (const kind of untraced) seen.add(kind);
        this.#untraced++;
        return (this.#untraced & (this.#untraced - 1)) === 0;
      },
    };
  }

  /** At the end of the run: kinds seen running in a scenario whose call site was never traced there get a warning without a line. */
  finish(): void {
    for (const [scenario, kinds] of this.#seen) {
      for (const kind of kinds) {
        if (this.#named.get(scenario)?.has(kind)) continue;
        const wording = WORDING.get(kind);
        const hint = awaited(kind, wording?.example ?? `${kind}()`);
        this.#warn(`unawaited:${scenario}:${kind}`, `${wording?.unnamed ?? kind} was not awaited in scenario ${scenario}; its line is named when the call runs again, and it did not (write \`${hint}\`). The iteration waited for it to finish`);
      }
    }
  }

  #warnAt(c: UnawaitedCall): void {
    const where = callerLine(c.site.stack, this.#scriptPath) ?? 'an unknown line';
    const key = `unawaited:${c.call}@${where}`;
    if (this.#warned.has(key) || this.#warned.size >= MAX_SITES) return;
    this.#warned.add(key);
    this.#warn(key, `${c.call} was not awaited at ${where} (it returns a Promise: write \`${awaited(c.kind, c.call)}\`). The iteration waited for it to finish`);
  }
}

function setIn<K, V>(map: Map<K, Set<V>>, key: K): Set<V> {
  let set = map.get(key);
  if (set === undefined) map.set(key, (set = new Set()));
  return set;
}
