/**
 * Client-side server reflection, as k6's `reflect: true`: lists the server's services and fetches
 * the files that define them (and what those import), over grpc.reflection.v1, falling back to
 * v1alpha for servers that only have it. The files become Protos as loadProtos() makes them.
 */
import { loadFileDescriptorSetFromBuffer } from '@grpc/proto-loader';
import type { Client, StatusObject } from '@grpc/grpc-js';
import type { CallPlan } from './call-params.js';
import { GrpcConnectError } from './grpc-errors.js';
import { LOADER_OPTIONS, protosOf, type Protos } from './protos.js';
import { fileHeader, fileSet, reflectionMethod, type ReflectionResponse } from './reflection-schema.js';
import { StatusUnavailable, StatusUnimplemented } from './status.js';
import { errorOf, metadataOf } from './unary-call.js';

/** The services `client`'s server reflects, as Protos; throws GrpcConnectError. */
export async function reflect(client: Client, addr: string, metadata: CallPlan['metadata'], deadline: number): Promise<Protos> {
  try {
    return await reflectWith('v1', client, metadata, deadline);
  } catch (err) {
    if (!(err instanceof Unimplemented)) throw describe(err, addr);
  }
  try {
    return await reflectWith('v1alpha', client, metadata, deadline);
  } catch (err) {
    throw describe(err, addr);
  }
}

class Unimplemented extends Error {}

function describe(err: unknown, addr: string): GrpcConnectError {
  const message = err instanceof Error ? err.message : String(err);
  return new GrpcConnectError(`grpc.connect(${addr}) with reflect: ${message}`, err instanceof Unimplemented ? StatusUnimplemented : StatusUnavailable, err instanceof Unimplemented ? 'the server has no reflection service: load its protos with loadProtos() instead' : undefined);
}

/** One reflection conversation: a request, then its response, in turn. */
async function reflectWith(version: 'v1' | 'v1alpha', client: Client, metadata: CallPlan['metadata'], deadline: number): Promise<Protos> {
  const method = reflectionMethod(version);
  const call = client.makeBidiStreamRequest(method.path, method.requestSerialize, method.responseDeserialize, metadataOf(metadata), { deadline });
  // The server answers each request with one response, in order: one request is asked at a time.
  let answer: { resolve(r: ReflectionResponse): void; reject(e: Error): void } | undefined;
  let failure: Error | undefined;
  call.on('data', (r: ReflectionResponse) => answer?.resolve(r));
  call.on('error', () => {});
  call.on('status', (status: StatusObject) => {
    failure = status.code === StatusUnimplemented ? new Unimplemented(`${version}: ${status.details}`) : new Error(`${errorOf(status).message} (status ${status.code})`);
    answer?.reject(failure);
  });
  const ask = async (request: object): Promise<ReflectionResponse> => {
    if (failure) throw failure;
    const response = new Promise<ReflectionResponse>((resolve, reject) => (answer = { resolve, reject }));
    call.write(request);
    return checked(await response);
  };
  try {
    const listed = (await ask({ listServices: '*' })).listServicesResponse?.service ?? [];
    const services = listed.map((s) => s.name).filter((name) => !name.startsWith('grpc.reflection.'));
    const files = new Map<string, Buffer>();
    const missing: string[] = [];
    const add = (bytes: Buffer[]) => {
      for (const b of bytes) {
        const { name, dependency } = fileHeader(b);
        files.set(name, b);
        missing.push(...dependency);
      }
    };
    for (const service of services) add((await ask({ fileContainingSymbol: service })).fileDescriptorResponse?.fileDescriptorProto ?? []);
    for (let dep = missing.shift(); dep !== undefined; dep = missing.shift()) {
      if (!files.has(dep)) add((await ask({ fileByFilename: dep })).fileDescriptorResponse?.fileDescriptorProto ?? []);
    }
    return protosOf(loadFileDescriptorSetFromBuffer(fileSet([...files.values()]), LOADER_OPTIONS));
  } finally {
    call.end();
  }
}

function checked(r: ReflectionResponse): ReflectionResponse {
  if (r.errorResponse) throw new Error(`the server's reflection answered: ${r.errorResponse.errorMessage} (code ${r.errorResponse.errorCode})`);
  return r;
}
