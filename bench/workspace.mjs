// (4) Workspace lint: the CLI (`node dist/cli.js <folder> --format json`, its default worker pool)
// over 1,000 generated recurrent files of ~200 lines in a temporary folder. Wall time from spawn to
// exit, so it includes start-up, file discovery, reading and the report, as CI sees it.
// Beside it, the parsing floor for the same files in this process (read + ts.createSourceFile +
// full walk, one thread, warm): the files/s no TypeScript-based linter can beat, per core.
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, rmSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateFile } from './gen.mjs';
import { median, round, log, machineLoad } from './lib/stats.mjs';
import { runIfMain } from './lib/main.mjs';
import { ROOT } from './lib/lsp.mjs';
import { floor } from './floor.mjs';
import { sourceFiles } from './lib/real-code.mjs';

export const FILES = 1000;
export const LINES = 200;
export const TARGET_FILES_PER_S = 2000;
/**
 * Proposed restatement of the workspace target: at least half the throughput of reading, parsing
 * and walking the same files on every core (end to end, with start-up, discovery and the report).
 */
export const FLOOR_SHARE_TARGET = 0.5;
/** Files edited before each `--cache` rerun (a commit's worth). */
const CHANGED_PER_RERUN = 10;
const CLI = path.join(ROOT, 'dist', 'cli.js');

export function writeWorkspace(dir, files, lines) {
  for (let i = 0; i < files; i++) {
    const sub = path.join(dir, `pkg${i % 10}`, `mod${Math.floor(i / 100)}`);
    mkdirSync(sub, { recursive: true });
    // Rotating the templates gives each file a different mix of cells, steps and loops.
    writeFileSync(path.join(sub, `cell${i}.ts`), generateFile(lines, i + 1, i));
  }
}

/**
 * Runs the CLI under bash so `times` can report the CPU seconds of the whole process tree (main
 * thread and worker threads): on a shared machine that is the figure the wall clock hides.
 */
