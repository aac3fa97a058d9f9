// `rnnlint --cache`: a rerun reuses the results of unchanged files, and only of those. Reuse is
// proven with an edit the metadata strategy cannot see (same size, mtime put back): the cached run
// still reports the old result, the content strategy and an uncached run see the new one.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { copyFixture, engineMessages, pick, runCli, runJson, scratch } from './cli-helpers.mjs';

const CACHE = '.rnnlintcache';

/** Gives a file a whole-second mtime, which utimes can put back exactly (it cannot always restore nanoseconds). */
function settle(file) {
  const t = Math.floor(Date.now() / 1000) - 100;
  fs.utimesSync(file, t, t);
  return t;
}

/** The bug fixed (the cell returns its new state) with the file's size and (settled) mtime kept. */
function fixUnseen(file) {
  const st = fs.statSync(file);
  const text = fs.readFileSync(file, 'utf8');
  const edited = text.replace('return h;', 'return hNew;').replace('it was given.', 'it was gi.');
  assert.notEqual(edited, text);
  assert.equal(Buffer.byteLength(edited), st.size, 'the edit keeps the size');
  fs.writeFileSync(file, edited);
  fs.utimesSync(file, st.mtimeMs / 1000, st.mtimeMs / 1000);
  assert.equal(fs.statSync(file).mtimeMs, st.mtimeMs, 'the edit keeps the mtime');
}

const storedStamp = (dir, file) => JSON.parse(fs.readFileSync(path.join(dir, CACHE), 'utf8')).files[file].stamp;

const rulesOf = (json, name) => json.find((r) => r.filePath.endsWith(name)).messages.map((m) => m.ruleId);

test('--cache: a rerun prints exactly what an uncached run prints, and writes .rnnlintcache in the working folder', (t) => {
  const dir = copyFixture(t, 'project');
  const plain = runCli(['--format', 'json'], { cwd: dir });
  const first = runCli(['--format', 'json', '--cache'], { cwd: dir });
  assert.ok(fs.existsSync(path.join(dir, CACHE)), 'cache written');
  const second = runCli(['--format', 'json', '--cache'], { cwd: dir });
  for (const r of [first, second]) {
    assert.equal(r.stdout, plain.stdout);
    assert.equal(r.code, plain.code);
    assert.equal(r.stderr, '');
  }
  const stylish = runCli([], { cwd: dir });
  assert.equal(runCli(['--cache'], { cwd: dir }).stdout, stylish.stdout);
  // The cache file is not source: linting the folder again does not pick it up.
  assert.ok(!JSON.parse(second.stdout).some((r) => r.filePath.endsWith(CACHE)));
});

test('--cache reuses the result of a file whose size and mtime did not change (metadata), and re-lints on any other change', (t) => {
  const dir = copyFixture(t, 'project');
  const cell = path.join(dir, 'src', 'cell.ts');
  settle(cell);
  runCli(['--cache'], { cwd: dir });
  fixUnseen(cell);
  assert.deepEqual(engineMessages(cell), [], 'the edited file is clean');

  // Metadata cannot see this edit: the stored result (the old bug) is reused. That is the proof of reuse.
  const cached = runJson(['--cache'], { cwd: dir });
  assert.deepEqual(rulesOf(cached.json, 'cell.ts'), ['returns-input-state']);
  // Without --cache the file is linted.
  assert.deepEqual(rulesOf(runJson([], { cwd: dir }).json, 'cell.ts'), []);

  // A new mtime is a change.
  const later = new Date(Date.now() + 5000);
  fs.utimesSync(cell, later, later);
  const relinted = runJson(['--cache'], { cwd: dir });
  assert.deepEqual(relinted.json.find((r) => r.filePath === cell).messages.map(pick), engineMessages(cell));
  assert.equal(relinted.code, 0);
});

