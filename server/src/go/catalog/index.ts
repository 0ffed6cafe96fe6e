/** Every Go catalog, in priority order: earlier route-pattern fixes win (chi and gorilla/mux before net/http). */
import { chi } from './chi';
import { clientGolang, promauto, promhttp, testutil } from './client-golang';
import { echo } from './echo';
import { fasthttp } from './fasthttp';
import { grpc, grpcMetadata, grpcPeer } from './grpc';
import { fiber, fiberUtils } from './fiber';
import { gin } from './gin';
import { gorillaMux } from './gorilla-mux';
import { netHttp } from './net-http';
import { otel, otelAttribute, otelhttp, otelMetric } from './otel';
import { otelSemconv } from './otel-semconv';
import { contextPackage, errorsPackage, fmt, mathRand, net, os, path, regexp, strconv, strings, time } from './stdlib';
import type { GoCatalog } from './types';
import { uuid } from './uuid';

export const GO_CATALOGS: readonly GoCatalog[] = [
  gin, echo, fiber, fiberUtils, chi, gorillaMux, netHttp, fasthttp, grpc, grpcMetadata, grpcPeer,
  clientGolang, promauto, promhttp, testutil, otel, otelMetric, otelAttribute, otelSemconv, otelhttp,
  fmt, errorsPackage, contextPackage, os, net, strings, strconv, regexp, path, time, mathRand, uuid,
];

export type * from './types';
