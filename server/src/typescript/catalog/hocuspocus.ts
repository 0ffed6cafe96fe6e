import type { LibraryTable } from './model';

/**
 * Hocuspocus (@hocuspocus/server), the collaborative-editing backend: an `Extension` is a class whose
 * hook methods (`onLoadDocument`, `connected`, `onChange`, …) the server calls with one payload. The
 * payload's `documentName` is whatever document the connecting client asks for (one per document, and
 * any name at all before authentication), its `socketId` is new per connection, and its request
 * headers and parameters are the client's.
 */
const HOOKS = [
  'onConfigure', 'onListen', 'onUpgrade', 'onRequest', 'onConnect', 'connected', 'onAuthenticate',
  'onAuthenticationFailed', 'onCreateDocument', 'onLoadDocument', 'afterLoadDocument', 'beforeHandleMessage',
  'beforeBroadcastStateless', 'onStateless', 'onChange', 'onStoreDocument', 'afterStoreDocument',
  'onAwarenessUpdate', 'onDisconnect', 'afterUnloadDocument', 'beforeUnloadDocument', 'onDestroy',
];

export const hocuspocus: LibraryTable = {
  id: 'hocuspocus',
  modules: ['@hocuspocus/server'],
  typePackages: ['@hocuspocus/server'],
  exports: { Extension: 'hocuspocus:Extension', Server: 'hocuspocus:Server', Hocuspocus: 'hocuspocus:Server' },
  entities: {
    Extension: { implementerParameters: Object.fromEntries(HOOKS.map((hook) => [hook, ['hocuspocus:Payload']])) },
    Server: {},
    Payload: {
      description: 'Hocuspocus hook payload',
      members: {
        documentName: { source: 'entity-id' },
        socketId: { source: 'unique-id' },
        requestHeaders: { entity: 'hocuspocus:Headers' },
        requestParameters: { entity: 'hocuspocus:Parameters' },
      },
    },
    Headers: { asValue: 'header', anyMember: { source: 'header' } },
    Parameters: { asValue: 'query', members: { get: { call: { returns: { source: 'query' } } } } },
  },
};
