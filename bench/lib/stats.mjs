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

/**
 * Warms every side up on texts that are not measured, until each has spent `budgetMs` of CPU time
 * (at least `minRuns` calls), so that the timed rounds measure the steady state the issue asks for
 * ("median of repeated runs") and not the JIT compiling the code. Measured on 800-line files: a
 * lint took 45, 25, 18 and 15 ms over its first 10, 20, 30 and 60 runs and settled at 8-10 ms
 * after about 150 (the parse+walk floor settles after about 50), so five warm-up runs billed the
 * engine's compilation (which runs on background threads, and so counts in the process's CPU
 * time) to the figure. `makeText(i)` gives the i-th warm-up text.
 */
export function warmUp(sides, makeText, budgetMs, minRuns = 1) {
  for (const side of sides) {
    const c0 = process.cpuUsage();
    for (let i = 0; ; i++) {
      side.fn(makeText(i));
      const c = process.cpuUsage(c0);
      if (i + 1 >= minRuns && (c.user + c.system) / 1000 >= budgetMs) break;
    }
  }
}

/**
 * Times several ways of processing the same texts, each in blocks: one side processes every text
 * back to back, then the next side does; the order of the sides rotates every round. A side's
 * figure for a round is its block's CPU (and wall) time divided by the number of texts.
 *
 * Why blocks and not one call at a time: a parse leaves a young generation full of live nodes,
 * and the scavenge that copies them runs at the next allocation, whoever makes it. Timed one call
 * at a time, a side that allocates nothing after its parse (the parse+walk floor) left that
 * collection to be billed to the next side timed. In a block each side pays for the collections
 * its own work causes, as it does when it lints a workspace; only the last text's debt crosses
 * into the next block, and rotating the order spreads that evenly.
 *
 * Returns, per side name, the per-text CPU and wall milliseconds of every round.
 */
export function timeInBlocks(sides, texts, rounds) {
  const out = Object.fromEntries(sides.map((s) => [s.name, { cpu: [], wall: [], last: undefined }]));
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < sides.length; k++) {
      const side = sides[(r + k) % sides.length];
      const t = timed(() => {
        let last;
        for (const text of texts) last = side.fn(text);
        return last;
      });
      out[side.name].cpu.push(t.cpu / texts.length);
      out[side.name].wall.push(t.wall / texts.length);
      out[side.name].last = t.value;
    }
  }
  return out;
}