test('--cache-strategy content sees an edit that keeps size and mtime', (t) => {
  const dir = copyFixture(t, 'project');
  const cell = path.join(dir, 'src', 'cell.ts');
  runCli(['--cache', '--cache-strategy', 'content'], { cwd: dir });
  // Unchanged bytes with a new mtime (a fresh checkout) are reused; the store does not go stale.
  const stampBefore = storedStamp(dir, cell);
  settle(cell);
  assert.deepEqual(rulesOf(runJson(['--cache', '--cache-strategy', 'content'], { cwd: dir }).json, 'cell.ts'), ['returns-input-state']);
  assert.deepEqual(storedStamp(dir, cell), stampBefore, 'reused, not linted again');
  fixUnseen(cell);
  assert.deepEqual(rulesOf(runJson(['--cache', '--cache-strategy', 'content'], { cwd: dir }).json, 'cell.ts'), []);
});

test('--cache does not reuse a result linted with other rule levels, another strategy or another engine', (t) => {
  const dir = copyFixture(t, 'project');
  const cell = path.join(dir, 'src', 'cell.ts');
  runCli(['--cache'], { cwd: dir });
  // --rule changes the levels: the file is linted again with them.
  const off = runJson(['--cache', '--rule', 'returns-input-state:off'], { cwd: dir });
  assert.deepEqual(rulesOf(off.json, 'cell.ts'), []);
  // A config file next to the source does too.
  fs.writeFileSync(path.join(dir, 'src', 'rnnlint.config.json'), JSON.stringify({ rules: { 'returns-input-state': 'warn' } }));
  const warn = runJson(['--cache'], { cwd: dir });
  assert.deepEqual(warn.json.find((r) => r.filePath === cell).messages.map((m) => m.severity), [1]);
  fs.rmSync(path.join(dir, 'src', 'rnnlint.config.json'));

  settle(cell);
  runCli(['--cache'], { cwd: dir });
  fixUnseen(cell);
  // Results stored under the metadata strategy are not used by the content strategy.
  assert.deepEqual(rulesOf(runJson(['--cache', '--cache-strategy', 'content'], { cwd: dir }).json, 'cell.ts'), []);
  fs.writeFileSync(cell, fs.readFileSync(cell, 'utf8').replace('return hNew;', 'return h;').replace('it was gi.', 'it was given.'));
  settle(cell);
  runCli(['--cache'], { cwd: dir });
  fixUnseen(cell);
  // A cache written by another engine (version or build) is ignored as a whole.
  const file = path.join(dir, CACHE);
  const data = JSON.parse(fs.readFileSync(file, 'utf8'));
  data.engine = 'rnnlint 0.0.0 (another build)';
  fs.writeFileSync(file, JSON.stringify(data));
  assert.deepEqual(rulesOf(runJson(['--cache'], { cwd: dir }).json, 'cell.ts'), []);
});

test('--cache with --fix: a stored result with a fixable problem is linted and fixed; the fixed file is then reused', (t) => {
  const dir = copyFixture(t, 'project');
  const cell = path.join(dir, 'src', 'cell.ts');
  const before = runJson(['--cache'], { cwd: dir });
  assert.ok(before.json.find((r) => r.filePath === cell).fixableErrorCount > 0, 'the fixture has a safe fix');
  const fixed = runJson(['--cache', '--fix'], { cwd: dir });
  assert.match(fs.readFileSync(cell, 'utf8'), /return hNew;/, 'the cached problem was fixed');
  const report = fixed.json.find((r) => r.filePath === cell);
  assert.equal(report.output, fs.readFileSync(cell, 'utf8'));
  // The stored stamp is the written file's, so the next run reuses the post-fix result.
  const st = fs.statSync(cell);
  const stored = JSON.parse(fs.readFileSync(path.join(dir, CACHE), 'utf8')).files[cell];
  assert.deepEqual(stored.stamp, { size: st.size, mtimeMs: st.mtimeMs });
  assert.deepEqual(stored.report.messages.map(pick), engineMessages(cell));
});

