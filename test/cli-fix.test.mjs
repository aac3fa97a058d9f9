// `rnnlint --fix` never loses code: atomic replace through a temporary file in the same folder,
// line endings, BOM, permission bits and symbolic links kept, and no write when the file changed
// on disk between reading and writing (driven through the exported writer's test hook).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { api, cliModule, copyFixture, leftoverTemps, root, runCli, runJson, scratch } from './cli-helpers.mjs';

const cellSource = fs.readFileSync(path.join(root, 'test-fixtures', 'cli', 'project', 'src', 'cell.ts'), 'utf8');

/** What the engine's safe fixes make of `text` (LF, no BOM). */
function engineFixed(text, file) {
  const out = api().lintText(text, file, { fix: true }).output;
  assert.ok(out !== undefined && out !== text, 'the engine has a safe fix for the fixture');
  return out;
}

test('--fix rewrites in place, keeping CRLF, the BOM and the file mode', (t) => {
  const dir = scratch(t);
  const file = path.join(dir, 'cell.ts');
  const crlf = cellSource.replace(/\n/g, '\r\n');
  fs.writeFileSync(file, '\uFEFF' + crlf);
  fs.chmodSync(file, 0o751);
  const expected = engineFixed(crlf, file);
  assert.match(expected, /return hNew;/);

  const r = runJson(['--fix', 'cell.ts'], { cwd: dir });
  const bytes = fs.readFileSync(file);
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'BOM kept');
  const text = bytes.toString('utf8').slice(1);
  assert.equal(text, expected.replace(/\r?\n/g, '\r\n'));
  assert.ok(!/(^|[^\r])\n/.test(text), 'every line ends with CRLF');
  assert.equal(fs.statSync(file).mode & 0o7777, 0o751);
  assert.deepEqual(leftoverTemps(dir), []);

  // The report describes the fixed file: the fixed problem is gone, the text written is `output`.
  assert.equal(r.json[0].output, text);
  assert.ok(!r.json[0].messages.some((m) => m.ruleId === 'returns-input-state'));
  assert.equal(r.code, r.json[0].errorCount > 0 ? 1 : 0);

  // A second run has nothing left to fix and leaves the bytes alone.
  const before = fs.readFileSync(file);
  runCli(['--fix', 'cell.ts'], { cwd: dir });
  assert.deepEqual(fs.readFileSync(file), before);
});

test('--fix keeps LF files LF, adds no BOM, and updates a symlink\'s target', (t) => {
  const dir = scratch(t);
  const target = path.join(dir, 'real.ts');
  fs.writeFileSync(target, cellSource);
  fs.symlinkSync('real.ts', path.join(dir, 'link.ts'));
  const r = runCli(['--fix', 'link.ts'], { cwd: dir });
  assert.notEqual(r.code, 2, r.stderr);
  assert.ok(fs.lstatSync(path.join(dir, 'link.ts')).isSymbolicLink(), 'the link is still a link');
  const text = fs.readFileSync(target, 'utf8');
  assert.equal(text, engineFixed(cellSource, target));
  assert.notEqual(text.charCodeAt(0), 0xfeff);
  assert.ok(!text.includes('\r'));
  assert.deepEqual(leftoverTemps(dir), []);
});

test('--fix without anything to fix does not touch the file', (t) => {
  const dir = copyFixture(t, 'project');
  const file = path.join(dir, 'src', 'clean.ts');
  const before = fs.statSync(file);
  const r = runCli(['--fix', file], { cwd: dir });
  assert.equal(r.code, 0);
  assert.equal(fs.statSync(file).mtimeMs, before.mtimeMs);
  assert.equal(fs.statSync(file).ino, before.ino);
});

