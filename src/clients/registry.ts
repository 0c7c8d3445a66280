/**
 * Every protocol volley speaks, one line each: adding one is a folder under src/clients/ exporting
 * a ClientFactory and a line here. The contexts (iteration, setup, teardown) get one lazily built
 * client per entry, under the entry's name, and close them through the seam.
 */
import type { ResolvedOptions } from '../config/options.js';
import type { CallTracker, CallWording, ClientContext, ClientFactory, ProtocolClient } from './types.js';
import { httpClient } from './http/index.js';
import { wsClient } from './ws/index.js';
import { grpcClient } from './grpc/index.js';

/** The protocols, in the order of their slots on a context. */
export const CLIENTS = [httpClient, wsClient, grpcClient] as const;

type Registered = (typeof CLIENTS)[number];

/** The protocols' APIs by name, as a context offers them: `{ http: Http, ... }`. */
export type ClientApis = {
  readonly [F in Registered as F['name']]: F extends ClientFactory<string, infer Api, infer _Defaults> ? Api : never;
};

/** A protocol with this run's defaults bound: what a context opens its clients with. */
export interface ClientOpener {
  readonly name: string;
  open(ctx: ClientContext): ProtocolClient;
  /** The client's API with its calls recorded (ClientFactory.traced); absent when the protocol has none. */
  readonly traced: ((client: ProtocolClient, track: CallTracker) => unknown) | undefined;
  readonly wording: CallWording | undefined;
}

/** One opener per registered protocol, in CLIENTS' order, with its defaults computed once from `options`. */
export function clientOpeners(options: ResolvedOptions): readonly ClientOpener[] {
  // Each entry binds its own Api and Defaults; seen through the union, they are unknown.
  return CLIENTS.map((factory: ClientFactory<string, unknown, unknown>) => bind(factory, options));
}

function bind<Api, Defaults>(factory: ClientFactory<string, Api, Defaults>, options: ResolvedOptions): ClientOpener {
  const defaults = factory.defaults(options);
  const traced = factory.traced;
  return {
    name: factory.name,
    open: (ctx) => factory.create(ctx, defaults),
    // The client is the API the factory built (create returns Api & ProtocolClient).
    traced: traced && ((client, track) => traced(client as unknown as Api, track)),
    wording: factory.wording,
  };
}