test('--cache survives a corrupt cache file and reports an unwritable one as a warning only', (t) => {
  const dir = copyFixture(t, 'project');
  const plain = runCli(['--format', 'json'], { cwd: dir });
  fs.writeFileSync(path.join(dir, CACHE), '{ not json');
  const r = runCli(['--format', 'json', '--cache'], { cwd: dir });
  assert.equal(r.stdout, plain.stdout);
  assert.equal(r.stderr, '');
  assert.equal(JSON.parse(fs.readFileSync(path.join(dir, CACHE), 'utf8')).rnnlintCache, 1, 'rewritten');

  // A location under a regular file cannot be created.
  const blocked = runCli(['--format', 'json', '--cache', '--cache-location', 'src/cell.ts/cache'], { cwd: dir });
  assert.equal(blocked.stdout, plain.stdout);
  assert.equal(blocked.code, plain.code, 'the exit code is the lint result');
  assert.match(blocked.stderr, /^rnnlint: warning: cannot write the cache file .*src\/cell\.ts\/cache/m);
});

test('--cache-location takes a file or a folder; entries of other folders are kept, of deleted files dropped', (t) => {
  const dir = copyFixture(t, 'project');
  const caches = path.join(dir, 'caches');
  fs.mkdirSync(caches);
  runCli(['--cache', '--cache-location', 'caches', 'src/cell.ts'], { cwd: dir });
  assert.ok(fs.existsSync(path.join(caches, CACHE)), 'a folder gets .rnnlintcache inside');
  runCli(['--cache', '--cache-location', 'caches/', 'src/nested'], { cwd: dir });
  runCli(['--cache', '--cache-location', 'my.cache', 'src/clean.ts'], { cwd: dir });
  assert.ok(fs.existsSync(path.join(dir, 'my.cache')));
  const keys = () => Object.keys(JSON.parse(fs.readFileSync(path.join(caches, CACHE), 'utf8')).files).map((f) => path.relative(dir, f)).sort();
  assert.deepEqual(keys(), ['src/cell.ts', 'src/nested/squash.ts']);
  fs.rmSync(path.join(dir, 'src', 'cell.ts'));
  runCli(['--cache', '--cache-location', 'caches', 'src/nested'], { cwd: dir });
  assert.deepEqual(keys(), ['src/nested/squash.ts']);
});

test('--cache with a worker pool gives the same report as one thread', (t) => {
  const dir = scratch(t);
  const cell = fs.readFileSync(path.join(copyFixture(t, 'project'), 'src', 'cell.ts'), 'utf8');
  for (let i = 0; i < 60; i++) fs.writeFileSync(path.join(dir, `cell${i}.ts`), i % 3 === 0 ? cell : cell.replace('return h;', 'return hNew;'));
  const plain = runCli(['--format', 'json', '--concurrency', '0'], { cwd: dir });
  const pooled = runCli(['--format', 'json', '--cache', '--concurrency', '2'], { cwd: dir });
  assert.equal(pooled.stdout, plain.stdout);
  const keys = Object.keys(JSON.parse(fs.readFileSync(path.join(dir, CACHE), 'utf8')).files);
  assert.equal(keys.length, 60, 'every file linted by a worker is stored');
  assert.equal(runCli(['--format', 'json', '--cache', '--concurrency', '2'], { cwd: dir }).stdout, plain.stdout);
});

test('--cache options: clear usage errors', () => {
  for (const [args, msg] of [
    [['--cache-location', 'x'], /--cache-location needs --cache/],
    [['--cache-strategy', 'content'], /--cache-strategy needs --cache/],
    [['--cache', '--cache-strategy', 'mtime'], /unknown cache strategy 'mtime' \(expected one of: metadata, content\)/],
    [['--cache', '--stdin'], /does not apply to --stdin/],
  ]) {
    const r = runCli(args);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.stderr, msg);
  }
});
