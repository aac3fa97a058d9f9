// Linting many files on several cores. The main thread lints too (it has the engine loaded anyway);
// worker threads (the same bundle, started with a marker in workerData) join when they are ready,
// pull small batches from a shared queue, and read, lint and fix their files themselves, so reading
// and writing are spread as well. A pool only starts when there are enough files to pay for a
// worker's start-up (loading the engine takes as long as linting tens of files). If a worker dies
// (out of memory on a pathological file, say), the files of its unfinished batches are not given to
// the main thread, which could die the same way and lose the whole report: after the run they are
// linted one at a time in a fresh worker, and a file that kills that worker too is reported as not
// linted. RNNLINT_WORKER_HEAP_MB caps each worker's heap (as it does the language server's).
// Results come back in discovery order.

import * as os from 'node:os';
import { Worker, parentPort, workerData } from 'node:worker_threads';
import type { RuleLevel } from '../report';
import type { WriteHooks } from './fix-writer';
import { lintFile, type FileOutcome, type LintFileOptions } from './lint-file';

export const WORKER_KIND = 'rnnlint-lint-worker';
/** Below this many files everything runs in the main thread. */
export const POOL_THRESHOLD = 50;

export interface LintJob {
  file: string;
  /** Index into the run's list of rule-level maps. */
  config: number;
}

interface WorkerInit {
  kind: typeof WORKER_KIND;
  configs: Array<Record<string, RuleLevel>>;
  options: LintFileOptions;
}

type ToWorker = { type: 'batch'; batch: number; jobs: LintJob[] };
type FromWorker = { type: 'ready' } | { type: 'done'; batch: number; outcomes: FileOutcome[] };

export function workerCount(files: number, requested: 'auto' | number): number {
  if (requested !== 'auto') return Math.max(0, Math.min(requested, files, 64));
  if (files <= POOL_THRESHOLD) return 0;
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  // The main thread is one of the linting threads, and one core is left to V8's own helper threads
  // (garbage collection, optimising compiler) of every thread: on two cores a worker bought no
  // wall-clock time over 1,000 files and cost 35% more CPU (bench/workspace.mjs).
  return Math.max(0, Math.min(cores - 2, Math.floor(files / 25)));
}

export function isLintWorker(): boolean {
  return parentPort !== null && (workerData as WorkerInit | undefined)?.kind === WORKER_KIND;
}

/** Entry point of a pool worker. */
export function runLintWorker(): void {
  const init = workerData as WorkerInit;
  const port = parentPort!;
  port.on('message', (msg: ToWorker) => {
    if (msg.type !== 'batch') return;
    const outcomes = msg.jobs.map((j) => lintFile(j.file, init.configs[j.config], init.options));
    port.postMessage({ type: 'done', batch: msg.batch, outcomes } satisfies FromWorker);
  });
  port.postMessage({ type: 'ready' } satisfies FromWorker);
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function lintAll(
  jobs: readonly LintJob[],
  configs: Array<Record<string, RuleLevel>>,
  options: LintFileOptions,
  workers: number,
  workerScript: string,
  /** Test hooks for the fix writer; functions cannot cross into workers, so they force one thread. */
  hooks?: WriteHooks,
  /** The main thread lints too (the default); else only while no worker is alive. */
  mainLints = true,
): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = new Array(jobs.length);
  if (workers <= 0 || hooks) {
    for (let i = 0; i < jobs.length; i++) outcomes[i] = lintFile(jobs[i].file, configs[jobs[i].config], options, hooks);
    return outcomes;
  }

  const queue: number[] = [];
  for (let i = jobs.length - 1; i >= 0; i--) queue.push(i); // pop() takes from the front
  let remaining = jobs.length;
  let wake: (() => void) | undefined;
  const settle = () => {
    if (wake) {
      const w = wake;
      wake = undefined;
      w();
    }
  };
  const threads = workers + 1;
  const takeBatch = (): number[] => {
    const size = Math.max(1, Math.min(16, Math.floor(queue.length / (threads * 4))));
    const ids: number[] = [];
    while (ids.length < size && queue.length > 0) ids.push(queue.pop()!);
    return ids;
  };

  const init: WorkerInit = { kind: WORKER_KIND, configs, options };
  const spawn = () => new Worker(workerScript, { workerData: init, stdout: false, stderr: false, resourceLimits: heapLimit() });
  const orphans: number[] = [];
  let lastLoss = '';
  const pool: Worker[] = [];
  let alive = workers;
  for (let w = 0; w < workers; w++) {
    const worker = spawn();
    let gone = false;
    // Two batches in flight per worker, so that it never waits for the main thread (busy linting
    // a file of its own) to hand out the next one.
    const inFlight = new Map<number, number[]>();
    let seq = 0;
    const feed = () => {
      const ids = takeBatch();
      if (ids.length === 0) return;
      const batch = seq++;
      inFlight.set(batch, ids);
      worker.postMessage({ type: 'batch', batch, jobs: ids.map((i) => jobs[i]) } satisfies ToWorker);
    };
    worker.on('message', (msg: FromWorker) => {
      if (msg.type === 'ready') {
        feed();
        feed();
        return;
      }
      const ids = inFlight.get(msg.batch) ?? [];
      inFlight.delete(msg.batch);
      ids.forEach((id, k) => {
        outcomes[id] = msg.outcomes[k];
      });
      remaining -= ids.length;
      settle();
      feed();
    });
    const lost = (why: unknown) => {
      if (!gone) {
        gone = true;
        alive--;
      }
      if (why instanceof Error) lastLoss = why.message;
      for (const ids of inFlight.values()) orphans.push(...ids);
      remaining -= [...inFlight.values()].reduce((n, ids) => n + ids.length, 0);
      inFlight.clear();
      settle();
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`exit code ${code}`)));
    pool.push(worker);
  }

  try {
    while (remaining > 0) {
      const id = mainLints || alive === 0 ? queue.pop() : undefined;
      if (id === undefined) {
        // Everything is handed out (or left to the workers): wait for a batch or a lost worker.
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        continue;
      }
      outcomes[id] = lintFile(jobs[id].file, configs[jobs[id].config], options);
      remaining--;
      await yieldToEventLoop();
    }
  } finally {
    for (const worker of pool) {
      worker.removeAllListeners('exit');
      void worker.terminate();
    }
  }
  if (orphans.length > 0) await lintIsolated(orphans.sort((a, b) => a - b), jobs, outcomes, spawn, lastLoss);
  return outcomes;
}

