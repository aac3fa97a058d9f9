// Loading the CLI's main bundle (dist/cli-main.js, ~10 MB with the TypeScript compiler) with a V8
// code cache. Compiling that much JavaScript costs a few hundred milliseconds per process and per
// worker thread, which is most of a small run; with the cache it costs a few tens.
//
// On Node >= 22.1 this is Node's own module.enableCompileCache(). On Node 20 the bundle is compiled
// through vm.Script with `cachedData`, the way v8-compile-cache does it, and the cache is written
// once, by the main thread, after a run (so it also holds the functions that linting compiled).
// A long-running process (the language server) can also ask for the cache to be written earlier,
// after its first lint, with requestCodeCacheCheckpoint(): a server that is killed rather than
// stopped (an editor that quits without waiting) then still leaves a cache for the next start.
// The cache lives in a per-user folder under the temp dir that must be owned by the user and closed
// to others (mode 0700); there is one file per bundle path and Node version, whose header records
// the bundle's size, mtime and SHA-1, so a rebuilt bundle never runs stale code (V8's own check
// only compares the source length) and rebuilds do not pile up files. It is written through a
// temporary file and rename. RNNLINT_NO_COMPILE_CACHE=1 turns all of this off.

import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import Module from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { isMainThread } from 'node:worker_threads';

type Exports = Record<string, unknown>;

/**
 * The process event that asks the loader to write its cache now. An event rather than a call: the
 * loader (dist/server.js) and the bundle it loads (dist/server-main.js) are separate bundles, each
 * with its own copy of this module, and share only the process.
 */
const CHECKPOINT_EVENT = 'rnnlint:code-cache-checkpoint';

let checkpointRequested = false;

/**
 * Asks the loader, once per process, to write the code cache `delayMs` from now (from the bundle it
 * loaded: the functions run so far are compiled, so the cache covers them). Nothing happens when
 * the bundle was loaded without a cache, or when its cache was valid.
 */
export function requestCodeCacheCheckpoint(delayMs: number): void {
  if (checkpointRequested) return;
  checkpointRequested = true;
  setTimeout(() => (process as NodeJS.EventEmitter).emit(CHECKPOINT_EVENT), delayMs).unref();
}

interface NodeModuleInternals {
  wrap(source: string): string;
  _nodeModulePaths(dir: string): string[];
  enableCompileCache?: (dir?: string) => unknown;
}

function cacheDir(): string | undefined {
  const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
  const dir = path.join(os.tmpdir(), `rnnlint-compile-cache${uid === undefined ? '' : `-${uid}`}`);
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const st = fs.statSync(dir);
    if (!st.isDirectory()) return undefined;
    // Somebody else's folder, or one others can write to: do not trust code from it.
    if (uid !== undefined && (st.uid !== uid || (st.mode & 0o022) !== 0)) return undefined;
    return dir;
  } catch {
    return undefined;
  }
}

export function loadWithCodeCache(file: string, parent: NodeJS.Module): Exports {
  const M = Module as unknown as NodeModuleInternals & typeof Module;
  if (process.env.RNNLINT_NO_COMPILE_CACHE === '1') return require(file) as Exports;
  if (typeof M.enableCompileCache === 'function') {
    try {
      const dir = cacheDir();
      if (dir) M.enableCompileCache(dir);
    } catch {
      /* best effort */
    }
    return require(file) as Exports;
  }

  let source: string;
  let st: fs.Stats;
  try {
    source = fs.readFileSync(file, 'utf8');
    st = fs.statSync(file);
  } catch {
    return require(file) as Exports;
  }
  const dir = cacheDir();
  const key = createHash('sha256').update(`${file}\0${process.version}\0${process.arch}`).digest('hex').slice(0, 32);
  const cacheFile = dir ? path.join(dir, `${key}.bin`) : undefined;
  const stamp = `${st.size}:${st.mtimeMs}:${createHash('sha1').update(source).digest('hex')}`;
  let cachedData: Buffer | undefined;
  if (cacheFile) {
    try {
      const raw = fs.readFileSync(cacheFile);
      const headerEnd = raw.indexOf(10); // '\n'
      if (headerEnd > 0 && raw.subarray(0, headerEnd).toString('latin1') === stamp) cachedData = raw.subarray(headerEnd + 1);
    } catch {
      /* first run */
    }
  }
  const script = new vm.Script(M.wrap(source.replace(/^#!.*/, '')), { filename: file, cachedData });
  const mod = new Module(file, parent);
  mod.filename = file;
  mod.paths = M._nodeModulePaths(path.dirname(file));
  const fn = script.runInThisContext() as (e: Exports, r: NodeJS.Require, m: NodeJS.Module, f: string, d: string) => void;
  fn.call(mod.exports, mod.exports as Exports, Module.createRequire(file), mod, file, path.dirname(file));
  (mod as unknown as { loaded: boolean }).loaded = true;

  if (cacheFile && isMainThread && (!cachedData || script.cachedDataRejected)) {
    const write = (): void => {
      try {
        const data = Buffer.concat([Buffer.from(stamp + '\n', 'latin1'), script.createCachedData()]);
        const tmp = `${cacheFile}.${process.pid}.tmp`;
        fs.writeFileSync(tmp, data, { mode: 0o600 });
        fs.renameSync(tmp, cacheFile);
      } catch {
        /* a cache is an optimisation */
      }
    };
    // At a checkpoint, and again at exit: by then more functions have been compiled.
    process.once(CHECKPOINT_EVENT, write);
    process.once('exit', write);
  }
  return mod.exports as Exports;
}
