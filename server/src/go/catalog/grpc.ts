/**
 * gRPC (google.golang.org/grpc) interceptors. `info.FullMethod` is one of the registered services'
 * methods, unless the server takes unknown services (`grpc.UnknownServiceHandler`): then the client
 * chooses it. Incoming metadata is the client's headers, and the peer address is the client's
 * (otelgrpc's CVE-2023-47108 labelled metrics with it).
 */
import type { GoCatalog } from './types';

const fullMethod = {
  kind: 'bounded',
  description: 'registered gRPC method',
  unlessCalled: { function: 'UnknownServiceHandler', source: 'raw-path' },
} as const;

export const grpc: GoCatalog = {
  id: 'grpc',
  importPaths: ['google.golang.org/grpc'],
  members: [
    { type: 'UnaryServerInfo', chain: 'FullMethod', fact: fullMethod },
    { type: 'StreamServerInfo', chain: 'FullMethod', fact: fullMethod },
  ],
  functions: [{ function: 'Method', fact: fullMethod }],
};

export const grpcMetadata: GoCatalog = {
  id: 'grpc-metadata',
  importPaths: ['google.golang.org/grpc/metadata'],
  functions: [{ function: 'FromIncomingContext', yields: { package: 'grpc-metadata', name: 'MD' } }],
  members: [
    { type: 'MD', chain: 'Get()', fact: { kind: 'source', source: 'header' } },
    { type: 'MD', chain: '[]', fact: { kind: 'source', source: 'header' } },
  ],
};

export const grpcPeer: GoCatalog = {
  id: 'grpc-peer',
  importPaths: ['google.golang.org/grpc/peer'],
  functions: [{ function: 'FromContext', yields: { package: 'grpc-peer', name: 'Peer' } }],
  members: [{ type: 'Peer', chain: 'Addr', fact: { kind: 'source', source: 'client-ip' } }],
};
