// Shared by test/probe*.test.mjs: run `rnnlint probe` as a user would, and find processes that a
// probe run may have left behind (by a marker in their environment, which children inherit).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const cliPath = path.join(root, 'dist', 'cli.js');
export const runnerPath = path.join(root, 'dist', 'probe-runner.js');
export const fixture = (name) => path.join(root, 'test-fixtures', 'probe', name);
export const schema = JSON.parse(fs.readFileSync(path.join(root, 'server', 'src', 'probe', 'trace.schema.json'), 'utf8'));

export function newMarker() {
  return `rnnlint-probe-test-${randomUUID()}`;
}

/** Runs `node dist/cli.js probe ...args`; json is the parsed stdout with --format json. */
export function probeCli(args, { env = {}, marker = newMarker() } = {}) {
  const res = spawnSync(process.execPath, [cliPath, 'probe', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, RNNLINT_TEST_MARKER: marker, ...env },
    timeout: 120_000,
  });
  let json;
  if (args.includes('json')) {
    try {
      json = JSON.parse(res.stdout);
    } catch {
      json = undefined;
    }
  }
  return { code: res.status, stdout: res.stdout, stderr: res.stderr, json, marker };
}

/** Live (not zombie) processes whose environment holds the marker. Linux /proc. */
export function processesWithMarker(marker) {
  const out = [];
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const env = fs.readFileSync(`/proc/${pid}/environ`, 'latin1');
      if (!env.includes(`RNNLINT_TEST_MARKER=${marker}`)) continue;
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'latin1');
      const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
      if (state !== 'Z' && state !== 'X') out.push({ pid: Number(pid), cmd: fs.readFileSync(`/proc/${pid}/cmdline`, 'latin1').replace(/\0/g, ' ') });
    } catch {
      /* gone or not ours */
    }
  }
  return out;
}

/** Waits (briefly) until no process carries the marker; returns those still alive. */
export async function leftovers(marker, waitMs = 3000) {
  const until = Date.now() + waitMs;
  let left = processesWithMarker(marker);
  while (left.length && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 100));
    left = processesWithMarker(marker);
  }
  return left;
}

/**
 * Waits until `pid` is gone, up to `waitMs` (a liveness bound: a killed process takes a moment to
 * leave the process table on a busy machine); returns true when it is gone.
 */
export async function goneWithin(pid, waitMs = 3000) {
  const until = Date.now() + waitMs;
  while (isAlive(pid) && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
  return !isAlive(pid);
}

export function isAlive(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'latin1');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state !== 'Z' && state !== 'X';
  } catch {
    return false;
  }
}
