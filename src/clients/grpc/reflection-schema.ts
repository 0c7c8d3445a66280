/**
 * The part of the server reflection protocol (grpc.reflection v1 and v1alpha: the same messages
 * under two packages) the client uses, as a protobufjs JSON schema, plus two helper messages that
 * read a FileDescriptorProto's name and imports and write a FileDescriptorSet. Written here rather
 * than loaded from another package's proto files, which are not part of its API.
 */
import { fromJSON, type MessageTypeDefinition, type PackageDefinition } from '@grpc/proto-loader';
import type { Method } from './protos.js';

const string = (id: number) => ({ type: 'string', id });

const MESSAGES = {
  ServerReflectionRequest: {
    // A oneof, so an empty list_services is still sent.
    oneofs: { messageRequest: { oneof: ['fileByFilename', 'fileContainingSymbol', 'listServices'] } },
    fields: { host: string(1), fileByFilename: string(3), fileContainingSymbol: string(4), listServices: string(7) },
  },
  ServerReflectionResponse: {
    fields: {
      fileDescriptorResponse: { type: 'FileDescriptorResponse', id: 4 },
      listServicesResponse: { type: 'ListServiceResponse', id: 6 },
      errorResponse: { type: 'ErrorResponse', id: 7 },
    },
  },
  FileDescriptorResponse: { fields: { fileDescriptorProto: { rule: 'repeated', type: 'bytes', id: 1 } } },
  ListServiceResponse: { fields: { service: { rule: 'repeated', type: 'ServiceResponse', id: 1 } } },
  ServiceResponse: { fields: { name: string(1) } },
  ErrorResponse: { fields: { errorCode: { type: 'int32', id: 1 }, errorMessage: string(2) } },
  ServerReflection: {
    methods: { ServerReflectionInfo: { requestType: 'ServerReflectionRequest', requestStream: true, responseType: 'ServerReflectionResponse', responseStream: true, comment: '' } },
  },
};

const SCHEMA: Parameters<typeof fromJSON>[0] = {
  nested: {
    grpc: { nested: { reflection: { nested: { v1: { nested: MESSAGES }, v1alpha: { nested: MESSAGES } } } } },
    // FileDescriptorProto's fields 1 (name) and 3 (dependency), and FileDescriptorSet's 1 (file) as bytes.
    volley: { nested: { FileHeader: { fields: { name: string(1), dependency: { rule: 'repeated', type: 'string', id: 3 } } }, FileSet: { fields: { file: { rule: 'repeated', type: 'bytes', id: 1 } } } } },
  },
};

export interface ReflectionResponse {
  fileDescriptorResponse?: { fileDescriptorProto: Buffer[] } | null;
  listServicesResponse?: { service: { name: string }[] } | null;
  errorResponse?: { errorCode: number; errorMessage: string } | null;
}

let definition: PackageDefinition | undefined;
const loaded = (): PackageDefinition => (definition ??= fromJSON(SCHEMA, { keepCase: true, arrays: true }));

/** The reflection service's bidi method in `version`. */
export function reflectionMethod(version: 'v1' | 'v1alpha'): Method {
  return (loaded()[`grpc.reflection.${version}.ServerReflection`] as Record<string, Method>).ServerReflectionInfo!;
}

/** A serialized FileDescriptorProto's name and imports. */
export function fileHeader(bytes: Buffer): { name: string; dependency: string[] } {
  return (loaded()['volley.FileHeader'] as MessageTypeDefinition<object, { name: string; dependency: string[] }>).deserialize(bytes);
}

/** Serialized FileDescriptorProtos as one FileDescriptorSet. */
export function fileSet(files: readonly Buffer[]): Buffer {
  return (loaded()['volley.FileSet'] as MessageTypeDefinition<{ file: readonly Buffer[] }, object>).serialize({ file: files });
}
