// Where lint time goes, by difference: each side below does one more phase than the one before it
// on the same texts, timed in blocks (see timeInBlocks in lib/stats.mjs: each side pays the garbage
// collection its own work causes), so a phase's cost is the step between two medians. A
// developer's tool for engine work; `npm run bench` is the record.
//   node bench/phases.mjs [lines=8000] [rounds=7] [texts=3]
import { createRequire } from 'node:module';
import { mkdirSync } from 'node:fs';
import * as esbuild from 'esbuild';
import { generateFile } from './gen.mjs';
import { median, timeInBlocks } from './lib/stats.mjs';

const root = new URL('..', import.meta.url).pathname;
mkdirSync(`${root}dist`, { recursive: true });
// The engine's internals are not exported by dist/api.js: bundle a small entry that exports them.
await esbuild.build({
  stdin: {
    contents: `export { default as ts } from 'typescript';
      export { FileModel } from './server/src/analysis/model';
      export { parseWithRecovery } from './server/src/analysis/parse';
      export { rules } from './rules/index';
      export { lintText } from './server/src/lint';`,
    resolveDir: root, loader: 'ts',
  },
  bundle: true, platform: 'node', format: 'cjs', outfile: `${root}dist/bench-phases.js`, logLevel: 'warning', external: ['typescript'], sourcemap: true,
});
const require = createRequire(import.meta.url);
const { ts, FileModel, parseWithRecovery, rules, lintText } = require('../dist/bench-phases.js');

const lines = Number(process.argv[2] ?? 8000);
const rounds = Number(process.argv[3] ?? 7);
const count = Number(process.argv[4] ?? 3);
const walk = (n) => ts.forEachChild(n, walk);
const sides = [
  { name: 'bare parse (no parents) + walk', fn: (t) => walk(ts.createSourceFile('a.ts', t, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS)) },
  { name: 'floor: parse with parents + walk', fn: (t) => walk(ts.createSourceFile('a.ts', t, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS)) },
  { name: 'engine parse (+ TreeIndex)', fn: (t) => parseWithRecovery(t, 'a.ts') },
  { name: '+ FileModel', fn: (t) => { const p = parseWithRecovery(t, 'a.ts'); return new FileModel(p.sf, p.index); } },
  { name: '+ rules', fn: (t) => {
    const p = parseWithRecovery(t, 'a.ts');
    const model = new FileModel(p.sf, p.index);
    for (const r of rules) r.check({ model, sf: p.sf, text: t, report() {} });
  } },
  { name: 'lintText', fn: (t) => lintText(t, 'a.ts') },
];
const acc = Object.fromEntries(sides.map((s) => [s.name, []]));
for (let r = 0; r < rounds; r++) {
  const texts = Array.from({ length: count }, (_, i) => generateFile(lines, r * count + i + 1));
  const t = timeInBlocks([...sides.slice(r % sides.length), ...sides.slice(0, r % sides.length)], texts, 1);
  for (const s of sides) acc[s.name].push(...t[s.name].cpu);
}
const floor = median(acc['floor: parse with parents + walk']);
for (const s of sides) {
  const m = median(acc[s.name]);
  console.log(`${s.name.padEnd(34)} ${m.toFixed(1).padStart(8)} CPU-ms  ${(m / floor).toFixed(2)}x floor`);
}
