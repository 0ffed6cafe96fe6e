/**
 * Keeps V8's compiled code for TypeScript's compiler between runs of the CLI and of the language
 * server. Compiling its 9 MB of JavaScript is a fifth of a scan of a small workspace and a quarter of
 * the server's cold start, and the code is the same every run. Node 22.1 and later do this for every
 * module (`module.enableCompileCache`); on older Node the compiler alone is loaded from a cache of its
 * own. The cache only saves time: whatever goes wrong with it, TypeScript loads as usual.
 *
 * V8 code caches are not authenticated, so whoever can write one can run code as the user who loads
 * it. The cache lives in the user's own folder (`$XDG_CACHE_HOME/cardinal`, else `~/.cache/cardinal`),
 * made readable by the user alone, and is not used when that folder belongs to someone else or others
 * may write to it; files are created exclusively (a planted symlink is not followed) and renamed into
 * place.
 *
 * Must run before anything requires `typescript`, so this module imports nothing that does.
 */
import * as fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';

/** `module.enableCompileCache`, which Node's types for the versions Cardinal supports may lack. */
type CompileCacheModule = { enableCompileCache?: (directory?: string) => unknown };

export function enableCodeCache(env: NodeJS.ProcessEnv = process.env): void {
  const directory = privateCacheDirectory(env);
  if (directory === undefined) return;
  const builtIn = (Module as CompileCacheModule).enableCompileCache;
  if (typeof builtIn === 'function') {
    builtIn(path.join(directory, 'node'));
    return;
  }
  try {
    preloadWithCodeCache(require.resolve('typescript'), directory);
  } catch {
    // Loading from the cache failed (an unwritable folder, a changed Node): TypeScript loads as usual.
  }
}

/**
 * The user's cache folder for Cardinal, created readable by the user alone; undefined when it cannot
 * be made or cannot be trusted (owned by another user, or writable by others).
 */
export function privateCacheDirectory(env: NodeJS.ProcessEnv = process.env): string | undefined {
  try {
    const base = env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : path.join(os.homedir(), '.cache');
    const directory = path.join(base, 'cardinal');
    fs.mkdirSync(directory, { recursive: true, mode: 0o700 });
    const stat = fs.lstatSync(directory);
    if (!stat.isDirectory()) return undefined;
    const uid = process.getuid?.();
    if (uid !== undefined && (stat.uid !== uid || (stat.mode & 0o022) !== 0)) return undefined;
    return directory;
  } catch {
    return undefined;
  }
}

/** Loads the CommonJS module `filename` through a code cache and registers it, so `require` returns it. */
function preloadWithCodeCache(filename: string, directory: string): void {
  const { size, mtimeMs } = fs.statSync(filename);
  // The cache belongs to one V8 and one build of the file.
  const cacheFile = path.join(directory, `code-cache-${process.versions.v8}-${size}-${Math.round(mtimeMs)}.bin`);
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

/** The cache file's content, unless it is missing or is not a plain file of this user's. */
function readIfPresent(file: string): Buffer | undefined {
  try {
    const stat = fs.lstatSync(file);
    const uid = process.getuid?.();
    if (!stat.isFile() || (uid !== undefined && stat.uid !== uid)) return undefined;
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}

/**
 * Written aside and renamed, so a concurrent run never reads half a cache. The aside file is created
 * exclusively (`wx`): a file or symlink already at that name makes the write fail instead of following it.
 */
function writeAtomically(file: string, data: Buffer): void {
  const partial = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.part`;
  let created = false;
  try {
    fs.writeFileSync(partial, data, { flag: 'wx', mode: 0o600 });
    created = true;
    fs.renameSync(partial, file);
  } catch {
    if (created) fs.rmSync(partial, { force: true });
  }
}
