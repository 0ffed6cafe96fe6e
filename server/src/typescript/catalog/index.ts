/**
 * Every table Cardinal knows, and lookups over them. Adding a library or framework is adding a table
 * file and listing it here.
 */
import { connectDatadog, expressPromBundle, fastifyMetrics, honoPrometheus, promster } from './metric-middlewares';
import { express } from './express';
import { fastify } from './fastify';
import { globals, idGenerators, nodeBuiltins } from './globals';
import { hapi } from './hapi';
import { hocuspocus } from './hocuspocus';
import { hono, honoRoute } from './hono';
import { jsonwebtoken } from './jsonwebtoken';
import { koa, koaRouter } from './koa';
import type { Entity, EntityId, LibraryTable } from './model';
import { nestjs } from './nestjs';
import { fetchApi, nodeHttp } from './node-http';
import { openTelemetry } from './opentelemetry';
import { promClient } from './prom-client';
import { ddTrace, hotShots } from './statsd';
import { responseTime } from './response-time';
import { urlValueParser } from './url-value-parser';

export const TABLES: readonly LibraryTable[] = [
  promClient, openTelemetry, hotShots, ddTrace,
  expressPromBundle, connectDatadog, promster, fastifyMetrics, honoPrometheus,
  nodeHttp, fetchApi, express, fastify, koa, koaRouter, hono, honoRoute, hapi, nestjs,
  responseTime, hocuspocus, jsonwebtoken,
  globals, nodeBuiltins, idGenerators, urlValueParser,
];

const byModule = new Map<string, LibraryTable>();
const entities = new Map<EntityId, Entity>();
const byTypeName = new Map<string, EntityId[]>();
/** Names of members that do something when called: a behaviour of their own, or an entity's. */
const callableMembers = new Set<string>();
let anyMemberCallable = false;
for (const table of TABLES) {
  for (const module of table.modules) byModule.set(module, table);
  for (const [name, entity] of Object.entries(table.entities)) {
    const id = `${table.id}:${name}`;
    entities.set(id, entity);
    for (const [memberName, member] of Object.entries(entity.members ?? {})) {
      if ('call' in member || 'entity' in member) callableMembers.add(memberName);
    }
    if (entity.anyMember && ('call' in entity.anyMember || 'entity' in entity.anyMember)) anyMemberCallable = true;
    for (const typeName of entity.typeNames ?? []) {
      for (const pkg of table.typePackages) {
        const key = `${pkg}#${typeName}`;
        byTypeName.set(key, [...(byTypeName.get(key) ?? []), id]);
      }
    }
  }
}

/** The table whose exports an import of `moduleName` yields (also for `node:` prefixed and deep `pkg/sub` paths it lists). */
export function tableForModule(moduleName: string): LibraryTable | undefined {
  return byModule.get(moduleName);
}

export function entity(id: EntityId): Entity | undefined {
  return entities.get(id);
}

/** Entities a declared type named `typeName` in package `pkg` may denote (constructors first when asked). */
export function entitiesForType(pkg: string, typeName: string): readonly EntityId[] {
  return byTypeName.get(`${pkg}#${typeName}`) ?? [];
}

/**
 * Whether calling a method named `name` can do anything the catalog knows, on some receiver. When it
 * cannot, the receiver need not be resolved at all (which may take the type checker).
 */
export function isCallableMemberName(name: string): boolean {
  return anyMemberCallable || callableMembers.has(name);
}

export const GLOBALS = globals;
