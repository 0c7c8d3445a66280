/**
 * Builds the context object a VU (or setup/teardown) hands to the scenario: a client per protocol
 * of the registry (http, ...), check, group, sleep, log, metrics, test, env and the exec-style info.
 * Built once per VU and reused for every iteration; each protocol's client is created on first use,
 * so idle VUs cost little memory.
 *
 * The context, its client context and its metrics recorder are class instances with every field set
 * in the constructor: one hidden class for all VUs, getters on the prototype. Object literals with
 * getters, or properties defined after creation, gave each VU's objects maps of their own or
 * dictionary mode (≈ 2 KB per VU in heap snapshots).
 */
import { format } from 'node:util';
import { setTimeout as sleepMs } from 'node:timers/promises';
import type { BaseContext, Checkers, InstanceInfo, MetricsRecorder, ScenarioInfo, TestControl } from '../api/context.js';
import type { ClientContext, Interrupts, ProtocolClient, VuTags } from '../clients/types.js';
import { CLIENTS, type ClientApis, type ClientOpener } from '../clients/registry.js';
import { signalInterrupts } from '../clients/signal-interrupts.js';
import type { MetricDef } from '../metrics/metric.js';
import type { MetricSink } from '../metrics/sink.js';
import { BUILTIN } from '../metrics/builtin.js';
import type { VuTagState } from './vu-tags.js';
import { TestAbortedError } from './test-abort.js';
import { IterationSignal } from './iteration-signal.js';
import type { VuInfoView } from './vu-info.js';
import { captureSite, type PendingCalls } from './pending-calls.js';

/** What a context needs from the thread that hosts it. */
export interface ContextServices {
  readonly sink: MetricSink;
  /** One per registered protocol, in CLIENTS' order (registry.ts clientOpeners). */
  readonly clients: readonly ClientOpener[];
  now(): number;
  onTestControl(action: 'abort' | 'fail', reason: string): void;
  readonly instance: InstanceInfo;
}

/** A host's abort signal (setup and teardown have one), for contexts that are not a VU's. */
export interface SignalSource {
  readonly signal: AbortSignal;
}

/** A VU's own part of its context: `vu`, setup's data (parsed on first use, a copy per VU), and what its iterations leave running. */
export interface VuBinding {
  readonly info: VuInfoView;
  readonly setupData: string | undefined;
  readonly pending: PendingCalls;
}

/** A context plus what its owner needs to retire it. */
export interface OwnedContext {
  readonly context: BaseContext;
  /** Resolves once the clients this context opened are idle (requests done, WebSockets closed). */
  idle(): Promise<void>;
  /** Closes the protocol clients this context opened. */
  close(): Promise<void>;
}

/** Per-check-name tag objects, shared by every VU of the thread. */
const checkTags = new Map<string, Readonly<Record<string, string>>>();
/** `test` only calls its services: one per services object, not one per VU. */
const testControls = new WeakMap<ContextServices, TestControl>();
const NO_DATA = Symbol('not parsed');

/** Builds a context for one VU (with `vu`) or for setup/teardown; `label` prefixes its log lines (`vu 12`, `setup`). */
export function createContext(
  services: ContextServices,
  tags: VuTagState,
  abort: IterationSignal | SignalSource,
  env: Readonly<Record<string, string | undefined>>,
  scenario: ScenarioInfo,
  label: string,
  vu?: VuBinding,
): OwnedContext {
  const context = vu === undefined ? new Context(services, tags, abort, env, scenario, label, undefined) : new VuContext(services, tags, abort, env, scenario, label, vu);
  return { context, idle: () => context.clientsIdle(), close: () => context.closeClients() };
}

// The protocols' getters (`http`, `ws`, ...) are added to the prototype in its static block.
interface Context extends ClientApis {}

class Context implements BaseContext {
  readonly check: BaseContext['check'];
  readonly group: BaseContext['group'];
  readonly sleep: BaseContext['sleep'];
  readonly log: BaseContext['log'];
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly metrics: MetricsRecorder;
  readonly test: TestControl;
  readonly scenario: ScenarioInfo;
  readonly instance: InstanceInfo;
  #services: ContextServices;
  #clientContext: ClientContext;
  /** The protocol clients opened so far, by registry slot. */
  #clients: (ProtocolClient | undefined)[];
  #pending: PendingCalls | undefined;

