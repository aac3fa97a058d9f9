// Small statistics and timing helpers shared by the benchmark modules.
import os from 'node:os';

export function median(xs) {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Nearest-rank percentile (p in 0..100). */
export function percentile(xs, p) {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * s.length);
  return s[Math.min(s.length - 1, Math.max(0, rank - 1))];
}

export const now = () => performance.now();

/**
 * A full collection, when node was started with --expose-gc. Not used between timed runs: after a
 * forced full GC V8 shrinks the young generation, and the next parse (which keeps everything it
 * allocates alive) then pays for many scavenges; an 800-line parse measured 3-4x slower that way.
 */
export function gc() {
  if (typeof globalThis.gc === 'function') globalThis.gc();
}

export const round = (x, digits = 1) => (Number.isFinite(x) ? Number(x.toFixed(digits)) : x);

export function log(...args) {
  process.stderr.write(args.join(' ') + '\n');
}

/**
 * Times `f` in wall-clock and in CPU milliseconds of this process (user + system). On a shared
 * machine the CPU figure is the steadier one: it does not count time spent waiting for a core.
 */
export function timed(f) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = f();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { value, wall, cpu: (c.user + c.system) / 1000 };
}

/** 1-minute load average and core count, to judge how far wall times can be trusted. */
export function machineLoad() {
  return { loadavg1: Number(os.loadavg()[0].toFixed(2)), cores: os.availableParallelism?.() ?? os.cpus().length };
}
