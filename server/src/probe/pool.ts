// Parent side of the runner: starts dist/probe-runner.js in its own process group (detached) with a
// heap limit, enforces the time limit, kills the whole group (the runner and anything the cell
// spawned) on timeout, cancel or when the cell touched child_process, and keeps one warm runner
// between requests otherwise.

import { fork, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import * as fs from 'node:fs';
import type { RunnerReply, RunnerRequest } from './runner';
import type { ProbeFailure, ProbeJob } from './types';

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_HEAP_MB = 1024;

/** dist/probe-runner.js beside the running bundle (dist/cli.js, dist/server.js, dist/api.js). */
export function defaultRunnerPath(): string {
  const here = typeof __dirname === 'string' ? __dirname : process.cwd();
  const candidates = [path.join(here, 'probe-runner.js'), path.join(here, '..', 'dist', 'probe-runner.js'), path.join(here, '..', '..', '..', 'dist', 'probe-runner.js')];
  return candidates.find((c) => fs.existsSync(c)) ?? candidates[0];
}

export interface RunLimits {
  timeoutMs?: number;
  maxHeapMb?: number;
  signal?: AbortSignal;
}

type Success = Extract<RunnerReply, { type: 'result'; ok: true }>;
export type RunResult = { ok: true; reply: Success; warm: boolean; startMs: number } | { ok: false; failure: ProbeFailure; warm: boolean; startMs: number };

interface Runner {
  child: ChildProcess;
  heapMb: number;
  ready: Promise<void>;
  stderr: string;
  exited: boolean;
}

export class ProbePool {
  private runner: Runner | undefined;
  private nextId = 1;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(readonly runnerPath = defaultRunnerPath()) {}

  /** The pid of the warm runner, if one is alive (tests check it is gone after dispose). */
  get pid(): number | undefined {
    return this.runner && !this.runner.exited ? this.runner.child.pid : undefined;
  }

  private start(heapMb: number): Runner {
    const child = fork(this.runnerPath, [], {
      detached: true,
      execArgv: [`--max-old-space-size=${heapMb}`],
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      serialization: 'json',
    });
    const r: Runner = { child, heapMb, stderr: '', exited: false, ready: Promise.resolve() };
    child.stdout?.on('data', () => {});
    child.stderr?.on('data', (d: Buffer) => {
      r.stderr = (r.stderr + d.toString()).slice(-4000);
    });
    child.on('exit', () => (r.exited = true));
    r.ready = new Promise<void>((resolve, reject) => {
      const onMsg = (m: RunnerReply) => {
        if (m?.type === 'ready') (child.off('message', onMsg), resolve());
      };
      child.on('message', onMsg);
      child.once('exit', (code, sig) => reject(new Error(`probe runner exited before it was ready (${sig ?? code}): ${r.stderr.slice(-500)}`)));
      child.once('error', reject);
    });
    r.ready.catch(() => {});
    // The runner must never keep the editor/CLI alive on its own.
    child.unref();
    (child as unknown as { channel?: { unref(): void } }).channel?.unref();
    return r;
  }

  /** Kill the runner's whole process group (the runner and whatever the cell spawned). */
  private kill(r: Runner | undefined): void {
    if (!r) return;
    if (this.runner === r) this.runner = undefined;
    const pid = r.child.pid;
    if (pid && !r.exited) {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        try {
          r.child.kill('SIGKILL');
        } catch {
          /* already gone */
        }
      }
    } else if (pid) {
      // The runner is gone, but a child it spawned may still hold the group.
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        /* no group left */
      }
    }
  }

  dispose(): void {
    this.kill(this.runner);
  }

  /** Run one job; requests are serialised (one runner, one cell at a time). */
  run(job: ProbeJob, limits: RunLimits = {}): Promise<RunResult> {
    const p = this.queue.then(() => this.runNow(job, limits));
    this.queue = p.catch(() => {});
    return p;
  }

  private async runNow(job: ProbeJob, limits: RunLimits): Promise<RunResult> {
    const timeoutMs = limits.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const heapMb = limits.maxHeapMb ?? DEFAULT_MAX_HEAP_MB;
    const t0 = performance.now();
    if (limits.signal?.aborted) return { ok: false, failure: { kind: 'cancelled', message: 'probe cancelled' }, warm: false, startMs: 0 };
    let warm = true;
    if (!this.runner || this.runner.exited || this.runner.heapMb !== heapMb) {
      this.kill(this.runner);
      this.runner = this.start(heapMb);
      warm = false;
    }
    const r = this.runner;
    try {
      await r.ready;
    } catch (e) {
      this.kill(r);
      return { ok: false, failure: { kind: 'runner', message: (e as Error).message }, warm, startMs: performance.now() - t0 };
    }
    const startMs = performance.now() - t0;
    const id = this.nextId++;
    return new Promise<RunResult>((resolve) => {
      let done = false;
      const finish = (res: RunResult, killRunner: boolean) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        r.child.off('message', onMsg);
        r.child.off('exit', onExit);
        limits.signal?.removeEventListener('abort', onAbort);
        if (killRunner) this.kill(r);
        resolve(res);
      };
      const onMsg = (m: RunnerReply) => {
        if (m?.type !== 'result' || m.id !== id) return;
        // A cell that used child_process may have left children behind: end the group.
        if (m.ok) finish({ ok: true, reply: m, warm, startMs }, m.usedChildProcess);
        else finish({ ok: false, failure: m.failure, warm, startMs }, m.usedChildProcess);
      };
      const onExit = (code: number | null, sig: NodeJS.Signals | null) => {
        const oom = /heap out of memory|Allocation failed|JavaScript heap/i.test(r.stderr);
        const failure: ProbeFailure = oom
          ? { kind: 'memory', message: `the probe ran out of memory (heap limit ${heapMb} MB; raise it with the rnnlint.probe.maxHeapMb setting or --max-heap MB)` }
          : { kind: 'exit', message: `the probe runner exited while running the cell (${sig ? `signal ${sig}` : `code ${code}`})${r.stderr.trim() ? `: ${r.stderr.trim().split('\n').slice(-3).join(' ')}` : ''}` };
        finish({ ok: false, failure, warm, startMs }, true);
      };
      const onAbort = () => finish({ ok: false, failure: { kind: 'cancelled', message: 'probe cancelled; the runner was stopped' }, warm, startMs }, true);
      const timer = setTimeout(
        () =>
          finish(
            {
              ok: false,
              failure: {
                kind: 'timeout',
                message: `the cell did not finish within the probe's time limit of ${timeoutMs / 1000} s and was stopped (raise it with the rnnlint.probe.timeoutMs setting or --timeout MS)`,
              },
              warm,
              startMs,
            },
            true,
          ),
        timeoutMs,
      );
      r.child.on('message', onMsg);
      r.child.on('exit', onExit);
      limits.signal?.addEventListener('abort', onAbort);
      try {
        r.child.send({ type: 'run', id, job } satisfies RunnerRequest);
      } catch (e) {
        finish({ ok: false, failure: { kind: 'runner', message: `could not talk to the probe runner: ${(e as Error).message}` }, warm, startMs }, true);
      }
    });
  }
}
