// (1) Lint cost vs. the parsing floor: lintText on a generated recurrent file against
// ts.createSourceFile (same options as the engine: Latest, parent pointers) plus a full
// ts.forEachChild walk of the same text, the least any TypeScript-based linter pays.
// Every iteration uses a new variant of the file (all identifiers renamed), the two timings
// alternate which goes first, and the median of the repeated runs is compared. Times are CPU
// milliseconds of the process (wall-clock medians are kept in the details): on a shared machine
// the wall clock also counts the time spent waiting for a core.
import { createRequire } from 'node:module';
import { generateFile, lineCount } from './gen.mjs';
import { median, timed, round, log } from './lib/stats.mjs';
import { runIfMain } from './lib/main.mjs';

const require = createRequire(import.meta.url);
const ts = require('typescript');

// budgetS: stop repeating a size once its timed runs have taken this long (at least one run).
export const SIZES = [
  { lines: 800, reps: 25, budgetS: 20 },
  { lines: 8000, reps: 7, budgetS: 30 },
  { lines: 80000, reps: 2, budgetS: 45 },
];
export const TARGET_RATIO = 1.5;

function walk(node) {
  ts.forEachChild(node, walk);
}

export function floor(text, fileName) {
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  walk(sf);
  return sf;
}

export async function run({ quick = false } = {}) {
  const api = require('../dist/api.js');
  const fileName = 'bench.ts';
  const rows = [];
  const sizes = [];
  const pick = process.argv.find((a) => a.startsWith('--sizes='));
  const sizesToRun = pick ? SIZES.filter((x) => pick.slice(8).split(',').map(Number).includes(x.lines)) : SIZES;
  for (const { lines, reps: fullReps, budgetS } of sizesToRun) {
    const reps = quick ? Math.max(lines >= 80000 ? 1 : 2, Math.ceil(fullReps / 3)) : fullReps;
    // Warm both paths up on a variant that is not measured.
    const warm = generateFile(lines, 100000 + lines);
    // (80,000 lines: the smaller sizes have warmed everything; one more pass would cost seconds.)
    for (let i = 0; i < (lines <= 800 ? 5 : lines <= 8000 ? 1 : 0); i++) {
      floor(warm, fileName);
      api.lintText(warm, fileName);
    }
    const tFloor = [];
    const tLint = [];
    const wFloor = [];
    const wLint = [];
    let stats;
    let messages = 0;
    let actualLines = 0;
    const sizeStart = performance.now();
    let done = 0;
    for (let i = 0; i < reps && (i === 0 || performance.now() - sizeStart < budgetS * 1000); i++) {
      done++;
      const text = generateFile(lines, i + 1);
      actualLines = lineCount(text);
      const order = i % 2 === 0 ? ['floor', 'lint'] : ['lint', 'floor'];
      for (const which of order) {
        if (which === 'floor') {
          const t = timed(() => floor(text, fileName));
          tFloor.push(t.cpu);
          wFloor.push(t.wall);
        } else {
          const t = timed(() => api.lintText(text, fileName));
          stats = t.value.stats;
          messages = t.value.messages.length;
          tLint.push(t.cpu);
          wLint.push(t.wall);
        }
      }
    }
    const mf = median(tFloor);
    const ml = median(tLint);
    const ratio = ml / mf;
    log(`floor ${lines} lines: lintText ${ml.toFixed(1)} ms, parse+walk ${mf.toFixed(1)} ms, ratio ${ratio.toFixed(2)} (cells ${stats.cells}, loops ${stats.loops}, skipped ${stats.skipped}, ${messages} messages, ${done} runs)`);
    if (stats.skipped || stats.cells < lines / 100) {
      throw new Error(`the generated ${lines}-line file was not analysed (cells ${stats.cells}, skipped ${stats.skipped}); the comparison would flatter the engine`);
    }
    sizes.push({
      lines: actualLines, reps: done, lintMs: round(ml, 2), floorMs: round(mf, 2), ratio: round(ratio, 2),
      pairedRatio: round(median(tLint.map((x, k) => x / tFloor[k])), 2),
      lintWallMs: round(median(wLint), 2), floorWallMs: round(median(wFloor), 2), wallRatio: round(median(wLint) / median(wFloor), 2),
      lintRunsMs: tLint.map((x) => round(x, 2)), floorRunsMs: tFloor.map((x) => round(x, 2)),
      cells: stats.cells, loops: stats.loops, skipped: stats.skipped, messages,
    });
    rows.push({
      what: `lint vs parse+walk, ${lines.toLocaleString('en-US')} lines`,
      figure: `${ratio.toFixed(2)}x (${ml.toFixed(1)} vs ${mf.toFixed(1)} ms${done < 3 ? `, ${done} run${done > 1 ? 's' : ''}` : ''})`,
      value: round(ratio, 2),
      target: `<= ${TARGET_RATIO}x`,
      met: ratio <= TARGET_RATIO,
    });
    // A partial result after each size: if the 80,000-line size runs out of time, bench/run.mjs
    // still has the smaller ones.
    process.stdout.write(JSON.stringify({ id: 'floor', partial: true, rows, details: { sizes, typescript: ts.version } }) + '\n');
  }
  return { id: 'floor', rows, details: { sizes, typescript: ts.version } };
}

await runIfMain(import.meta.url, run);
