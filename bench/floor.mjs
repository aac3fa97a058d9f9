// (1) Lint cost vs. the parsing floor: lintText on a generated recurrent file against
// ts.createSourceFile (Latest, with parent pointers, as typescript-eslint and every linter that
// looks upwards parses) plus a full ts.forEachChild walk of the same text: the least a
// TypeScript-based linter pays. The engine itself parses without the compiler's parent pass and
// sets parents in its own index walk; for transparency the details also give the ratio against a
// bare parse (no parent pointers) + walk, which no linter that needs parents can reach.
// Every round uses new variants of the file (all identifiers renamed) and times each side over
// them as a block (see timeInBlocks: each side pays the garbage collection its own work causes);
// the side order alternates and the median of the rounds is compared. Times are CPU milliseconds
// of the process (wall-clock medians are kept in the details): on a shared machine the wall clock
// also counts the time spent waiting for a core.
import { createRequire } from 'node:module';
import { generateFile, lineCount } from './gen.mjs';
import { median, timeInBlocks, warmUp, round, log } from './lib/stats.mjs';
import { runIfMain } from './lib/main.mjs';
import { readRealCode } from './lib/real-code.mjs';
import { Worker } from 'node:worker_threads';

const require = createRequire(import.meta.url);
const ts = require('typescript');

// budgetS: stop repeating a size once its timed runs have taken this long (at least one run).
// isolated: lintText runs in a worker thread that is stopped after deadlineS, so a superlinear
// engine yields a lower bound ("> N x") instead of an endless bench.
// texts: variants per round, timed as a block (see timeInBlocks in lib/stats.mjs); reps: rounds.
// warmMs: CPU time each side spends on unmeasured variants first (see warmUp in lib/stats.mjs);
// the sizes run in this order in one process, so 8,000 lines starts where 800 left off. The
// isolated size warms each fresh worker on 800-line variants (WORKER_WARM_MS).
export const SIZES = [
  { lines: 800, reps: 9, texts: 5, budgetS: 20, warmMs: 5000 },
  { lines: 8000, reps: 5, texts: 3, budgetS: 30, warmMs: 1000 },
  { lines: 80000, reps: 5, budgetS: 60, isolated: true, deadlineS: 40 },
];
export const WORKER_WARM_MS = 1500;
export const TARGET_RATIO = 1.5;

function walk(node) {
  ts.forEachChild(node, walk);
}

export function floor(text, fileName, parents = true) {
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, parents, ts.ScriptKind.TS);
  walk(sf);
  return sf;
}

/**
 * lintText (or, with mode 'floor', the parse+walk floor) of one variant in a fresh worker: CPU ms of
 * the process while it runs, or a lower bound. Both sides run under the same conditions (a new
 * heap, the same warm-up), so neither is billed for the other's heap growth or JIT state.
 */
function inWorker(lines, variant, deadlineS, mode = 'lint') {
  return new Promise((resolve, reject) => {
    const w = new Worker(new URL('./lib/lint-worker.mjs', import.meta.url), { workerData: { lines, variant, warmMs: WORKER_WARM_MS, mode } });
    let c0;
    let t0;
    let timer;
    w.on('message', (m) => {
      if (m.ready) {
        c0 = process.cpuUsage();
        t0 = performance.now();
        // Stop at deadlineS of CPU time, or at 2.5x that in wall time on a crowded machine.
        const stop = () => {
          const c = process.cpuUsage(c0);
          const cpu = (c.user + c.system) / 1000;
          const wall = performance.now() - t0;
          if (cpu < deadlineS * 1000 && wall < deadlineS * 2500) return;
          clearInterval(timer);
          void w.terminate();
          resolve({ unfinished: true, wall, cpu });
        };
        timer = setInterval(stop, 250);
        return;
      }
      clearInterval(timer);
      const c = process.cpuUsage(c0);
      void w.terminate();
      resolve({ unfinished: false, wall: m.wall, cpu: (c.user + c.system) / 1000, stats: m.stats, messages: m.messages });
    });
    w.on('error', (e) => {
      clearInterval(timer);
      reject(e);
    });
  });
}

