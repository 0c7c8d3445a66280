/**
 * The two parts of undici volley's HTTP client uses, loaded from their own files. undici's index
 * loads all of undici (fetch, web streams, caches, mocks, WebSocket, EventSource): ≈ 115 ms of every
 * load thread's start-up here, against ≈ 40 ms for these two and what they need. The types are the
 * package's own. These paths are undici's layout, not its API: should an update move them, the
 * build (esbuild cannot resolve them) and every test fail at once, nothing half-works.
 */
import type { Client as ClientType, buildConnector as buildConnectorType } from 'undici';
import ClientImpl from 'undici/lib/dispatcher/client.js';
import buildConnectorImpl from 'undici/lib/core/connect.js';

/** undici's HTTP/1.1 Client. */
export const Client = ClientImpl as typeof ClientType;
export type Client = ClientType;

/** undici's connector factory (its `buildConnector.connector` type: import type from 'undici'). */
export const buildConnector = buildConnectorImpl as typeof buildConnectorType;
