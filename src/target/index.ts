/** The embedded demo target: what the CLI (`volley target`, `volley demo`) and tests import. */
export { startTarget } from './start-target.js';
export { describeTarget } from './describe-target.js';
export { DEFAULT_GRPC_PORT, DEFAULT_HOST, DEFAULT_HTTP_PORT, validateTargetOptions } from './target-options.js';
export { DEMO_PROTO, DEMO_SERVICE } from './grpc-target.js';
export { MAX_STREAM_COUNT } from './grpc-demo.js';
export { parseTargetArgs } from './parse-target-args.js';
export { JSON_DOCUMENT } from './fixed-routes.js';
export { MAX_DELAY_MS } from './delay-route.js';
export { MAX_BYTES } from './bytes-route.js';
export { MAX_ECHO_BODY } from './echo-route.js';
export { OVERFLOW_PATH } from './request-stats.js';
export { WS_ECHO_PATH } from './ws-echo.js';
export type { RunningTarget } from './start-target.js';
export type { TargetOptions } from './target-options.js';
export type { CapacitySettings, CapacityStats } from './capacity-model.js';
export type { EchoDocument } from './echo-route.js';
