#!/usr/bin/env node
// Fuzzes the engine: real files from node_modules (TypeScript's libs, tfjs's sources) plus seeded
// mutations of the fixtures go through lintText. Fails on any exception or internal rule error, and
// reports the slowest files per 1,000 lines. `npm run fuzz` runs the long version; the test suite
// runs a bounded one (test/fuzz.test.mjs).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, extname } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const repo = fileURLToPath(new URL('../', import.meta.url));

/** Small deterministic PRNG (mulberry32) so every failure is reproducible from its seed. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function listFiles(dir, exts, out = []) {
  let entries;
  try { entries = readdirSync(dir, { withFileTypes: true }); } catch { return out; }
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) listFiles(p, exts, out);
    else if (exts.has(extname(e.name)) || e.name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

export function corpusFiles() {
  const exts = new Set(['.ts', '.js', '.mjs', '.cjs']);
  const real = [
    ...listFiles(join(repo, 'node_modules/typescript/lib'), exts),
    ...listFiles(join(repo, 'node_modules/@tensorflow'), exts),
  ].filter((f) => !f.includes('/node_modules/@tensorflow/tfjs-node'));
  const fixtures = listFiles(join(repo, 'test-fixtures'), exts);
  return { real, fixtures };
}

const SNIPPETS = ['{', '}', '(', ')', '[', ']', '=>', ';', ',', 'tf.tanh(', 'return ', 'for (;;) ', 'h = ', '...', '`${', '/*', '//', '"', "'", '\u2028', '\u{1F600}', '\uFEFF', 'class X extends tf.layers.RNNCell {', 'await ', '?.', '<T>', 'as any', '\r\n'];

/** One mutation of `text`, chosen by `rand`: the kinds the robustness issue lists. */
export function mutate(text, rand) {
  const pick = (n) => Math.floor(rand() * n);
  const pos = pick(text.length + 1);
  switch (pick(10)) {
    case 0: { // delete a token-ish run
      const len = 1 + pick(20);
      return text.slice(0, pos) + text.slice(pos + len);
    }
    case 1: return text.slice(0, pos) + SNIPPETS[pick(SNIPPETS.length)] + text.slice(pos); // insert
    case 2: return text.slice(0, pos); // truncate
    case 3: return text.slice(0, pos) + '('.repeat(1 + pick(50)) + text.slice(pos); // unbalanced
    case 4: { // deep nesting
      const depth = 500 + pick(4000);
      return `${text}\nconst deep = ${'['.repeat(depth)}1${']'.repeat(depth)};\nconst call = ${'tf.tanh('.repeat(depth / 4 | 0)}x${')'.repeat(depth / 4 | 0)};\n`;
    }
    case 5: return `${text}\nconst huge = "${'x'.repeat(200_000 + pick(800_000))}";\n`; // huge literal
    case 6: return text.replace(/\n/g, '\r\n'); // CRLF
    case 7: return '\uFEFF' + text; // BOM
    case 8: return text.slice(0, pos) + '\u0000\u200B\uD800\u{10FFFF}ñ' + text.slice(pos); // odd Unicode
    default: { // swap two lines
      const lines = text.split('\n');
      const a = pick(lines.length), b = pick(lines.length);
      [lines[a], lines[b]] = [lines[b], lines[a]];
      return lines.join('\n');
    }
  }
}

/**
 * Lints every input; returns failures (exceptions, internal rule errors) and timing per 1,000 lines.
 */
export function fuzz({ realLimit = Infinity, maxBytes = 5_000_000, mutations = 1000, seed = 1, log = () => {} } = {}) {
  const { lintText } = require(join(repo, 'dist/api.js'));
  const rand = rng(seed);
  const { real, fixtures } = corpusFiles();
  // A seeded sample of real files when limited, so every run covers different files by seed.
  const sample = realLimit >= real.length ? real : [...real].sort(() => rand() - 0.5).slice(0, realLimit);
  const failures = [];
  const timings = [];
  const run = (label, text, fileName) => {
    const t0 = performance.now();
    try {
      const r = lintText(text, fileName);
      const internal = r.messages.filter((m) => m.ruleId === null && /^Internal error|^Analysis stopped/.test(m.message));
      if (internal.length) failures.push({ label, error: internal.map((m) => m.message).join('; ') });
    } catch (err) {
      failures.push({ label, error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) });
    }
    const ms = performance.now() - t0;
    const lines = text.split('\n').length;
    timings.push({ label, ms, lines, msPerKLines: (ms / lines) * 1000 });
  };
  for (const f of sample) {
    if (statSync(f).size > maxBytes) continue;
    run(f, readFileSync(f, 'utf8'), f);
  }
  log(`real files: ${sample.length}`);
  const fixtureTexts = fixtures.map((f) => [f, readFileSync(f, 'utf8')]);
  for (let i = 0; i < mutations && fixtureTexts.length; i++) {
    const [f, text] = fixtureTexts[Math.floor(rand() * fixtureTexts.length)];
    let t = text;
    const rounds = 1 + Math.floor(rand() * 3);
    for (let k = 0; k < rounds; k++) t = mutate(t, rand);
    run(`${f} (mutation ${i}, seed ${seed})`, t, f);
  }
  log(`mutations: ${mutations}`);
  timings.sort((a, b) => b.msPerKLines - a.msPerKLines);
  return { failures, timings, files: sample.length + mutations };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 100000);
  const mutations = Number(process.env.FUZZ_MUTATIONS ?? 10000);
  console.log(`rnnlint fuzz: seed ${seed}, ${mutations} mutations, all real files`);
  const t0 = performance.now();
  const { failures, timings, files } = fuzz({ seed, mutations, log: (s) => console.log(s) });
  console.log(`${files} inputs in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  console.log('slowest per 1,000 lines:');
  for (const t of timings.slice(0, 10)) console.log(`  ${t.msPerKLines.toFixed(1)} ms/kline  ${t.ms.toFixed(1)} ms  ${t.lines} lines  ${t.label.replace(repo, '')}`);
  for (const f of failures.slice(0, 50)) console.log(`FAIL ${f.label.replace(repo, '')}: ${f.error}`);
  console.log(failures.length === 0 ? 'no failures' : `${failures.length} failures`);
  process.exitCode = failures.length === 0 ? 0 : 1;
}