test('writeFixedFile refuses when the file changed after it was read', (t) => {
  const { readSource, writeFixedFile, encodeOutput } = cliModule();
  const dir = scratch(t);
  const file = path.join(dir, 'cell.ts');
  fs.writeFileSync(file, cellSource);
  const src = readSource(file, true);
  const fixed = engineFixed(src.text, file);
  const edited = cellSource.replace('Computes', 'Someone else edited this');

  let tempSeen;
  const outcome = writeFixedFile(file, src.snapshot, encodeOutput(src.text, fixed, src.bom), {
    beforeCommit(tmp) {
      tempSeen = tmp;
      assert.equal(path.dirname(tmp), dir, 'the temporary file is in the same folder');
      assert.equal(fs.readFileSync(tmp, 'utf8'), fixed, 'and complete before the check');
      fs.writeFileSync(file, edited);
    },
  });
  assert.equal(outcome.ok, false);
  assert.equal(outcome.reason, 'changed');
  assert.match(outcome.message, /changed on disk/);
  assert.equal(fs.readFileSync(file, 'utf8'), edited, 'the other writer\'s content survives');
  assert.ok(tempSeen && !fs.existsSync(tempSeen));
  assert.deepEqual(leftoverTemps(dir), []);

  // Same size and content restored, but touched: still refused (mtime), nothing written.
  fs.writeFileSync(file, cellSource);
  const again = readSource(file, true);
  const o2 = writeFixedFile(file, again.snapshot, encodeOutput(again.text, fixed, again.bom), {
    beforeCommit() {
      const future = new Date(Date.now() + 5000);
      fs.utimesSync(file, future, future);
    },
  });
  assert.equal(o2.ok, false);
  assert.equal(fs.readFileSync(file, 'utf8'), cellSource);

  // Unchanged: written.
  const third = readSource(file, true);
  assert.deepEqual(writeFixedFile(file, third.snapshot, encodeOutput(third.text, fixed, third.bom)), { ok: true });
  assert.equal(fs.readFileSync(file, 'utf8'), fixed);
});

test('rnnlint --fix reports a file changed during the fix with exit 2 and keeps the new content', async (t) => {
  const { runCli: runInProcess } = cliModule();
  const dir = scratch(t);
  const file = path.join(dir, 'cell.ts');
  fs.writeFileSync(file, cellSource);
  const edited = cellSource + '\n// saved by an editor meanwhile\n';
  let out = '';
  let err = '';
  const code = await runInProcess(['--fix', '--format', 'json', 'cell.ts'], {
    cwd: dir,
    env: {},
    stdout: { write: (s) => (out += s) },
    stderr: { write: (s) => (err += s) },
    workerScript: path.join(root, 'dist', 'cli.js'),
    fixHooks: { beforeCommit: () => fs.writeFileSync(file, edited) },
  });
  assert.equal(code, 2);
  assert.match(err, /cell\.ts changed on disk/);
  assert.equal(fs.readFileSync(file, 'utf8'), edited);
  const json = JSON.parse(out);
  assert.equal(json[0].output, undefined, 'no output claimed');
  assert.ok(json[0].messages.some((m) => m.ruleId === 'returns-input-state'), 'the unfixed problem is still reported');
  assert.deepEqual(leftoverTemps(dir), []);
});

test('encodeOutput: a line a fix inserts in a CRLF file gets CRLF; mixed files are left alone', () => {
  const { encodeOutput } = cliModule();
  assert.equal(encodeOutput('a\r\nb\r\n', 'a\r\nx\nb\r\n', false).toString(), 'a\r\nx\r\nb\r\n');
  assert.equal(encodeOutput('a\nb\r\n', 'a\nx\nb\r\n', false).toString(), 'a\nx\nb\r\n');
  assert.equal(encodeOutput('a\n', 'b\n', true).toString(), '\uFEFFb\n');
});