  constructor(services: ContextServices, tags: VuTagState, abort: IterationSignal | SignalSource, env: Readonly<Record<string, string | undefined>>, scenario: ScenarioInfo, label: string, pending: PendingCalls | undefined) {
    const interrupts = abort instanceof IterationSignal ? abort : signalInterrupts(abort.signal);
    this.check = <T>(value: T, checkers: Checkers<T>, extra?: Record<string, string>) => runChecks(services.sink, tags, value, checkers, extra);
    this.group = pending === undefined ? <R>(name: string, fn: () => Promise<R> | R) => runGroup(services, tags, name, fn) : <R>(name: string, fn: () => Promise<R> | R) => vuGroup(services, tags, pending, name, fn);
    this.sleep = abort instanceof IterationSignal ? (seconds: number) => vuSleep(abort, pending, seconds) : (seconds: number) => signalSleep(abort.signal, seconds);
    this.log = (...args: unknown[]) => console.log(`[${label}] ${format(...args)}`);
    this.env = env;
    this.metrics = new TaggedMetrics(services.sink, tags);
    this.test = testControlFor(services);
    this.scenario = scenario;
    this.instance = services.instance;
    this.#services = services;
    this.#clientContext = new VuClientContext(services, tags, interrupts);
    this.#clients = [];
    this.#pending = pending;
  }

  // One getter per protocol of the registry (`http`, `ws`, ...) on the prototype: one hidden class
  // for every context, and each property read is a getter call, no lookup by name.
  static {
    for (const [slot, { name }] of CLIENTS.entries()) {
      Object.defineProperty(Context.prototype, name, {
        get(this: Context) {
          return this.#clientAt(slot);
        },
        enumerable: true,
      });
    }
  }

  /** The client in `slot`, opened on first use; the same client every later time (one per VU). */
  #clientAt(slot: number): unknown {
    let client = this.#clients[slot];
    if (client === undefined) client = this.#open(slot);
    return this.#pending?.tracing ? this.#pending.tracedApi(client) : client;
  }

  #open(slot: number): ProtocolClient {
    const opener = this.#services.clients[slot]!;
    const client = (this.#clients[slot] = opener.open(this.#clientContext));
    this.#pending?.addClient(client, opener);
    return client;
  }

  /** Waits, as an iteration's end does (pending-calls.ts), until no opened client is busy. */
  async clientsIdle(): Promise<void> {
    while (this.#clients.some((client) => client?.busy())) await Promise.all(this.#clients.map((client) => client?.idle()));
  }

  async closeClients(): Promise<void> {
    await Promise.all(this.#clients.map((client) => client?.close()));
  }
}

class VuContext extends Context {
  readonly vu: VuInfoView;
  #setupData: string | undefined;
  #data: unknown = NO_DATA;

  constructor(services: ContextServices, tags: VuTagState, abort: IterationSignal | SignalSource, env: Readonly<Record<string, string | undefined>>, scenario: ScenarioInfo, label: string, vu: VuBinding) {
    super(services, tags, abort, env, scenario, label, vu.pending);
    this.vu = vu.info;
    this.#setupData = vu.setupData;
  }

  get data(): unknown {
    if (this.#data === NO_DATA) this.#data = this.#setupData === undefined ? undefined : JSON.parse(this.#setupData);
    return this.#data;
  }
}

class VuClientContext implements ClientContext {
  readonly sink: MetricSink;
  readonly tags: VuTags;
  readonly interrupts: Interrupts;
  readonly now: () => number;
  constructor(services: ContextServices, tags: VuTags, interrupts: Interrupts) {
    this.sink = services.sink;
    this.tags = tags;
    this.interrupts = interrupts;
    this.now = services.now;
  }
}

/** `metrics` of a context: a method on the prototype rather than a closure per VU. */
class TaggedMetrics implements MetricsRecorder {
  readonly #sink: MetricSink;
  readonly #tags: VuTagState;
  constructor(sink: MetricSink, tags: VuTagState) {
    this.#sink = sink;
    this.#tags = tags;
  }
  add(metric: MetricDef, value: number | boolean, extra?: Record<string, string>): void {
    addMetric(this.#sink, this.#tags, metric, value, extra);
  }
}

function testControlFor(services: ContextServices): TestControl {
  let test = testControls.get(services);
  if (test === undefined) {
    test = {
      abort(reason = '') {
        services.onTestControl('abort', String(reason));
        throw new TestAbortedError(String(reason));
      },
      fail(reason = '') {
        services.onTestControl('fail', String(reason));
      },
    };
    testControls.set(services, test);
  }
  return test;
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

/** Its name is looked for in stacks: pending-calls.ts tells a call made in a group's body by it. */
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

/** A VU's group: the iteration knows it is running until it ends, and a traced iteration records where it was called. */
function vuGroup<R>(services: ContextServices, tags: VuTagState, pending: PendingCalls, name: string, fn: () => Promise<R> | R): Promise<R> {
  const outermost = tags.group === '';
  const promise = runGroup(services, tags, name, fn);
  pending.groupStarted(promise, outermost);
  if (pending.tracing) pending.track('group', 'group()', promise, captureSite('group()'));
  return promise;
}

function vuSleep(signal: IterationSignal, pending: PendingCalls | undefined, seconds: number): Promise<void> {
  const ms = Number(seconds) * 1000;
  if (!(ms > 0)) return Promise.resolve();
  const sleep = signal.sleep(ms);
  if (pending?.tracing) pending.track('sleep', 'sleep()', sleep, captureSite('sleep()'));
  return sleep;
}

function signalSleep(signal: AbortSignal, seconds: number): Promise<void> {
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