async function isolatedSize(lines, reps, budgetS, deadlineS) {
  const tFloor = [];
  const tLint = [];
  let unfinished;
  let last;
  const start = performance.now();
  for (let i = 0; i < reps && (i === 0 || performance.now() - start < budgetS * 1000); i++) {
    tFloor.push((await inWorker(lines, i + 1, deadlineS, 'floor')).cpu);
    const r = await inWorker(lines, i + 1, deadlineS);
    if (r.unfinished) {
      unfinished = r;
      break;
    }
    last = r;
    tLint.push(r.cpu);
  }
  const mf = median(tFloor);
  const what = `lint vs parse+walk, ${lines.toLocaleString('en-US')} lines`;
  if (unfinished) {
    const bound = unfinished.cpu / mf;
    log(`floor ${lines} lines: lintText stopped unfinished after ${unfinished.cpu.toFixed(0)} CPU-ms (${(unfinished.wall / 1000).toFixed(0)} s wall), parse+walk ${mf.toFixed(1)} ms: ratio > ${bound.toFixed(1)}`);
    return {
      row: { what, figure: `> ${bound.toFixed(1)}x (lintText stopped unfinished after ${(unfinished.cpu / 1000).toFixed(1)} CPU-s; parse+walk ${mf.toFixed(1)} ms)`, value: round(bound, 1), target: `<= ${TARGET_RATIO}x`, met: false },
      detail: { lines, unfinished: true, deadlineS, lintCpuMsAtDeadline: round(unfinished.cpu, 0), floorMs: round(mf, 2), ratioAtLeast: round(bound, 2) },
    };
  }
  const ml = median(tLint);
  const ratio = ml / mf;
  log(`floor ${lines} lines: lintText ${ml.toFixed(1)} ms, parse+walk ${mf.toFixed(1)} ms (each in a fresh worker thread), ratio ${ratio.toFixed(2)} (cells ${last.stats.cells}, skipped ${last.stats.skipped}, ${tLint.length} runs)`);
  return {
    row: { what, figure: `${ratio.toFixed(2)}x (${ml.toFixed(1)} vs ${mf.toFixed(1)} ms, ${tLint.length} run${tLint.length > 1 ? 's' : ''})`, value: round(ratio, 2), target: `<= ${TARGET_RATIO}x`, met: ratio <= TARGET_RATIO },
    detail: { lines, reps: tLint.length, lintMs: round(ml, 2), floorMs: round(mf, 2), ratio: round(ratio, 2), cells: last.stats.cells, skipped: last.stats.skipped, messages: last.messages, isolated: 'each side in a fresh worker thread' },
  };
}

export async function run({ quick = false } = {}) {
  const api = require('../dist/api.js');
  const fileName = 'bench.ts';
  const rows = [];
  const sizes = [];
  const pick = process.argv.find((a) => a.startsWith('--sizes='));
  const sizesToRun = pick ? SIZES.filter((x) => pick.slice(8).split(',').map(Number).includes(x.lines)) : SIZES;
  for (const { lines, reps: fullReps, texts: textsPerRound = 1, budgetS, isolated, deadlineS, warmMs } of sizesToRun) {
    const reps = quick ? Math.max(lines >= 80000 ? 1 : 2, Math.ceil(fullReps / 3)) : fullReps;
    if (isolated) {
      const r = await isolatedSize(lines, quick ? 1 : reps, budgetS, deadlineS);
      sizes.push(r.detail);
      rows.push(r.row);
      process.stdout.write(JSON.stringify({ id: 'floor', partial: true, rows, details: { sizes, typescript: ts.version } }) + '\n');
      continue;
    }
    // `texts` variants per round (every identifier renamed, so no cache can reuse a result), in
    // blocks (see timeInBlocks), `rounds` rounds; each round ends early once the budget is spent.
    const sides = [
      { name: 'floor', fn: (text) => floor(text, fileName) },
      { name: 'lint', fn: (text) => api.lintText(text, fileName) },
      { name: 'bare', fn: (text) => floor(text, fileName, false) },
    ];
    // Every side first reaches its steady state on variants that are not measured.
    warmUp(sides, (i) => generateFile(lines, 100000 + lines + i), quick ? warmMs / 4 : warmMs, 2);
    const sizeStart = performance.now();
    const acc = { floor: { cpu: [], wall: [] }, lint: { cpu: [], wall: [] }, bare: { cpu: [], wall: [] } };
    let last;
    let done = 0;
    let actualLines = 0;
    for (let r = 0; r < reps && (r === 0 || performance.now() - sizeStart < budgetS * 1000); r++) {
      const texts = Array.from({ length: textsPerRound }, (_, i) => generateFile(lines, r * textsPerRound + i + 1));
      actualLines = lineCount(texts[0]);
      // One round at a time with the side order rotating, so the budget can stop between rounds.
      const t = timeInBlocks([...sides.slice(r % 3), ...sides.slice(0, r % 3)], texts, 1);
      for (const k of Object.keys(acc)) { acc[k].cpu.push(...t[k].cpu); acc[k].wall.push(...t[k].wall); }
      last = t.lint.last;
      done++;
    }
    const stats = last.stats;
    const messages = last.messages.length;
    const tFloor = acc.floor.cpu;
    const tLint = acc.lint.cpu;
    const wFloor = acc.floor.wall;
    const wLint = acc.lint.wall;
    const mf = median(tFloor);
    const ml = median(tLint);
    const ratio = ml / mf;
    const mb = median(acc.bare.cpu);
    log(`floor ${lines} lines: lintText ${ml.toFixed(1)} ms, parse+walk ${mf.toFixed(1)} ms, ratio ${ratio.toFixed(2)}; vs a bare parse (no parents) + walk ${mb.toFixed(1)} ms: ${(ml / mb).toFixed(2)} (cells ${stats.cells}, loops ${stats.loops}, skipped ${stats.skipped}, ${messages} messages, ${done} rounds of ${textsPerRound} texts)`);
    if (stats.skipped || stats.cells < lines / 100) {
      throw new Error(`the generated ${lines}-line file was not analysed (cells ${stats.cells}, skipped ${stats.skipped}); the comparison would flatter the engine`);
    }
    sizes.push({
      lines: actualLines, rounds: done, textsPerRound, lintMs: round(ml, 2), floorMs: round(mf, 2), ratio: round(ratio, 2),
      bareFloorMs: round(mb, 2), ratioToBareFloor: round(ml / mb, 2),
      pairedRatio: round(median(tLint.map((x, k) => x / tFloor[k])), 2),
      lintWallMs: round(median(wLint), 2), floorWallMs: round(median(wFloor), 2), wallRatio: round(median(wLint) / median(wFloor), 2),
      lintRunsMs: tLint.map((x) => round(x, 2)), floorRunsMs: tFloor.map((x) => round(x, 2)),
      cells: stats.cells, loops: stats.loops, skipped: stats.skipped, messages,
    });
    rows.push({
      what: `lint vs parse+walk, ${lines.toLocaleString('en-US')} lines`,
      figure: `${ratio.toFixed(2)}x (${ml.toFixed(1)} vs ${mf.toFixed(1)} ms${done < 3 ? `, ${done} round${done > 1 ? 's' : ''}` : ''})`,
      value: round(ratio, 2),
      target: `<= ${TARGET_RATIO}x`,
      met: ratio <= TARGET_RATIO,
    });
    // A partial result after each size: if the 80,000-line size runs out of time, bench/run.mjs
    // still has the smaller ones.
    process.stdout.write(JSON.stringify({ id: 'floor', partial: true, rows, details: { sizes, typescript: ts.version } }) + '\n');
  }
  const real = process.env.RNNLINT_BENCH_REAL_CODE;
  if (real) {
    const r = realCode(api, real, quick ? 3 : 7);
    rows.push(r.row);
    sizes.push(r.detail);
  }
  return { id: 'floor', rows, details: { sizes, typescript: ts.version } };
}

