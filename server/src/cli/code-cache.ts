/**
 * Keeps V8's compiled code for TypeScript's compiler between CLI runs. Compiling its 9 MB of JavaScript
 * is a fifth of a scan of a small workspace, and the code is the same every run. Node 22.1 and later do
 * this for every module (`module.enableCompileCache`); on older Node the compiler alone is loaded from a
 * cache of its own, in the system's temporary folder. The cache only saves time: whatever goes wrong
 * with it, TypeScript loads as usual.
 *
 * Must run before anything requires `typescript`, so this module imports nothing that does.
 */
import * as fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';

/** `module.enableCompileCache`, which Node's types for the versions Cardinal supports may lack. */
type CompileCacheModule = { enableCompileCache?: () => unknown };

export function enableCodeCache(): void {
  const builtIn = (Module as CompileCacheModule).enableCompileCache;
  if (typeof builtIn === 'function') {
    builtIn();
    return;
  }
  try {
    preloadWithCodeCache(require.resolve('typescript'));
  } catch {
    // Loading from the cache failed (an unwritable temporary folder, a changed Node): TypeScript loads as usual.
  }
}

/** Loads the CommonJS module `filename` through a code cache and registers it, so `require` returns it. */
function preloadWithCodeCache(filename: string): void {
  const { size, mtimeMs } = fs.statSync(filename);
  // The cache belongs to one V8 and one build of the file.
  const cacheFile = path.join(os.tmpdir(), `cardinal-code-cache-${process.versions.v8}-${size}-${Math.round(mtimeMs)}.bin`);
  const cachedData = readIfPresent(cacheFile);
  const script = new vm.Script(Module.wrap(fs.readFileSync(filename, 'utf8')), {
    filename,
    cachedData,
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const loaded = new Module(filename);
  loaded.filename = filename;
  script.runInThisContext()(loaded.exports, createRequire(filename), loaded, filename, path.dirname(filename));
  loaded.loaded = true;
  require.cache[filename] = loaded;
  // Written at exit, so the cache holds the functions this run compiled too, not only the top level.
  if (cachedData === undefined || script.cachedDataRejected) process.once('exit', () => writeAtomically(cacheFile, script.createCachedData()));
}

function readIfPresent(file: string): Buffer | undefined {
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Written aside and renamed, so a concurrent run never reads half a cache. */
function writeAtomically(file: string, data: Buffer): void {
  const partial = `${file}.${process.pid}.part`;
  try {
    fs.writeFileSync(partial, data);
    fs.renameSync(partial, file);
  } catch {
    fs.rmSync(partial, { force: true });
  }
}
