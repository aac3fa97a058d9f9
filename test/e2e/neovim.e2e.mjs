// A second, real LSP client: headless Neovim (Debian's 0.7) runs `node dist/server.js --stdio`
// through its built-in client (test/e2e/nvim/lsp-check.lua), and this test reads back what Neovim
// saw: the diagnostics, the code action titles, the buffer after the preferred action, the file on
// disk after :write.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot, ensureNeovim } from './harness.mjs';

const serverJs = path.join(repoRoot, 'dist', 'server.js');
const luaScript = path.join(repoRoot, 'test', 'e2e', 'nvim', 'lsp-check.lua');
let nvim;

before(() => {
  assert.ok(fs.existsSync(serverJs), `${serverJs} is missing: run \`npm run build\` first`);
  nvim = ensureNeovim();
});

/** Copies a fixture into a scratch folder, runs Neovim on it, returns { result, text, stderr }. */
function runNeovim(fixture, env = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rnnlint-nvim-'));
  try {
    const file = path.join(dir, fixture);
    fs.copyFileSync(path.join(repoRoot, 'test-fixtures', 'e2e', fixture), file);
    const resultFile = path.join(dir, 'result.json');
    const r = spawnSync(nvim, ['--headless', '--clean', '-u', luaScript, fixture], {
      cwd: dir,
      env: { ...process.env, RNNLINT_SERVER: serverJs, RNNLINT_RESULT: resultFile, ...env },
      encoding: 'utf8',
      timeout: 90_000,
    });
    assert.ok(
      fs.existsSync(resultFile),
      `Neovim wrote no result (exit ${r.status}, signal ${r.signal}, error ${r.error?.message ?? '-'}):\n${r.stdout}\n${r.stderr}`,
    );
    const result = JSON.parse(fs.readFileSync(resultFile, 'utf8'));
    return { result, text: fs.readFileSync(file, 'utf8') };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test('Neovim: diagnostics on a buggy cell, the preferred quick fix applies and the problem goes away', () => {
  const { result, text } = runNeovim('two-bugs.ts', { RNNLINT_CODE: 'returns-input-state' });
  assert.equal(result.error, undefined, `Neovim run failed: ${result.error}\n${JSON.stringify(result, null, 2)}`);
  assert.equal(result.nvim.major, 0);

  // What `:lua vim.diagnostic.setqflist()` would list: rule id, line, severity, message, doc link.
  const before = result.diagnostics_before.map((d) => [d.code, d.lnum + 1, d.col + 1, d.severity, d.source]);
  assert.deepEqual(before, [
    ['stacked-activation', 9, 16, 2 /* WARN */, 'rnnlint'],
    ['returns-input-state', 10, 10, 1 /* ERROR */, 'rnnlint'],
  ]);
  const ris = result.diagnostics_before[1];
  assert.match(ris.message, /returns the incoming state `h` unchanged.*computes `hNew`/);
  assert.match(ris.href, /rules\/returns-input-state\.md$/);

  // The code action menu (`:lua vim.lsp.buf.code_action()`).
  assert.deepEqual(result.actions.map((a) => a.title), [
    'Return `hNew` as the new state',
    'Disable returns-input-state for this line',
    'Disable returns-input-state for the entire file',
    'Show documentation for returns-input-state',
  ]);
  assert.deepEqual(result.actions.filter((a) => a.isPreferred).map((a) => a.title), ['Return `hNew` as the new state']);
  assert.equal(result.applied, 'Return `hNew` as the new state');

  // The buffer and the saved file have the fix; only the unfixed (suggestion-only) problem remains.
  assert.equal(result.lines_after[9], '  return hNew;');
  assert.equal(result.lines_after[8], '  const hNew = tf.tanh(tf.sigmoid(z));');
  assert.ok(result.saved);
  assert.equal(text.split('\n')[9], '  return hNew;');
  assert.deepEqual(result.diagnostics_after.map((d) => [d.code, d.lnum + 1]), [['stacked-activation', 9]]);
  assert.ok(result.publishes >= 2, 'the server re-published after the edit');
  assert.equal(result.server_running_after, true);
});

test('Neovim: a correct cell gets an empty diagnostics publish', () => {
  const { result } = runNeovim('correct-cell.ts');
  assert.equal(result.error, undefined, `Neovim run failed: ${result.error}`);
  assert.ok(result.publishes >= 1, 'the server published diagnostics for the file');
  assert.deepEqual(result.diagnostics_before, []);
});