/**
 * The same comparison over a folder of real code (RNNLINT_BENCH_REAL_CODE): every file once per
 * round, as one block per side, so the figure is the cost of linting that code base against
 * parsing it. The engine's bail-out (no tfjs, nothing step-shaped: one regex scan) is part of
 * lintText and counts; the details give the ratio over the files it analyses too.
 */
function realCode(api, dir, rounds) {
  const files = readRealCode(dir);
  const analysed = files.filter((f) => !api.lintText(f.text, f.file).stats.skipped);
  const lines = (set) => set.reduce((n, f) => n + lineCount(f.text), 0);
  const sides = [
    { name: 'floor', fn: (f) => floor(f.text, f.file) },
    { name: 'lint', fn: (f) => api.lintText(f.text, f.file) },
  ];
  const ratio = (set) => {
    const acc = { floor: [], lint: [] };
    for (let r = 0; r < rounds; r++) {
      const t = timeInBlocks(r % 2 === 0 ? sides : [...sides].reverse(), set, 1);
      acc.floor.push(t.floor.cpu[0] * set.length);
      acc.lint.push(t.lint.cpu[0] * set.length);
    }
    return { lintMs: median(acc.lint), floorMs: median(acc.floor), ratio: median(acc.lint) / median(acc.floor) };
  };
  const all = ratio(files);
  const some = ratio(analysed);
  const what = `lint vs parse+walk, real code (${files.length} files, ${lines(files).toLocaleString('en-US')} lines)`;
  log(`floor real code ${dir}: ${files.length} files, lint ${all.lintMs.toFixed(0)} ms vs parse+walk ${all.floorMs.toFixed(0)} ms: ${all.ratio.toFixed(2)}; the ${analysed.length} files analysed (${lines(analysed)} lines): ${some.ratio.toFixed(2)}`);
  return {
    row: { what, figure: `${all.ratio.toFixed(2)}x (${all.lintMs.toFixed(0)} vs ${all.floorMs.toFixed(0)} ms; ${some.ratio.toFixed(2)}x over the ${analysed.length} files not skipped)`, value: round(all.ratio, 2), target: `<= ${TARGET_RATIO}x`, met: all.ratio <= TARGET_RATIO },
    detail: { realCode: dir, files: files.length, lines: lines(files), analysedFiles: analysed.length, analysedLines: lines(analysed), rounds,
      lintMs: round(all.lintMs, 1), floorMs: round(all.floorMs, 1), ratio: round(all.ratio, 2), analysedRatio: round(some.ratio, 2) },
  };
}

await runIfMain(import.meta.url, run);