test('--fix leaves a read-only file alone and says so (exit 2)', { skip: process.platform === 'win32' && 'POSIX modes' }, (t) => {
  const dir = scratch(t);
  const file = path.join(dir, 'cell.ts');
  fs.writeFileSync(file, cellSource);
  fs.chmodSync(file, 0o444);
  const r = runJson(['--fix', 'cell.ts'], { cwd: dir });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /cell\.ts is read-only; fixes not written/);
  assert.equal(fs.readFileSync(file, 'utf8'), cellSource);
  assert.equal(fs.statSync(file).mode & 0o777, 0o444);
  assert.ok(r.json[0].messages.some((m) => m.ruleId === 'returns-input-state'), 'the problem is still reported');
  assert.deepEqual(leftoverTemps(dir), []);
});

test('a file reached twice (a symlink beside it, overlapping paths) is linted and fixed once', (t) => {
  const dir = scratch(t);
  fs.mkdirSync(path.join(dir, 'src'));
  const target = path.join(dir, 'src', 'real.ts');
  fs.writeFileSync(target, cellSource);
  fs.symlinkSync('real.ts', path.join(dir, 'src', 'alias.ts'));
  const r = runJson(['--fix', 'src', 'src/real.ts', './src'], { cwd: dir });
  assert.equal(r.stderr, '');
  assert.equal(r.json.length, 1);
  assert.equal(fs.readFileSync(target, 'utf8'), engineFixed(cellSource, target));
  assert.ok(fs.lstatSync(path.join(dir, 'src', 'alias.ts')).isSymbolicLink());
});

test('--fix does not write to a file with syntax errors (only partly understood), and says so', (t) => {
  const dir = scratch(t);
  const file = path.join(dir, 'cell.ts');
  const broken = cellSource + '\nexport function broken(x: tf.Tensor {\n  return x +;\n';
  fs.writeFileSync(file, broken);
  const r = runJson(['--fix', 'cell.ts'], { cwd: dir });
  assert.equal(fs.readFileSync(file, 'utf8'), broken, 'nothing written');
  assert.equal(r.code, 2);
  assert.match(r.stderr, /cell\.ts has syntax errors; fixes not written/);
  const msgs = r.json[0].messages;
  assert.ok(msgs.some((m) => m.ruleId === null), 'the parse problem is reported');
  assert.ok(msgs.some((m) => m.ruleId === 'returns-input-state' && m.fix), 'and the finding, with its fix, for the editor');
  assert.equal(r.json[0].output, undefined);
  assert.deepEqual(leftoverTemps(dir), []);
});

test('--fix on many files through worker threads writes the same files as one thread', (t) => {
  const base = scratch(t);
  const dirs = ['pooled', 'single'].map((d) => path.join(base, d));
  const crlf = cellSource.replace(/\n/g, '\r\n');
  for (const dir of dirs) {
    for (let i = 0; i < 80; i++) {
      const sub = path.join(dir, `pkg${i % 4}`);
      fs.mkdirSync(sub, { recursive: true });
      fs.writeFileSync(path.join(sub, `c${String(i).padStart(2, '0')}.ts`), i % 2 ? cellSource : '\uFEFF' + crlf);
    }
  }
  const pooled = runJson(['--fix', '--concurrency', '2', '.'], { cwd: dirs[0] });
  const single = runJson(['--fix', '--concurrency', 'off', '.'], { cwd: dirs[1] });
  assert.equal(pooled.stderr, '');
  assert.equal(pooled.code, single.code);
  const rel = (r, dir) => r.json.map((x) => ({ ...x, filePath: path.relative(dir, x.filePath) }));
  assert.deepEqual(rel(pooled, dirs[0]), rel(single, dirs[1]));
  for (const x of pooled.json) {
    const rp = path.relative(dirs[0], x.filePath);
    const bytes = fs.readFileSync(x.filePath);
    assert.deepEqual(bytes, fs.readFileSync(path.join(dirs[1], rp)), rp);
    assert.match(bytes.toString('utf8'), /return hNew;/);
  }
  for (const dir of dirs) for (const sub of fs.readdirSync(dir)) assert.deepEqual(leftoverTemps(path.join(dir, sub)), []);
});
