/**
 * Builds the context object a VU (or setup/teardown) hands to the scenario: http, check, group,
 * sleep, log, metrics, test, env and the exec-style info. Built once per VU and reused for every
 * iteration; the HTTP client is created on first use, so idle VUs cost little memory.
 */
import { format } from 'node:util';
import { setTimeout as sleepMs } from 'node:timers/promises';
import type { BaseContext, Checkers, InstanceInfo, ScenarioInfo } from '../api/context.js';
import type { Http } from '../api/http.js';
import type { ClientContext, HttpDefaults, ProtocolClient } from '../clients/types.js';
import type { MetricDef } from '../metrics/metric.js';
import type { MetricSink } from '../metrics/sink.js';
import { BUILTIN } from '../metrics/builtin.js';
import type { VuTagState } from './vu-tags.js';
import { TestAbortedError } from './test-abort.js';
import type { SignalSource } from './iteration-signal.js';

/** What a context needs from the thread that hosts it. */
export interface ContextServices {
  readonly sink: MetricSink;
  readonly httpDefaults: HttpDefaults;
  now(): number;
  createHttp(ctx: ClientContext): Http & ProtocolClient;
  onTestControl(action: 'abort' | 'fail', reason: string): void;
  readonly instance: InstanceInfo;
}

/** A context plus what its owner needs to retire it. */
export interface OwnedContext {
  readonly context: BaseContext;
  /** Closes the protocol clients this context opened. */
  close(): Promise<void>;
}

/** Per-check-name tag objects, shared by every VU of the thread. */
const checkTags = new Map<string, Readonly<Record<string, string>>>();

/** Builds a context for one VU; `label` prefixes its log lines (`vu 12`, `setup`). */
export function createContext(
  services: ContextServices,
  tags: VuTagState,
  abort: SignalSource,
  env: Readonly<Record<string, string | undefined>>,
  scenario: ScenarioInfo,
  label: string,
): OwnedContext {
  let http: (Http & ProtocolClient) | undefined;
  const clientContext: ClientContext = {
    sink: services.sink,
    tags,
    get signal() {
      return abort.signal;
    },
    http: services.httpDefaults,
    now: services.now,
  };
  const context: BaseContext = {
    get http() {
      return (http ??= services.createHttp(clientContext));
    },
    check: <T>(value: T, checkers: Checkers<T>, extra?: Record<string, string>) => runChecks(services.sink, tags, value, checkers, extra),
    group: <R>(name: string, fn: () => Promise<R> | R) => runGroup(services, tags, name, fn),
    sleep: (seconds: number) => sleep(seconds, abort.signal),
    log: (...args: unknown[]) => console.log(`[${label}] ${format(...args)}`),
    env,
    metrics: { add: (metric: MetricDef, value: number | boolean, extra?: Record<string, string>) => addMetric(services.sink, tags, metric, value, extra) },
    test: {
      abort(reason = '') {
        services.onTestControl('abort', String(reason));
        throw new TestAbortedError(String(reason));
      },
      fail(reason = '') {
        services.onTestControl('fail', String(reason));
      },
    },
    scenario,
    instance: services.instance,
  };
  return { context, close: async () => http?.close() };
}

function runChecks<T>(sink: MetricSink, tags: VuTagState, value: T, checkers: Checkers<T>, extra: Record<string, string> | undefined): boolean {
  let all = true;
  for (const name in checkers) {
    const ok = Boolean(checkers[name]!(value));
    let nameTags = checkTags.get(name);
    if (!nameTags) checkTags.set(name, (nameTags = Object.freeze({ check: name })));
    sink.add(BUILTIN.checks, ok ? 1 : 0, tags.with(extra ? { ...extra, check: name } : nameTags));
    all &&= ok;
  }
  return all;
}

async function runGroup<R>(services: ContextServices, tags: VuTagState, name: string, fn: () => Promise<R> | R): Promise<R> {
  if (typeof name !== 'string' || name === '' || name.includes('::')) throw new Error(`invalid group name ${JSON.stringify(name)}: a non-empty name without '::'`);
  const previous = tags.enterGroup(name);
  const started = services.now();
  try {
    return await fn();
  } finally {
    services.sink.add(BUILTIN.group_duration, services.now() - started, tags.current);
    tags.leaveGroup(previous);
  }
}

function sleep(seconds: number, signal: AbortSignal): Promise<void> {
  const ms = Number(seconds) * 1000;
  if (!(ms > 0)) return Promise.resolve();
  return sleepMs(ms, undefined, { signal }).catch(() => undefined);
}

function addMetric(sink: MetricSink, tags: VuTagState, metric: MetricDef, value: number | boolean, extra?: Record<string, string>): void {
  if (!metric || typeof metric.name !== 'string' || typeof metric.kind !== 'string') {
    throw new Error('metrics.add() takes a metric created in init code: new Trend(name), Counter, Rate or Gauge');
  }
  const n = typeof value === 'boolean' ? Number(value) : value;
  if (typeof n !== 'number' || Number.isNaN(n)) throw new Error(`metrics.add(${metric.name}, ...) needs a number (got ${String(value)})`);
  sink.add(metric, n, tags.with(extra));
}