function heapLimit(): { maxOldGenerationSizeMb: number } | undefined {
  const mb = Number(process.env.RNNLINT_WORKER_HEAP_MB);
  return Number.isFinite(mb) && mb > 0 ? { maxOldGenerationSizeMb: mb } : undefined;
}

/** Lints files one per batch in a worker that is replaced whenever a file brings it down. */
async function lintIsolated(ids: number[], jobs: readonly LintJob[], outcomes: FileOutcome[], spawn: () => Worker, firstLoss: string): Promise<void> {
  const notLinted = (id: number, why: string): FileOutcome => ({
    problems: [{ filePath: jobs[id].file, message: `${jobs[id].file} was not linted: the analysis stopped its worker thread (${why || firstLoss})` }],
  });
  // Resolves with the settled outcome of one message exchange, or the reason the worker went away.
  const next = (w: Worker, send?: ToWorker) =>
    new Promise<FromWorker | Error>((resolve) => {
      const done = (v: FromWorker | Error) => {
        w.removeAllListeners('message');
        w.removeAllListeners('error');
        w.removeAllListeners('exit');
        resolve(v);
      };
      w.on('message', (m: FromWorker) => done(m));
      w.on('error', (e: Error) => done(e));
      w.on('exit', (code: number) => done(new Error(`exit code ${code}`)));
      if (send) w.postMessage(send);
    });
  let worker: Worker | undefined;
  let failedStarts = 0;
  for (let k = 0; k < ids.length; k++) {
    const id = ids[k];
    if (!worker) {
      const w = spawn();
      const started = await next(w);
      if (started instanceof Error) {
        void w.terminate();
        // A worker that cannot even start will not start for the next file either.
        if (++failedStarts >= 2) {
          for (const rest of ids.slice(k)) outcomes[rest] = notLinted(rest, started.message);
          return;
        }
        outcomes[id] = notLinted(id, started.message);
        continue;
      }
      failedStarts = 0;
      worker = w;
    }
    const reply = await next(worker, { type: 'batch', batch: 0, jobs: [jobs[id]] });
    if (reply instanceof Error || reply.type !== 'done') {
      outcomes[id] = notLinted(id, reply instanceof Error ? reply.message : 'unexpected message');
      void worker.terminate();
      worker = undefined;
    } else {
      outcomes[id] = reply.outcomes[0];
    }
  }
  if (worker) void worker.terminate();
}
