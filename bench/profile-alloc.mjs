// Where the engine allocates: a sampling heap profile that keeps the objects the collector has
// already freed (a plain --heap-prof shows only what is still alive at exit), over lints of one
// generated size after a warm-up, mapped through the bundle's source map. Self bytes per function;
// a builtin (Map.set, Array.push) is charged to the engine function that called it.
//   node bench/profile-alloc.mjs [lines=1000] [lints=60] [top=40]
import { Session } from 'node:inspector/promises';
import { createRequire, SourceMap } from 'node:module';
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateFile } from './gen.mjs';

const require = createRequire(import.meta.url);
const api = require('../dist/api.js');
const [lines, lints, top] = [1000, 60, 40].map((d, i) => Number(process.argv[2 + i] ?? d));
for (let i = 0; i < 30; i++) api.lintText(generateFile(lines, 1000 + i), 'bench.ts');
const texts = Array.from({ length: lints }, (_, i) => generateFile(lines, i + 1));
const session = new Session();
session.connect();
await session.post('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
for (const t of texts) api.lintText(t, 'bench.ts');
const { profile } = await session.post('HeapProfiler.stopSampling');

const maps = new Map();
const where = (cf) => {
  if (!cf.url.endsWith('.js')) return cf.url;
  if (!maps.has(cf.url)) {
    const p = cf.url.startsWith('file:') ? fileURLToPath(cf.url) : cf.url;
    maps.set(cf.url, existsSync(`${p}.map`) ? new SourceMap(JSON.parse(readFileSync(`${p}.map`, 'utf8'))) : undefined);
  }
  const e = maps.get(cf.url)?.findEntry(cf.lineNumber, cf.columnNumber);
  return e?.originalSource ? `${e.originalSource.replace(/^.*?(node_modules\/|server\/src\/|rules\/)/, '$1')}:${e.originalLine + 1}` : `${cf.url.split('/').pop()}:${cf.lineNumber + 1}`;
};
const bytes = new Map();
let total = 0;
const visit = (node, caller) => {
  total += node.selfSize;
  const own = `${node.callFrame.functionName || '(anonymous)'}  ${where(node.callFrame)}`;
  const key = !node.callFrame.url && caller ? `[${node.callFrame.functionName}] in ${caller}` : own;
  bytes.set(key, (bytes.get(key) ?? 0) + node.selfSize);
  for (const c of node.children) visit(c, node.callFrame.url ? own : caller);
};
visit(profile.head, undefined);
console.log(`${(total / 1e6 / lints).toFixed(2)} MB allocated per lint of ${lines} lines (${lints} lints)`);
for (const [k, v] of [...bytes].sort((a, b) => b[1] - a[1]).slice(0, top)) {
  console.log(`${(100 * v / total).toFixed(1).padStart(5)}%  ${(v / 1e6 / lints).toFixed(3)} MB  ${k}`);
}
