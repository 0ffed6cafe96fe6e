import type { Entity, LibraryTable, Member } from './model';

/**
 * jsonwebtoken: the payload `verify` and `decode` return belongs to whoever holds the token. Its
 * registered claims that name a user, a session or a moment (`sub`, `jti`, `sid`, `email`, `exp`,
 * `iat`) take one value per user or token; the payload as a whole does too. Other claims (`role`,
 * `iss`, `scope`) are left to what the program does with them.
 */
const CLAIMS_PER_USER_OR_TOKEN = ['sub', 'jti', 'sid', 'email', 'exp', 'iat', 'nbf', 'auth_time', 'nonce'];

const decodes: Member = { call: { returns: { entity: 'jsonwebtoken:Payload' } } };

const payload: Entity = {
  typeNames: ['JwtPayload'],
  asValue: 'token-claim',
  members: Object.fromEntries(CLAIMS_PER_USER_OR_TOKEN.map((claim) => [claim, { source: 'token-claim' }])),
};

export const jsonwebtoken: LibraryTable = {
  id: 'jsonwebtoken',
  modules: ['jsonwebtoken'],
  typePackages: ['@types/jsonwebtoken'],
  exports: { '*': 'jsonwebtoken:Module', default: 'jsonwebtoken:Module', verify: 'jsonwebtoken:Decode', decode: 'jsonwebtoken:Decode' },
  entities: {
    Module: { members: { verify: decodes, decode: decodes } },
    Decode: decodes,
    Payload: payload,
  },
};
