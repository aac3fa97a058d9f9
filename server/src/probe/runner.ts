// The probe's child process (dist/probe-runner.js). It receives a sliced, transpiled cell over IPC,
// loads tfjs once (warm runs reuse it), runs the harness and sends the figures back. The parent
// (pool.ts) starts it in its own process group with a heap limit and kills the group on timeout or
// cancel; this file only has to contain what the cell does while it runs (process.exit, spawns).

import Module, { createRequire } from 'node:module';
import * as path from 'node:path';
import * as childProcess from 'node:child_process';
import { CellError, mulberry32, runHarness, type ProbeModule } from './harness';
import type { ProbeBackend, ProbeFailure, ProbeJob } from './types';

/* eslint-disable @typescript-eslint/no-explicit-any */
process.setSourceMapsEnabled(true);

export interface RunnerRequest {
  type: 'run';
  id: number;
  job: ProbeJob;
}
export type RunnerReply =
  | { type: 'ready'; pid: number }
  | {
      type: 'result';
      id: number;
      ok: true;
      result: ReturnType<typeof runHarness>;
      backend: ProbeBackend;
      tfjs: TfjsInfo;
      loadTfMs: number;
      runMs: number;
      usedChildProcess: boolean;
    }
  | { type: 'result'; id: number; ok: false; failure: ProbeFailure; usedChildProcess: boolean; backend?: ProbeBackend };

/** Which tfjs runs the cell: the workspace's @tensorflow/tfjs-node, or the bundled @tensorflow/tfjs. */
export interface TfjsInfo {
  source: 'workspace' | 'bundled';
  /** Resolved path of the workspace package. */
  path?: string;
  version?: string;
  /** Why the workspace package was not used, when it resolved but failed to load. */
  fallbackReason?: string;
}

let loaded: { tf: any; backend: ProbeBackend; key: string; info: TfjsInfo } | undefined;

function backendName(tf: any): ProbeBackend {
  const b = String(tf.getBackend?.() ?? '');
  return b === 'tensorflow' || b === 'wasm' ? b : 'cpu';
}

/** The workspace's @tensorflow/tfjs-node when it resolves from the user's file and loads; else the
 *  bundled @tensorflow/tfjs on WASM; else CPU. */
async function loadTf(fileName: string, wasmDir: string | undefined): Promise<{ tf: any; backend: ProbeBackend; ms: number; info: TfjsInfo }> {
  const t0 = performance.now();
  let nodePath: string | undefined;
  try {
    nodePath = createRequire(fileName).resolve('@tensorflow/tfjs-node');
  } catch {
    nodePath = undefined;
  }
  let fallbackReason: string | undefined;
  if (nodePath) {
    if (loaded && loaded.key === nodePath) return { ...loaded, ms: 0 };
    try {
      const tf = createRequire(fileName)(nodePath);
      await tf.ready();
      loaded = { tf, backend: backendName(tf), key: nodePath, info: { source: 'workspace', path: nodePath, version: tf.version?.['tfjs-core'] ?? tf.version_core } };
      return { ...loaded, ms: performance.now() - t0 };
    } catch (e) {
      fallbackReason = `@tensorflow/tfjs-node at ${nodePath} did not load: ${(e as Error)?.message ?? e}`;
    }
  }
  if (loaded && loaded.key === 'bundled') return { ...loaded, info: { ...loaded.info, fallbackReason }, ms: 0 };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const tf = require('@tensorflow/tfjs');
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const wasm = require('@tensorflow/tfjs-backend-wasm');
    const dir = wasmDir ?? __dirname;
    wasm.setWasmPaths(dir.endsWith(path.sep) ? dir : dir + path.sep);
    if (!(await tf.setBackend('wasm'))) await tf.setBackend('cpu');
  } catch {
    await tf.setBackend('cpu');
  }
  await tf.ready();
  loaded = { tf, backend: backendName(tf), key: 'bundled', info: { source: 'bundled', version: tf.version?.['tfjs-core'] } };
  return { ...loaded, info: { ...loaded.info, fallbackReason }, ms: performance.now() - t0 };
}

class ExitCalled extends Error {}

