// Compares two builds of the engine in one process, so that both see the same machine: on a shared
// machine two runs minutes apart differ by more than most engine changes do. Each round lints the
// same texts with both, in alternating order, and the median CPU time per lint of each is printed
// with their ratio. A developer's tool for engine work; `npm run bench` is the record.
//
//   git worktree add /tmp/wt-base <commit> && ln -s "$PWD/node_modules" /tmp/wt-base/ && (cd /tmp/wt-base && npm run -s build)
//   node bench/compare-builds.mjs /tmp/wt-base/dist/api.js dist/api.js [lines=1000] [rounds=12]
//   node bench/compare-builds.mjs /tmp/wt-base/dist/api.js dist/api.js --real /tmp/realworld-wide [rounds=6]
import { createRequire } from 'node:module';
import path from 'node:path';
import { generateFile } from './gen.mjs';
import { readRealCode } from './lib/real-code.mjs';
import { median } from './lib/stats.mjs';

const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const realAt = args.indexOf('--real');
const realDir = realAt >= 0 ? args.splice(realAt, 2)[1] : undefined;
const [baseApi, newApi, ...rest] = args;
if (!baseApi || !newApi) {
  console.error('usage: node bench/compare-builds.mjs <base dist/api.js> <new dist/api.js> [lines=1000] [rounds] | --real <folder> [rounds]');
  process.exit(2);
}
const A = require(path.resolve(baseApi));
const B = require(path.resolve(newApi));
const cpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };

/** CPU ms per text for one build over `texts`. */
function timed(api, texts) {
  const start = cpuMs();
  for (const t of texts) api.lintText(t.text, t.file);
  return (cpuMs() - start) / texts.length;
}

/** Rounds with the two builds in alternating order (each pays the collections its own work causes). */
function compare(textsOfRound, rounds) {
  const a = [];
  const b = [];
  for (let r = 0; r < rounds; r++) {
    const texts = textsOfRound(r);
    if (r % 2) { a.push(timed(A, texts)); b.push(timed(B, texts)); } else { b.push(timed(B, texts)); a.push(timed(A, texts)); }
  }
  return { base: median(a), next: median(b) };
}

let label;
let result;
if (realDir) {
  const files = readRealCode(realDir);
  if (files.length === 0) throw new Error(`no source files under ${realDir}`);
  for (let i = 0; i < 3; i++) { timed(A, files); timed(B, files); } // warm both up
  result = compare(() => files, Number(rest[0] ?? 6));
  label = `real code (${files.length} files), per file`;
} else {
  const lines = Number(rest[0] ?? 1000);
  const perRound = lines >= 8000 ? 2 : 6;
  let variant = 1;
  const fresh = () => ({ text: generateFile(lines, variant++), file: 'bench.ts' });
  // Warm both builds for 8 CPU-seconds: the figure is the steady state, not V8's compile.
  const warmStart = cpuMs();
  while (cpuMs() - warmStart < 8000) { const t = [fresh()]; timed(A, t); timed(B, t); }
  result = compare(() => Array.from({ length: perRound }, fresh), Number(rest[1] ?? 12));
  label = `${lines} lines, per lint`;
}
console.log(`${label}: base ${result.base.toFixed(2)} ms, new ${result.next.toFixed(2)} ms, new/base ${(result.next / result.base).toFixed(3)}`);
