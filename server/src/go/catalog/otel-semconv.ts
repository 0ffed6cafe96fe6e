/**
 * OpenTelemetry Go's semantic conventions (`go.opentelemetry.io/otel/semconv/vX.Y.Z`): each attribute
 * has a constructor (`semconv.HTTPRoute(v)`) and a key (`semconv.HTTPRouteKey`, used as
 * `semconv.HTTPRouteKey.String(v)`). Only the attribute's name comes from here; whether its value is
 * bounded is traced like any other value. The names below span the versions in use: the older HTTP
 * and net conventions (≤ v1.20) and the newer url, client and server ones (≥ v1.21).
 */
import type { AttributeConstructorRule, GoCatalog } from './types';

/** Go name of each attribute, without its `Key` suffix, and the attribute's name. */
const ATTRIBUTES: readonly (readonly [string, string])[] = [
  // HTTP, up to v1.20.
  ['HTTPMethod', 'http.method'],
  ['HTTPStatusCode', 'http.status_code'],
  ['HTTPRoute', 'http.route'],
  ['HTTPTarget', 'http.target'],
  ['HTTPURL', 'http.url'],
  ['HTTPScheme', 'http.scheme'],
  ['HTTPFlavor', 'http.flavor'],
  ['HTTPHost', 'http.host'],
  ['HTTPServerName', 'http.server_name'],
  ['HTTPUserAgent', 'http.user_agent'],
  ['HTTPClientIP', 'http.client_ip'],
  ['HTTPRequestContentLength', 'http.request_content_length'],
  ['HTTPResponseContentLength', 'http.response_content_length'],
  // HTTP, URL, client and server, from v1.21.
  ['HTTPRequestMethod', 'http.request.method'],
  ['HTTPRequestMethodOriginal', 'http.request.method_original'],
  ['HTTPResponseStatusCode', 'http.response.status_code'],
  ['HTTPRequestBodySize', 'http.request.body.size'],
  ['HTTPResponseBodySize', 'http.response.body.size'],
  ['URLPath', 'url.path'],
  ['URLFull', 'url.full'],
  ['URLQuery', 'url.query'],
  ['URLScheme', 'url.scheme'],
  ['URLTemplate', 'url.template'],
  ['URLDomain', 'url.domain'],
  ['URLOriginal', 'url.original'],
  ['UserAgentOriginal', 'user_agent.original'],
  ['ClientAddress', 'client.address'],
  ['ClientPort', 'client.port'],
  ['ServerAddress', 'server.address'],
  ['ServerPort', 'server.port'],
  ['SourceAddress', 'source.address'],
  ['DestinationAddress', 'destination.address'],
  ['NetworkPeerAddress', 'network.peer.address'],
  ['NetworkPeerPort', 'network.peer.port'],
  ['NetworkLocalAddress', 'network.local.address'],
  ['NetworkLocalPort', 'network.local.port'],
  ['NetworkProtocolName', 'network.protocol.name'],
  ['NetworkProtocolVersion', 'network.protocol.version'],
  ['NetworkTransport', 'network.transport'],
  ['NetworkType', 'network.type'],
  // Network, up to v1.20.
  ['NetHostName', 'net.host.name'],
  ['NetHostPort', 'net.host.port'],
  ['NetHostIP', 'net.host.ip'],
  ['NetPeerName', 'net.peer.name'],
  ['NetPeerPort', 'net.peer.port'],
  ['NetPeerIP', 'net.peer.ip'],
  ['NetSockPeerAddr', 'net.sock.peer.addr'],
  ['NetSockPeerPort', 'net.sock.peer.port'],
  ['NetSockPeerName', 'net.sock.peer.name'],
  ['NetSockHostAddr', 'net.sock.host.addr'],
  ['NetSockHostPort', 'net.sock.host.port'],
  ['NetSockFamily', 'net.sock.family'],
  ['NetTransport', 'net.transport'],
  ['NetProtocolName', 'net.protocol.name'],
  ['NetProtocolVersion', 'net.protocol.version'],
  // Identity, RPC, databases, messaging, errors.
  ['EnduserID', 'enduser.id'],
  ['EnduserRole', 'enduser.role'],
  ['EnduserScope', 'enduser.scope'],
  ['PeerService', 'peer.service'],
  ['RPCSystem', 'rpc.system'],
  ['RPCService', 'rpc.service'],
  ['RPCMethod', 'rpc.method'],
  ['RPCGRPCStatusCode', 'rpc.grpc.status_code'],
  ['DBSystem', 'db.system'],
  ['DBName', 'db.name'],
  ['DBNamespace', 'db.namespace'],
  ['DBStatement', 'db.statement'],
  ['DBQueryText', 'db.query.text'],
  ['DBOperation', 'db.operation'],
  ['DBOperationName', 'db.operation.name'],
  ['DBCollectionName', 'db.collection.name'],
  ['DBSQLTable', 'db.sql.table'],
  ['MessagingSystem', 'messaging.system'],
  ['MessagingOperation', 'messaging.operation'],
  ['MessagingDestinationName', 'messaging.destination.name'],
  ['MessagingMessageID', 'messaging.message.id'],
  ['ErrorType', 'error.type'],
  ['ExceptionType', 'exception.type'],
  ['ExceptionMessage', 'exception.message'],
  ['ServiceName', 'service.name'],
  ['ServiceVersion', 'service.version'],
  ['ServiceInstanceID', 'service.instance.id'],
  ['HostName', 'host.name'],
];

const attributeConstructors: AttributeConstructorRule[] = ATTRIBUTES.map(([name, key]) => ({ function: name, key, valueArgument: 0 }));

export const otelSemconv: GoCatalog = {
  id: 'otel/semconv',
  importPaths: [],
  importPathPattern: /^go\.opentelemetry\.io\/otel\/semconv\/v\d+\.\d+\.\d+$/,
  attributeConstructors,
  attributeKeys: new Map(ATTRIBUTES.map(([name, key]) => [`${name}Key`, key])),
};
