import type { LibraryTable } from './model';

/**
 * response-time: `responseTime((req, res, time) => …)` is a middleware that calls back once the
 * response is sent, with the server's request and response (an Express app's, most often).
 */
export const responseTime: LibraryTable = {
  id: 'response-time',
  modules: ['response-time'],
  typePackages: ['@types/response-time', 'response-time'],
  exports: { '*': 'response-time:Factory', default: 'response-time:Factory' },
  entities: {
    Factory: { call: { callbacks: [{ arg: 0, params: ['express:Request', 'express:Response', null] }] } },
  },
};
