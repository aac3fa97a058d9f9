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
  const uid = process.getuid?.();
  const cacheDir = path.join(tmp, `rnnlint-compile-cache${uid === undefined ? '' : `-${uid}`}`);
  return { dist, tmp, run, cacheDir };
}

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
  const header = (f) => fs.readFileSync(f).subarray(0, 200).toString('latin1').split('\n')[0];
  const before = header(cache);
  fs.appendFileSync(path.join(dist, 'cli-main.js'), '\n// rebuilt\n');
  const third = run();
  assert.deepEqual([third.code, third.out], [first.code, first.out]);
  assert.deepEqual(cacheFiles(cacheDir), files, 'still one file per bundle');
  assert.notEqual(header(cache), before);

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
