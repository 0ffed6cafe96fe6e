/** Loads TypeScript through the user's private code cache (see `code-cache.ts`); imported first by the server. */
import { enableCodeCache } from './code-cache';

enableCodeCache();