/** Where in the user's file an error happened: the first stack frame in it (source-mapped). */
function locate(e: unknown, fileName: string): { line?: number; column?: number } {
  const stack = String((e as Error)?.stack ?? '');
  for (const l of stack.split('\n')) {
    const i = l.indexOf(fileName + ':');
    if (i < 0) continue;
    const m = l.slice(i + fileName.length).match(/^:(\d+):(\d+)/);
    if (m) return { line: Number(m[1]), column: Number(m[2]) };
  }
  return {};
}

function compile(job: ProbeJob, tf: any, onChildProcess: () => void): ProbeModule {
  const fileName = job.fileName;
  const userRequire = createRequire(fileName);
  const M = Module as any;
  const m = new M(fileName, null);
  m.filename = fileName;
  m.paths = typeof M._nodeModulePaths === 'function' ? M._nodeModulePaths(path.dirname(fileName)) : [];
  m.require = (id: string) => {
    if (/^@tensorflow\/tfjs(-node|-node-gpu|-core|-layers)?$/.test(id)) return tf;
    if (id === 'child_process' || id === 'node:child_process') {
      onChildProcess();
      // Children stay in the runner's process group (never detached), so killing the group kills them.
      const wrap =
        (fn: (...a: any[]) => any) =>
        (...args: any[]) => {
          for (const a of args) if (a && typeof a === 'object' && !Array.isArray(a) && 'detached' in a) a.detached = false;
          return fn(...args);
        };
      const cp: any = { ...childProcess };
      for (const k of ['spawn', 'fork', 'exec', 'execFile', 'spawnSync', 'execSync', 'execFileSync'])
        cp[k] = wrap((childProcess as any)[k].bind(childProcess));
      return cp;
    }
    if (/^\.{0,2}\//.test(id)) throw new Error(`the probe does not load other files of the workspace ('${id}')`);
    return userRequire(id);
  };
  m._compile(job.code, fileName);
  const mod = m.exports.__rnnlintProbe as ProbeModule;
  if (!mod) throw new Error('probe glue missing from the slice');
  return mod;
}

async function run(req: RunnerRequest): Promise<RunnerReply> {
  const { job, id } = req;
  let usedChildProcess = false;
  let backend: ProbeBackend | undefined;
  const realExit = process.exit;
  const realRandom = Math.random;
  let tf: any;
  try {
    const loadedTf = await loadTf(job.fileName, job.wasmDir);
    tf = loadedTf.tf;
    backend = loadedTf.backend;
    const t0 = performance.now();
    Math.random = mulberry32(job.config.seed);
    process.exit = ((code?: number) => {
      throw new ExitCalled(`the cell called process.exit(${code ?? ''}); the probe stopped it`);
    }) as typeof process.exit;
    tf.engine().startScope();
    let result: ReturnType<typeof runHarness> | undefined;
    try {
      const tc = performance.now();
      const mod = compile(job, tf, () => (usedChildProcess = true));
      const compileMs = performance.now() - tc;
      result = runHarness(tf, job, mod);
      result.phases = { compileMs, ...result.phases };
    } finally {
      const te = performance.now();
      tf.engine().endScope();
      tf.disposeVariables();
      if (result) result.phases.cleanupMs = performance.now() - te;
    }
    return { type: 'result', id, ok: true, result, backend, tfjs: loadedTf.info, loadTfMs: loadedTf.ms, runMs: performance.now() - t0, usedChildProcess };
  } catch (e) {
    const err = e as Error;
    const where = locate(e, job.fileName);
    const message = e instanceof ExitCalled || e instanceof CellError ? err.message : `${err?.name ?? 'Error'}: ${err?.message ?? String(e)}`;
    return {
      type: 'result',
      id,
      ok: false,
      backend,
      usedChildProcess,
      failure: { kind: 'throw', message, ...where, stack: String(err?.stack ?? '').split('\n').slice(0, 12).join('\n') },
    };
  } finally {
    process.exit = realExit;
    Math.random = realRandom;
  }
}

if (typeof process.send === 'function') {
  process.on('message', (msg: RunnerRequest) => {
    if (!msg || msg.type !== 'run') return;
    void run(msg).then((reply) => process.send!(reply));
  });
  const hardExit = process.exit.bind(process);
  // The parent went away (editor closed, CLI done): nothing may outlive it.
  process.on('disconnect', () => hardExit(0));
  process.send({ type: 'ready', pid: process.pid } satisfies RunnerReply);
}
