// Background analysis for big documents. lintText is synchronous; a few hundred kilobytes of code
// take long enough to stall every other request, so big texts go to a worker thread (the same
// bundle, started with a flag) while small ones run inline. The worker has its own heap limit, so a
// pathological document costs that worker, never the server, and a run that takes too long is
// stopped by terminating the worker.
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { lintText } from '../lint';
import type { LintOptions, LintResult } from '../report';

const FLAG = 'rnnlintLintWorker';

interface Job {
  id: number;
  text: string;
  fileName: string;
  options: LintOptions;
}
type Reply = { id: number; result: LintResult } | { id: number; error: string };

export function isLintWorker(): boolean {
  return !isMainThread && !!workerData && (workerData as Record<string, unknown>)[FLAG] === true;
}

/** Entry point inside the worker thread. */
export function runLintWorker(): void {
  const port = parentPort!;
  port.on('message', (job: Job) => {
    let reply: Reply;
    try {
      reply = { id: job.id, result: lintText(job.text, job.fileName, job.options) };
    } catch (e) {
      reply = { id: job.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
    }
    port.postMessage(reply);
  });
}

interface Pending extends Job {
  key: string;
  resolve(r: LintResult | undefined): void;
  reject(e: Error): void;
}

export interface BackgroundOptions {
  /** Stop a run after this long (the worker is terminated and restarted for the next job). */
  timeoutMs: number;
  /** Stop the idle worker after this long. */
  idleMs: number;
  /** Heap limit of the worker. */
  maxOldGenerationSizeMb: number;
}

/** One worker, one job at a time; a queued job is dropped when a newer one for the same key comes. */
export class BackgroundLinter {
  private worker: Worker | undefined;
  private readonly queue: Pending[] = [];
  private running: (Pending & { timer: NodeJS.Timeout }) | undefined;
  private idleTimer: NodeJS.Timeout | undefined;
  private nextId = 1;

  constructor(
    private readonly script: string,
    private readonly log: (msg: string) => void,
    private readonly opts: BackgroundOptions = { timeoutMs: 120_000, idleMs: 60_000, maxOldGenerationSizeMb: 4096 },
  ) {}

  /** Resolves with undefined when a newer job for the same key replaced this one before it ran. */
  lint(key: string, text: string, fileName: string, options: LintOptions): Promise<LintResult | undefined> {
    return new Promise((resolve, reject) => {
      for (let i = this.queue.length - 1; i >= 0; i--) {
        if (this.queue[i].key === key) {
          this.queue[i].resolve(undefined);
          this.queue.splice(i, 1);
        }
      }
      this.queue.push({ id: this.nextId++, key, text, fileName, options, resolve, reject });
      this.pump();
    });
  }

  dispose(): void {
    for (const p of this.queue.splice(0)) p.resolve(undefined);
    if (this.running) {
      clearTimeout(this.running.timer);
      this.running.resolve(undefined);
      this.running = undefined;
    }
    this.stopWorker();
  }

  private pump(): void {
    if (this.running || this.queue.length === 0) {
      if (!this.running && this.queue.length === 0) this.armIdle();
      return;
    }
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
    const job = this.queue.shift()!;
    const worker = this.ensureWorker();
    const timer = setTimeout(() => {
      const t = this.opts.timeoutMs;
      this.fail(new Error(`analysis stopped after ${t >= 1000 ? `${Math.round(t / 1000)} s` : `${t} ms`} (too slow)`));
    }, this.opts.timeoutMs);
    this.running = { ...job, timer };
    const msg: Job = { id: job.id, text: job.text, fileName: job.fileName, options: job.options };
    worker.postMessage(msg);
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const w = new Worker(this.script, {
      workerData: { [FLAG]: true },
      resourceLimits: { maxOldGenerationSizeMb: this.opts.maxOldGenerationSizeMb },
      stdout: true,
      stderr: true,
    });
    // The worker must not write to the server's stdout: with --stdio that is the protocol stream.
    w.stdout.on('data', (d: Buffer) => this.log(d.toString().trimEnd()));
    w.stderr.on('data', (d: Buffer) => this.log(d.toString().trimEnd()));
    w.on('message', (reply: Reply) => {
      const cur = this.running;
      if (!cur || cur.id !== reply.id) return;
      clearTimeout(cur.timer);
      this.running = undefined;
      if ('error' in reply) cur.reject(new Error(reply.error));
      else cur.resolve(reply.result);
      this.pump();
    });
    w.on('error', (e) => {
      if (this.worker === w) this.fail(e instanceof Error ? e : new Error(String(e)));
    });
    w.on('exit', (code) => {
      if (this.worker === w) this.fail(new Error(`the analysis worker exited with code ${code}`));
    });
    w.unref();
    this.worker = w;
    return w;
  }

  /** The running job failed in a way that may have left the worker unusable: replace it. */
  private fail(e: Error): void {
    const cur = this.running;
    this.running = undefined;
    this.stopWorker();
    if (cur) {
      clearTimeout(cur.timer);
      cur.reject(e);
    }
    this.pump();
  }

  private stopWorker(): void {
    const w = this.worker;
    this.worker = undefined;
    if (w) void w.terminate();
  }

  private armIdle(): void {
    if (this.idleTimer || !this.worker) return;
    this.idleTimer = setTimeout(() => {
      this.idleTimer = undefined;
      if (!this.running && this.queue.length === 0) this.stopWorker();
    }, this.opts.idleMs);
    this.idleTimer.unref();
  }
}
