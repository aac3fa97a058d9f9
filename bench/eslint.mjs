// (2) RNNLint vs. ESLint on the same generated files. ESLint runs through its Node API (the
// in-memory `Linter`, flat config: no file system, no config lookup) with the typescript-eslint
// parser and two trivial core rules, no-debugger and no-empty; the parser runs without type
// information (no `project`), the cheapest way ESLint can read TypeScript. Both linters get fresh
// variants of the text every round, timed in blocks (see timeInBlocks in lib/stats.mjs); the
// parse+walk floor is timed too, for the "ESLint pays N times the floor" figure. Times are CPU
// milliseconds of this process (wall medians in the details).
import { createRequire } from 'node:module';
import { generateFile, lineCount } from './gen.mjs';
import { median, timeInBlocks, warmUp, round, log } from './lib/stats.mjs';
import { runIfMain } from './lib/main.mjs';
import { floor } from './floor.mjs';

const require = createRequire(import.meta.url);

// 80,000 lines is left out here: one ESLint pass over it costs about 8 CPU-seconds, and the
// floor module already covers the engine at that size.
// reps: rounds; texts: variants per round.
export const SIZES = [
  { lines: 800, reps: 9, texts: 5, warmMs: 5000 },
  { lines: 8000, reps: 5, texts: 2, warmMs: 1000 },
];
export const TARGET_SPEEDUP = 5;

export function eslintConfig(parser) {
  return [
    {
      files: ['**/*.ts'],
      languageOptions: {
        parser,
        parserOptions: { ecmaVersion: 'latest', sourceType: 'module', warnOnUnsupportedTypeScriptVersion: false },
      },
      rules: { 'no-debugger': 'error', 'no-empty': 'error' },
    },
  ];
}

export async function run({ quick = false } = {}) {
  const api = require('../dist/api.js');
  const { Linter } = require('eslint');
  const tseslint = require('typescript-eslint');
  const eslintVersion = require('eslint/package.json').version;
  const tsEslintVersion = require('typescript-eslint/package.json').version;
  const linter = new Linter({ configType: 'flat' });
  const config = eslintConfig(tseslint.parser);
  const fileName = 'bench.ts';
  const eslint = (text) => {
    const msgs = linter.verify(text, config, fileName);
    const fatal = msgs.find((m) => m.fatal);
    if (fatal) throw new Error(`ESLint could not parse the generated file: ${fatal.message}`);
    return msgs;
  };

  const rows = [];
  const sizes = [];
  for (const { lines, reps: fullReps, texts: textsPerRound, warmMs } of SIZES) {
    const reps = quick ? Math.max(1, Math.ceil(fullReps / 3)) : fullReps;
    // Each round: new variants of the file, each tool timed over all of them as a block (see
    // timeInBlocks: each pays the garbage collection its own work causes), tool order rotating.
    const cpu = { eslint: [], rnnlint: [], floor: [] };
    const wall = { eslint: [], rnnlint: [], floor: [] };
    const sides = [
      { name: 'eslint', fn: (text) => eslint(text) },
      { name: 'rnnlint', fn: (text) => api.lintText(text, fileName) },
      { name: 'floor', fn: (text) => floor(text, fileName) },
    ];
    // Each tool first reaches its steady state on variants that are not measured (see warmUp).
    warmUp(sides, (k) => generateFile(lines, 200000 + lines + k), quick ? warmMs / 4 : warmMs, 2);
    let actualLines = 0;
    for (let i = 0; i < reps; i++) {
      const texts = Array.from({ length: textsPerRound }, (_, k) => generateFile(lines, 300 + i * textsPerRound + k));
      actualLines = lineCount(texts[0]);
      const t = timeInBlocks([...sides.slice(i % 3), ...sides.slice(0, i % 3)], texts, 1);
      for (const k of Object.keys(cpu)) { cpu[k].push(...t[k].cpu); wall[k].push(...t[k].wall); }
    }
    const m = Object.fromEntries(Object.entries(cpu).map(([k, v]) => [k, median(v)]));
    const speedup = m.eslint / m.rnnlint;
    log(`eslint ${lines} lines: ESLint ${m.eslint.toFixed(1)} ms, RNNLint ${m.rnnlint.toFixed(1)} ms (${speedup.toFixed(2)}x faster), floor ${m.floor.toFixed(1)} ms; ESLint = ${(m.eslint / m.floor).toFixed(1)}x floor (${reps} rounds of ${textsPerRound} texts)`);
    sizes.push({
      lines: actualLines, reps,
      eslintMs: round(m.eslint, 2), rnnlintMs: round(m.rnnlint, 2), floorMs: round(m.floor, 2),
      speedup: round(speedup, 2), eslintOverFloor: round(m.eslint / m.floor, 2), rnnlintOverFloor: round(m.rnnlint / m.floor, 2),
      wallMs: Object.fromEntries(Object.entries(wall).map(([k, v]) => [k, round(median(v), 2)])),
    });
    rows.push({
      what: `RNNLint vs ESLint, ${lines.toLocaleString('en-US')} lines`,
      figure: `${speedup.toFixed(2)}x faster (${m.rnnlint.toFixed(1)} vs ${m.eslint.toFixed(1)} ms; ESLint = ${(m.eslint / m.floor).toFixed(1)}x floor)`,
      value: round(speedup, 2),
      target: `>= ${TARGET_SPEEDUP}x faster`,
      met: speedup >= TARGET_SPEEDUP,
    });
  }
  return {
    id: 'eslint', rows,
    details: { eslint: eslintVersion, typescriptEslint: tsEslintVersion, rules: ['no-debugger', 'no-empty'], parserOptions: 'no type information', sizes },
  };
}

await runIfMain(import.meta.url, run);
