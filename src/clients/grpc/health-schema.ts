/**
 * grpc.health.v1 Health/Check as a protobufjs JSON schema (the client needs only Check): the
 * standard health service every gRPC server may offer, and the demo target does.
 */
import { fromJSON } from '@grpc/proto-loader';
import type { Method } from './protos.js';

const SCHEMA: Parameters<typeof fromJSON>[0] = {
  nested: {
    grpc: {
      nested: {
        health: {
          nested: {
            v1: {
              nested: {
                HealthCheckRequest: { fields: { service: { type: 'string', id: 1 } } },
                HealthCheckResponse: { fields: { status: { type: 'ServingStatus', id: 1 } } },
                ServingStatus: { values: { UNKNOWN: 0, SERVING: 1, NOT_SERVING: 2, SERVICE_UNKNOWN: 3 } },
                // protobufjs's typings require `comment` on a method.
                Health: { methods: { Check: { requestType: 'HealthCheckRequest', responseType: 'HealthCheckResponse', comment: '' } } },
              },
            },
          },
        },
      },
    },
  },
};

let check: Method | undefined;

/** `/grpc.health.v1.Health/Check`; its response's `status` is the serving status's number. */
export function healthCheckMethod(): Method {
  return (check ??= (fromJSON(SCHEMA, { defaults: true })['grpc.health.v1.Health'] as Record<string, Method>).Check!);
}
