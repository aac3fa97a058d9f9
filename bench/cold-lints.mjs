// How the engine's speed changes as V8 compiles it: lints fresh variants of one generated size in
// a new process and prints the median of each block, from the first (cold) block on. The editor
// latency module times 50 edits of a fresh server; this shows which part of that curve they see.
//   node bench/cold-lints.mjs [lines=1000] [lints=300] [block=25]
//   node --optimize-for-size bench/cold-lints.mjs     # as the VS Code client starts the server
import { createRequire } from 'node:module';
import { generateFile } from './gen.mjs';
import { median } from './lib/stats.mjs';

const require = createRequire(import.meta.url);
const api = require('../dist/api.js');
const [lines, lints, block] = [1000, 300, 25].map((d, i) => Number(process.argv[2 + i] ?? d));
const times = [];
for (let i = 0; i < lints; i++) {
  const text = generateFile(lines, i + 1);
  const start = performance.now();
  api.lintText(text, 'bench.ts');
  times.push(performance.now() - start);
}
for (let k = 0; k < lints; k += block) {
  console.log(`lints ${k + 1}-${Math.min(k + block, lints)}: median ${median(times.slice(k, k + block)).toFixed(1)} ms`);
}
