// scripts/export-real-code.mjs: the source files of a bare snapshot land in the output folder, with
// their bytes; other files, .d.ts and node_modules are left out; a blob the snapshot does not hold
// (a Git LFS file, say) is skipped without stopping the rest.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, existsSync, rmSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { exportSnapshot } from '../scripts/export-real-code.mjs';

function bareSnapshot(files) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rnnlint-export-'));
  const work = path.join(dir, 'work');
  mkdirSync(work);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(work, name)), { recursive: true });
    writeFileSync(path.join(work, name), text);
  }
  const git = (...args) => execFileSync('git', args, { cwd: work, stdio: 'pipe', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-qm', 'snapshot');
  execFileSync('git', ['clone', '-q', '--bare', work, path.join(dir, 'repo')]);
  return { dir, gitDir: path.join(dir, 'repo') };
}

test('exports the source files of a bare snapshot, bytes intact, and skips the rest', () => {
  const { dir, gitDir } = bareSnapshot({
    'src/cell.ts': 'export const h = 1;\n',
    'src/deep/loop.mjs': 'const é = "ü";\r\nexport default é;\n',
    'src/types.d.ts': 'export type T = number;\n',
    'src/node_modules/dep/index.js': 'module.exports = 1;\n',
    'src/README.md': '# readme\n',
    'other/skip.js': 'x();\n',
  });
  try {
    const out = path.join(dir, 'out');
    const counts = exportSnapshot(gitDir, out, { into: 'lib', include: /^src\// });
    assert.deepEqual(counts, { written: 2, missing: 0 });
    assert.equal(readFileSync(path.join(out, 'lib/src/cell.ts'), 'utf8'), 'export const h = 1;\n');
    assert.equal(readFileSync(path.join(out, 'lib/src/deep/loop.mjs'), 'utf8'), 'const é = "ü";\r\nexport default é;\n');
    assert.deepEqual(readdirSync(path.join(out, 'lib/src')).sort(), ['cell.ts', 'deep']);
    assert.equal(existsSync(path.join(out, 'lib/other')), false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a blob missing from the snapshot is skipped and counted; the files after it are still written', () => {
  const { dir, gitDir } = bareSnapshot({ 'a.js': 'a();\n', 'b.js': 'b();\n', 'c.js': 'c();\n' });
  try {
    const blob = execFileSync('git', [`--git-dir=${gitDir}`, 'rev-parse', 'HEAD:b.js'], { encoding: 'utf8' }).trim();
    rmSync(path.join(gitDir, 'objects', blob.slice(0, 2), blob.slice(2)));
    const out = path.join(dir, 'out');
    assert.deepEqual(exportSnapshot(gitDir, out, { into: 'r', include: /^/ }), { written: 2, missing: 1 });
    assert.equal(readFileSync(path.join(out, 'r/c.js'), 'utf8'), 'c();\n');
    assert.equal(existsSync(path.join(out, 'r/b.js')), false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
