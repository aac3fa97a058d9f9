// Linting many files on several cores. The main thread lints too (it has the engine loaded anyway);
// worker threads (the same bundle, started with a marker in workerData) join when they are ready,
// pull small batches from a shared queue, and read, lint and fix their files themselves, so reading
// and writing are spread as well. A pool only starts when there are enough files to pay for a
// worker's start-up (loading the engine takes as long as linting tens of files). If a worker dies,
// its unfinished batch goes back to the queue. Results come back in discovery order.

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

type ToWorker = { type: 'batch'; ids: number[]; jobs: LintJob[] };
type FromWorker = { type: 'ready' } | { type: 'done'; ids: number[]; outcomes: FileOutcome[] };

export function workerCount(files: number, requested: 'auto' | number): number {
  if (requested !== 'auto') return Math.max(0, Math.min(requested, files - 1, 64));
  if (files <= POOL_THRESHOLD) return 0;
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  // The main thread is one of the linting threads.
  return Math.max(0, Math.min(cores - 1, Math.floor(files / 25)));
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
    port.postMessage({ type: 'done', ids: msg.ids, outcomes } satisfies FromWorker);
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
    const size = Math.max(1, Math.min(32, Math.floor(queue.length / (threads * 3))));
    const ids: number[] = [];
    while (ids.length < size && queue.length > 0) ids.push(queue.pop()!);
    return ids;
  };

  const pool: Worker[] = [];
  for (let w = 0; w < workers; w++) {
    const init: WorkerInit = { kind: WORKER_KIND, configs, options };
    const worker = new Worker(workerScript, { workerData: init, stdout: false, stderr: false });
    let inFlight: number[] = [];
    const feed = () => {
      inFlight = takeBatch();
      if (inFlight.length > 0) worker.postMessage({ type: 'batch', ids: inFlight, jobs: inFlight.map((i) => jobs[i]) } satisfies ToWorker);
    };
    worker.on('message', (msg: FromWorker) => {
      if (msg.type === 'done') {
        msg.ids.forEach((id, k) => {
          outcomes[id] = msg.outcomes[k];
        });
        remaining -= msg.ids.length;
        inFlight = [];
        settle();
      }
      feed();
    });
    const lost = () => {
      // Give the unfinished batch back; the main thread (or another worker) lints it.
      for (const id of inFlight) queue.push(id);
      inFlight = [];
      settle();
    };
    worker.on('error', lost);
    worker.on('exit', lost);
    pool.push(worker);
  }

  try {
    while (remaining > 0) {
      const id = queue.pop();
      if (id === undefined) {
        // Everything is handed out: wait for the workers' last batches (or for a lost batch).
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
  return outcomes;
}