function runCli(args, outFile) {
  return new Promise((resolve, reject) => {
    const quoted = [process.execPath, CLI, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
    const t0 = performance.now();
    const p = spawn('bash', ['-c', `${quoted} > '${outFile}'; code=$?; times; exit $code`], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => { out += d; });
    p.stderr.on('data', (d) => { err += d; });
    p.on('error', reject);
    p.on('exit', (code) => {
      const ms = performance.now() - t0;
      // `times` prints two lines: the shell's user/sys, then its children's.
      const lines = out.trim().split('\n');
      const m = /(\d+)m([\d.]+)s\s+(\d+)m([\d.]+)s/.exec(lines[lines.length - 1] ?? '');
      const cpuMs = m ? (Number(m[1]) * 60 + Number(m[2]) + Number(m[3]) * 60 + Number(m[4])) * 1000 : NaN;
      resolve({ code, ms, cpuMs, stdout: readFileSync(outFile, 'utf8'), stderr: err });
    });
  });
}

export async function run({ quick = false } = {}) {
  if (!existsSync(CLI)) return notMeasured('dist/cli.js is missing');
  const files = FILES;
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'rnnlint-bench-ws-'));
  const dir = path.join(tmp, 'ws');
  const outFile = path.join(tmp, 'report.json');
  try {
    writeWorkspace(dir, files, LINES);
    const runs = quick ? 1 : 2;
    const times = [];
    const cpus = [];
    let checked;
    for (let r = 0; r < runs; r++) {
      const res = await runCli([dir, '--format', 'json', '--no-config'], outFile);
      if (res.code !== 0 && res.code !== 1) throw new Error(`rnnlint exited ${res.code}: ${res.stderr.slice(0, 2000)}`);
      let report;
      try {
        report = JSON.parse(res.stdout);
      } catch {
        throw new Error(`rnnlint --format json did not print JSON: ${res.stdout.slice(0, 300)} ${res.stderr.slice(0, 300)}`);
      }
      if (report.length !== files) throw new Error(`rnnlint reported ${report.length} files, expected ${files}`);
      checked = { files: report.length, messages: report.reduce((n, f) => n + f.messages.length, 0), exitCode: res.code };
      times.push(res.ms);
      cpus.push(res.cpuMs);
      log(`workspace: ${files} files x ~${LINES} lines in ${res.ms.toFixed(0)} ms wall, ${res.cpuMs.toFixed(0)} ms CPU (${((files * 1000) / res.ms).toFixed(0)} files/s), ${checked.messages} messages`);
    }
    const ms = median(times);
    const rate = (files * 1000) / ms;
    const cpu = median(cpus);
    const load = machineLoad();
    // What two otherwise idle cores would sustain if every CPU second ran in parallel (an upper
    // bound; the wall-clock figure is the one that counts on a quiet machine).
    const rateFromCpu = (files * 1000) / (cpu / 2);
    // The same files on the main thread only, to show what the worker pool buys.
    const single = await runCli([dir, '--format', 'json', '--no-config', '--concurrency', '0'], outFile);
    if (single.code !== 0 && single.code !== 1) throw new Error(`rnnlint --concurrency 0 exited ${single.code}: ${single.stderr.slice(0, 500)}`);
    log(`workspace: --concurrency 0: ${single.ms.toFixed(0)} ms wall, ${single.cpuMs.toFixed(0)} ms CPU (${((files * 1000) / single.ms).toFixed(0)} files/s)`);
    const rerun = await cachedReruns(dir, tmp, outFile, files, checked.messages, quick ? 1 : 2);
    const fl = parseFloor(dir);
    log(`workspace: parse floor ${fl.cpuMs.toFixed(0)} CPU-ms for ${files} files = ${fl.filesPerCpuSecond.toFixed(0)} files/s per core`);
    return {
      id: 'workspace',
      rows: [
        {
          what: `workspace lint (CLI), ${files.toLocaleString('en-US')} files x ~${LINES} lines`,
          figure: `${rate.toFixed(0)} files/s (${(ms / 1000).toFixed(2)} s wall, ${(cpu / 1000).toFixed(2)} CPU-s; ${load.cores} cores)`,
          value: round(rate, 0),
          target: `>= ${TARGET_FILES_PER_S} files/s on 2 cores`,
          met: rate >= TARGET_FILES_PER_S,
        },
        {
          what: '  same, one thread (--concurrency 0)',
          figure: `${((files * 1000) / single.ms).toFixed(0)} files/s (${(single.ms / 1000).toFixed(2)} s wall, ${(single.cpuMs / 1000).toFixed(2)} CPU-s)`,
          value: round((files * 1000) / single.ms, 0),
          target: 'reference',
          met: null,
        },
        {
          what: `  same, rerun with --cache, ${CHANGED_PER_RERUN} of ${files.toLocaleString('en-US')} files changed`,
          figure: `${rerun.rate.toFixed(0)} files/s (${(rerun.ms / 1000).toFixed(2)} s wall, ${(rerun.cpuMs / 1000).toFixed(2)} CPU-s; the run that filled the cache took ${(rerun.firstMs / 1000).toFixed(2)} s)`,
          value: round(rerun.rate, 0),
          target: `>= ${TARGET_FILES_PER_S} files/s (the target, for reruns)`,
          met: rerun.rate >= TARGET_FILES_PER_S,
        },
        {
          // The 2,000 files/s target is above what parsing alone reaches on this kind of machine
          // (the floor row below): restated relative to that floor, as the single-file target is.
          what: '  the same run against the parse floor on all cores',
          figure: `${(rate / (load.cores * fl.filesPerCpuSecond)).toFixed(2)} of the floor's throughput (${rate.toFixed(0)} vs ${(load.cores * fl.filesPerCpuSecond).toFixed(0)} files/s)`,
          value: round(rate / (load.cores * fl.filesPerCpuSecond), 2),
          target: `>= ${FLOOR_SHARE_TARGET} (proposed restatement)`,
          met: rate / (load.cores * fl.filesPerCpuSecond) >= FLOOR_SHARE_TARGET,
        },
        {
          what: '  parse floor for the same files (read + parse + walk, 1 thread)',
          figure: `${fl.filesPerCpuSecond.toFixed(0)} files/s per core (${(fl.cpuMs / 1000).toFixed(2)} CPU-s; ${(2 * fl.filesPerCpuSecond).toFixed(0)} files/s on 2 ideal cores)`,
          value: round(fl.filesPerCpuSecond, 0),
          target: 'reference',
          met: null,
        },
      ],
      details: { files, linesPerFile: LINES, runsMs: times.map((t) => round(t, 0)), wallMs: round(ms, 0), filesPerSecond: round(rate, 0), cpuRunsMs: cpus.map((t) => round(t, 0)), cpuMs: round(cpu, 0), filesPerSecondFromCpuOn2Cores: round(rateFromCpu, 0), singleThread: { wallMs: round(single.ms, 0), cpuMs: round(single.cpuMs, 0) }, cachedRerun: { changedFiles: CHANGED_PER_RERUN, runsMs: rerun.runsMs, firstRunMs: round(rerun.firstMs, 0), cpuMs: round(rerun.cpuMs, 0) }, parseFloorCpuMs: round(fl.cpuMs, 0), parseFloorFilesPerCpuSecond: round(fl.filesPerCpuSecond, 0), ...checked, cores: load.cores },
    };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * `--cache` reruns: one run fills the cache, then each rerun follows an edit of CHANGED_PER_RERUN
 * files (a comment appended, so their findings stay the same and the report can be checked
 * against the uncached run's message count).
 */
async function cachedReruns(dir, tmp, outFile, files, expectedMessages, runs) {
  const args = [dir, '--format', 'json', '--no-config', '--cache', '--cache-location', path.join(tmp, 'rnnlint.cache')];
  const check = (res, what) => {
    if (res.code !== 0 && res.code !== 1) throw new Error(`rnnlint ${what} exited ${res.code}: ${res.stderr.slice(0, 2000)}`);
    const report = JSON.parse(res.stdout);
    const messages = report.reduce((n, f) => n + f.messages.length, 0);
    if (report.length !== files || messages !== expectedMessages) {
      throw new Error(`rnnlint ${what} reported ${report.length} files and ${messages} messages, expected ${files} and ${expectedMessages}`);
    }
  };
  const first = await runCli(args, outFile);
  check(first, '--cache (first run)');
  const all = sourceFiles(dir);
  const times = [];
  const cpus = [];
  for (let r = 0; r < runs; r++) {
    for (let k = 0; k < CHANGED_PER_RERUN; k++) {
      const f = all[(r * 97 + k * 31) % all.length];
      writeFileSync(f, readFileSync(f, 'utf8') + `\n// edited before rerun ${r}\n`);
    }
    const res = await runCli(args, outFile);
    check(res, '--cache (rerun)');
    times.push(res.ms);
    cpus.push(res.cpuMs);
    log(`workspace: --cache rerun, ${CHANGED_PER_RERUN} files changed: ${res.ms.toFixed(0)} ms wall, ${res.cpuMs.toFixed(0)} ms CPU (${((files * 1000) / res.ms).toFixed(0)} files/s)`);
  }
  const ms = median(times);
  return { ms, rate: (files * 1000) / ms, cpuMs: median(cpus), firstMs: first.ms, runsMs: times.map((t) => round(t, 0)) };
}

/** Read + parse + walk every file once, warm, on one thread: CPU ms and files per CPU-second. */
function parseFloor(dir) {
  const files = sourceFiles(dir);
  for (const f of files.slice(0, 50)) floor(readFileSync(f, 'utf8'), f);
  const c0 = process.cpuUsage();
  for (const f of files) floor(readFileSync(f, 'utf8'), f);
  const c = process.cpuUsage(c0);
  const ms = (c.user + c.system) / 1000;
  return { cpuMs: ms, filesPerCpuSecond: (files.length * 1000) / ms };
}

function notMeasured(reason) {
  return { id: 'workspace', rows: [{ what: 'workspace lint (CLI)', figure: `not measured: ${reason}`, value: null, target: `>= ${TARGET_FILES_PER_S} files/s on 2 cores`, met: null }] };
}

await runIfMain(import.meta.url, run);
