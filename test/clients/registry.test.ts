/**
 * The client seam: each registered protocol is a getter on every context, opening its client on
 * first use and reusing it; the context's owner closes what was opened through the seam.
 */
import { describe, expect, it } from 'vitest';
import { CLIENTS, clientOpeners } from '../../src/clients/registry.js';
import type { ClientOpener } from '../../src/clients/registry.js';
import type { ProtocolClient } from '../../src/clients/types.js';
import { consolidate } from '../../src/config/consolidate.js';
import { createContext, type ContextServices } from '../../src/worker/iteration-context.js';
import { TagCache, VuTagState } from '../../src/worker/vu-tags.js';
import { WorkerMetrics } from '../../src/metrics/worker-metrics.js';

/** A client that counts how often it was opened and closed. */
function countingOpener(name: string, log: string[]): ClientOpener {
  return {
    name,
    open: (): ProtocolClient => {
      log.push(`open ${name}`);
      return { busy: () => false, idle: async () => {}, close: async () => void log.push(`close ${name}`) };
    },
    traced: undefined,
    wording: undefined,
  };
}

function contextWith(clients: readonly ClientOpener[]) {
  const services: ContextServices = {
    sink: new WorkerMetrics(() => {}),
    clients,
    now: () => performance.now(),
    onTestControl: () => {},
    instance: { vusActive: 0, vusInitialized: 0, iterationsCompleted: 0, iterationsInterrupted: 0, currentTestRunDuration: 0 },
  };
  const scenario = { name: '', executor: '', startTime: 0, iterationInTest: 0, progress: 0 };
  return createContext(services, new VuTagState(new TagCache({})), { signal: new AbortController().signal }, {}, scenario, 'setup');
}

describe('client registry', () => {
  it('binds one opener per registered protocol, in the registry order', () => {
    const openers = clientOpeners(consolidate({}, {}, 'volley/test'));
    expect(openers.map((o) => o.name)).toEqual(CLIENTS.map((c) => c.name));
    expect(openers.map((o) => o.name)).toContain('http');
  });

  it('opens a protocol client on first use only, reuses it, and closes it with the context', async () => {
    const log: string[] = [];
    const owned = contextWith(CLIENTS.map((c) => countingOpener(c.name, log)));
    expect(log).toEqual([]); // nothing opened for a context that never used a protocol
    const first = owned.context.http;
    expect(owned.context.http).toBe(first);
    expect(log).toEqual(['open http']);
    await owned.close();
    expect(log).toEqual(['open http', 'close http']);
  });

  it('shows every protocol as a property of the context', () => {
    const owned = contextWith(CLIENTS.map((c) => countingOpener(c.name, [])));
    for (const { name } of CLIENTS) expect(name in owned.context).toBe(true);
  });
});
