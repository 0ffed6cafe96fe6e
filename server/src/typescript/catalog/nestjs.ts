import type { LibraryTable } from './model';

/**
 * NestJS on Express or Fastify. Requests arrive through `@Req()`, through parameter decorators that
 * hand over one piece of the request, or from `context.switchToHttp().getRequest()` in interceptors
 * and guards (an explicit type argument or annotation names the adapter's request type).
 */
export const nestjs: LibraryTable = {
  id: 'nestjs',
  modules: ['@nestjs/common'],
  typePackages: ['@nestjs/common'],
  exports: {
    ExecutionContext: 'nestjs:ExecutionContext',
    ArgumentsHost: 'nestjs:ExecutionContext',
    Req: 'nestjs:Req',
    Request: 'nestjs:Req',
    Param: 'nestjs:Param',
    Query: 'nestjs:Query',
    Body: 'nestjs:Body',
    Headers: 'nestjs:Headers',
    Ip: 'nestjs:Ip',
    HostParam: 'nestjs:HostParam',
  },
  entities: {
    ExecutionContext: {
      typeNames: ['ExecutionContext', 'ArgumentsHost'],
      members: { switchToHttp: { call: { returns: { entity: 'nestjs:HttpArgumentsHost' } } } },
    },
    HttpArgumentsHost: {
      typeNames: ['HttpArgumentsHost'],
      members: {
        getRequest: { call: { returns: { entity: 'express:Request' } } },
        getResponse: { call: { returns: { entity: 'express:Response' } } },
      },
    },
    Req: { decoratedParameter: { entity: 'express:Request' } },
    Param: { decoratedParameter: { source: 'path-param' } },
    Query: { decoratedParameter: { source: 'query' } },
    Body: { decoratedParameter: { source: 'body' } },
    Headers: { decoratedParameter: { source: 'header' } },
    Ip: { decoratedParameter: { source: 'client-ip' } },
    HostParam: { decoratedParameter: { source: 'host' } },
  },
  routes: { methods: [], decorators: { controller: 'Controller', methods: ['Get', 'Post', 'Put', 'Delete', 'Patch', 'Head', 'Options', 'All'] } },
};
