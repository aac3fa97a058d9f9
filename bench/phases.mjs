// Where lint time goes, phase by phase, on one generated size: parse (with and without the
// compiler's parent pass), a plain walk, the FileModel, and each rule. Medians of in-process runs
// with a GC before each phase group (run with --expose-gc), so a phase is not billed for the
// previous one's garbage. A developer's tool for engine work; `npm run bench` is the record.
//   node --expose-gc bench/phases.mjs [lines=8000] [runs=12]
import { createRequire } from 'node:module';
import { mkdirSync } from 'node:fs';
import * as esbuild from 'esbuild';
import { generateFile } from './gen.mjs';

const root = new URL('..', import.meta.url).pathname;
mkdirSync(`${root}dist`, { recursive: true });
// The engine's internals are not exported by dist/api.js: bundle a small entry that exports them.
await esbuild.build({
  stdin: {
    contents: `export { default as ts } from 'typescript';
      export { FileModel } from './server/src/analysis/model';
      export { parseWithRecovery } from './server/src/analysis/parse';
      export { rules } from './rules/index';`,
    resolveDir: root, loader: 'ts',
  },
  bundle: true, platform: 'node', format: 'cjs', outfile: `${root}dist/bench-phases.js`, logLevel: 'warning', external: ['typescript'],
});
const require = createRequire(import.meta.url);
const { ts, FileModel, parseWithRecovery, rules } = require('../dist/bench-phases.js');

const lines = Number(process.argv[2] ?? 8000);
const runs = Number(process.argv[3] ?? 12);
const times = new Map();
const add = (k, v) => times.set(k, [...(times.get(k) ?? []), v]);
const timed = (k, f) => { const t = performance.now(); const r = f(); add(k, performance.now() - t); return r; };
const walk = (n) => ts.forEachChild(n, walk);
for (let i = 0; i < runs; i++) {
  const text = generateFile(lines, i + 1);
  globalThis.gc?.();
  const bare = timed('parse, no parent pointers', () => ts.createSourceFile('a.ts', text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS));
  timed('walk (forEachChild)', () => walk(bare));
  globalThis.gc?.();
  timed('parse + walk (the floor)', () => walk(ts.createSourceFile('b.ts', text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS)));
  globalThis.gc?.();
  const { sf } = timed('engine parse', () => parseWithRecovery(text, 'c.ts'));
  const model = timed('FileModel', () => new FileModel(sf));
  for (const r of rules) timed(`rule ${r.id}`, () => r.check({ model, sf, text, report() {} }));
}
const median = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
let analysis = 0;
for (const [k, v] of times) {
  if (k === 'FileModel' || k.startsWith('rule ')) analysis += median(v);
  console.log(`${k.padEnd(34)} ${median(v).toFixed(1).padStart(7)} ms`);
}
const floor = median(times.get('parse + walk (the floor)'));
const lint = median(times.get('engine parse')) + analysis;
console.log(`\n${lines} lines: analysis ${analysis.toFixed(1)} ms = ${(analysis / floor).toFixed(2)} floors; parse + analysis = ${(lint / floor).toFixed(2)}x the floor`);
