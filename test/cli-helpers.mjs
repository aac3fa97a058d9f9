// Shared by test/cli*.test.mjs and test/config*.test.mjs: run the built CLI as a user would, copy
// fixture projects to scratch folders, and compute what the engine itself reports for a file
// (through dist/api.js) so that CLI output is checked against the engine, never against constants.

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const cliPath = path.join(root, 'dist', 'cli.js');
export const fixtures = path.join(root, 'test-fixtures', 'cli');

export function api() {
  return require(path.join(root, 'dist', 'api.js'));
}

/** The CLI bundle's own exports (it only runs as a command when it is the main module). */
export function cliModule() {
  return require(cliPath);
}

export function runCli(args, { cwd = root, env = {}, input } = {}) {
  const res = spawnSync(process.execPath, [cliPath, ...args], {
    cwd,
    input,
    env: { ...process.env, NO_COLOR: '', FORCE_COLOR: undefined, ...env },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (res.error) throw res.error;
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}

export function runJson(args, opts) {
  const r = runCli(['--format', 'json', ...args], opts);
  let json;
  try {
    json = JSON.parse(r.stdout);
  } catch (e) {
    throw new Error(`not JSON (exit ${r.code}): ${r.stdout.slice(0, 500)}\nstderr: ${r.stderr}`);
  }
  return { ...r, json };
}

/** A fresh scratch folder outside the repository (no config file above it). */
export function scratch(t) {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'rnnlint-cli-')));
  t?.after?.(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Copies a fixture folder into a scratch folder; returns the copy's path. */
export function copyFixture(t, name) {
  const dir = scratch(t);
  const dest = path.join(dir, name);
  fs.cpSync(path.join(fixtures, name), dest, { recursive: true });
  return dest;
}

/** What lintText reports for a file, reduced to the fields the CLI's JSON shows. */
export function engineMessages(file, rules) {
  let text = fs.readFileSync(file, 'utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return api().lintText(text, file, rules ? { rules } : {}).messages.map(pick);
}

export function pick(m) {
  return {
    ruleId: m.ruleId,
    severity: m.severity,
    message: m.message,
    line: m.line,
    column: m.column,
    endLine: m.endLine,
    endColumn: m.endColumn,
  };
}

export function applyEdit(text, fix) {
  return text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1]);
}

/** Files left in a folder whose name marks them as rnnlint temporaries. */
export function leftoverTemps(dir) {
  return fs.readdirSync(dir).filter((f) => f.includes('.rnnlint-') && f.endsWith('.tmp'));
}
