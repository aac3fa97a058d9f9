// dist/cli.js loads dist/cli-main.js with a V8 code cache (server/src/cli/code-cache.ts). On the
// Node 20 path the cache is a file in a per-user folder under the temp dir: check it is written,
// reused with identical results, replaced when the bundle changes, and ignored when the folder is
// not private. Runs on a copy of the two bundles so the real dist/ is never touched.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import Module from 'node:module';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { root, scratch } from './cli-helpers.mjs';

const usesNodeCache = typeof Module.enableCompileCache === 'function';

function setup(t) {
  const dir = scratch(t);
  const dist = path.join(dir, 'dist');
  fs.mkdirSync(dist);
  for (const f of ['cli.js', 'cli-main.js']) fs.copyFileSync(path.join(root, 'dist', f), path.join(dist, f));
  const tmp = path.join(dir, 'tmp');
  fs.mkdirSync(tmp);
  const project = path.join(dir, 'project');
  fs.cpSync(path.join(root, 'test-fixtures', 'cli', 'project'), project, { recursive: true });
  const run = (env = {}) => {
    const r = spawnSync(process.execPath, [path.join(dist, 'cli.js'), '--format', 'json', '.'], {
      cwd: project,
      env: { ...process.env, TMPDIR: tmp, ...env },
      encoding: 'utf8',
    });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };
  return { dist, tmp, run, cacheDir: cacheDirIn(tmp) };
}

/** The loader's per-user cache folder under a temp dir (cli/code-cache.ts). */
function cacheDirIn(tmp) {
  const uid = process.getuid?.();
  return path.join(tmp, `rnnlint-compile-cache${uid === undefined ? '' : `-${uid}`}`);
}

/** A cache file's stamp line: the bundle's size, mtime and SHA-1. */
const stampOf = (f) => fs.readFileSync(f).subarray(0, 200).toString('latin1').split('\n')[0];

const cacheFiles = (dir) => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => !f.endsWith('.tmp')) : []);

test('the code cache is written once, reused with the same results, and replaced for a new bundle', { skip: usesNodeCache && 'Node has its own compile cache' }, (t) => {
  const { dist, run, cacheDir } = setup(t);
  const first = run();
  assert.equal(first.err, '');
  const files = cacheFiles(cacheDir);
  assert.equal(files.length, 1);
  assert.equal(fs.statSync(cacheDir).mode & 0o777, 0o700);
  const cache = path.join(cacheDir, files[0]);
  const written = fs.statSync(cache).mtimeMs;

  const second = run();
  assert.deepEqual([second.code, second.out, second.err], [first.code, first.out, first.err]);
  assert.equal(fs.statSync(cache).mtimeMs, written, 'a valid cache is not rewritten');

  // A rebuilt bundle (here: one more comment) must not run with the old cache; the file is replaced.
  const before = stampOf(cache);
  fs.appendFileSync(path.join(dist, 'cli-main.js'), '\n// rebuilt\n');
  const third = run();
  assert.deepEqual([third.code, third.out], [first.code, first.out]);
  assert.deepEqual(cacheFiles(cacheDir), files, 'still one file per bundle');
  assert.notEqual(stampOf(cache), before);

  // Off switch.
  fs.rmSync(cacheDir, { recursive: true });
  const off = run({ RNNLINT_NO_COMPILE_CACHE: '1' });
  assert.equal(off.out, first.out);
  assert.ok(!fs.existsSync(cacheDir));
});

test('a cache folder others can write to is not used', { skip: (usesNodeCache && 'Node has its own compile cache') || (process.platform === 'win32' && 'POSIX modes') }, (t) => {
  const { run, cacheDir } = setup(t);
  fs.mkdirSync(cacheDir, { mode: 0o777 });
  fs.chmodSync(cacheDir, 0o777);
  const r = run();
  assert.equal(r.err, '');
  assert.ok(JSON.parse(r.out).length > 0);
  assert.deepEqual(cacheFiles(cacheDir), []);
});

test('the language server writes its code cache after its first lint, so a killed server still leaves one', { skip: usesNodeCache && 'Node has its own compile cache' }, async (t) => {
  const { startServer, RETURNS_INPUT } = await import('./server-lsp-client.mjs');
  const dir = scratch(t);
  const cacheDir = cacheDirIn(dir);
  const server = await startServer({ env: { TMPDIR: dir, RNNLINT_CODE_CACHE_CHECKPOINT_MS: '50' } });
  const uri = pathToFileURL(path.join(dir, 'cell.ts')).href;
  server.open(uri, RETURNS_INPUT);
  const diagnostics = await server.diagnosticsFor(uri);
  assert.ok(diagnostics.length > 0);
  // The checkpoint runs 50 ms after the lint; give a loaded machine a few seconds.
  const deadline = Date.now() + 10_000;
  while (cacheFiles(cacheDir).length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  const exited = new Promise((r) => server.proc.once('exit', r));
  server.proc.kill('SIGKILL');
  await exited;
  const files = cacheFiles(cacheDir);
  assert.equal(files.length, 1, 'one cache file, written before the kill');
  assert.match(stampOf(path.join(cacheDir, files[0])), /^\d+:[\d.]+:[0-9a-f]{40}$/, 'the stamp of dist/server-main.js');
  assert.ok(fs.statSync(path.join(cacheDir, files[0])).size > 100_000, 'the compiled engine, not an empty cache');
});
