// Summarises a .cpuprofile: top functions by self time, mapped through the bundle's source map to
// the original file:line (server/src/..., rules/..., node_modules/typescript/...), and self time per
// original source file.
//   node bench/profile-summary.mjs <file.cpuprofile> [top=25]
import { readFileSync, existsSync } from 'node:fs';
import { SourceMap } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export function summarize(file, top = 25) {
  const prof = JSON.parse(readFileSync(file, 'utf8'));
  const maps = new Map();
  const mapFor = (url) => {
    if (!url.endsWith('.js')) return undefined;
    if (!maps.has(url)) {
      let sm;
      try {
        const p = url.startsWith('file:') ? fileURLToPath(url) : url;
        if (existsSync(p + '.map')) sm = new SourceMap(JSON.parse(readFileSync(p + '.map', 'utf8')));
      } catch {
        sm = undefined;
      }
      maps.set(url, sm);
    }
    return maps.get(url);
  };
  const where = (cf) => {
    const sm = mapFor(cf.url);
    const e = sm?.findEntry(cf.lineNumber, cf.columnNumber);
    if (e && e.originalSource) {
      const src = e.originalSource.replace(/^.*?(node_modules\/|server\/src\/|rules\/|client\/src\/)/, '$1');
      return { file: src, line: e.originalLine + 1 };
    }
    return { file: cf.url ? path.basename(cf.url) : `(${cf.functionName || 'native'})`, line: cf.lineNumber + 1 };
  };
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const self = new Map();
  for (let i = 0; i < prof.samples.length; i++) {
    const id = prof.samples[i];
    self.set(id, (self.get(id) ?? 0) + (prof.timeDeltas[i] ?? 0));
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const byFn = new Map();
  const byFile = new Map();
  for (const [id, us] of self) {
    const cf = byId.get(id).callFrame;
    const w = where(cf);
    const key = `${cf.functionName || '(anonymous)'}  ${w.file}:${w.line}`;
    byFn.set(key, (byFn.get(key) ?? 0) + us);
    const group = w.file.startsWith('node_modules/typescript') ? 'node_modules/typescript (parser, scanner, utilities)' : w.file;
    byFile.set(group, (byFile.get(group) ?? 0) + us);
  }
  // Inclusive time: a function's own samples plus its callees', counted once per stack.
  const parent = new Map();
  for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const incl = new Map();
  for (const [id, us] of self) {
    const seen = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const cf = byId.get(cur).callFrame;
      const w = where(cf);
      const key = `${cf.functionName || '(anonymous)'}  ${w.file}:${w.line}`;
      if (seen.has(key)) continue;
      seen.add(key);
      incl.set(key, (incl.get(key) ?? 0) + us);
    }
  }
  const pct = (us) => `${((100 * us) / total).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(6)} ms`;
  const out = [`total sampled ${(total / 1000).toFixed(0)} ms`, '', 'self time by function:'];
  for (const [k, us] of [...byFn].sort((a, b) => b[1] - a[1]).slice(0, top)) out.push(`${pct(us)}  ${k}`);
  out.push('', 'inclusive time (engine and rules only):');
  for (const [k, us] of [...incl].filter(([k]) => /server\/src|rules\//.test(k)).sort((a, b) => b[1] - a[1]).slice(0, top)) out.push(`${pct(us)}  ${k}`);
  out.push('', 'self time by source file:');
  for (const [k, us] of [...byFile].sort((a, b) => b[1] - a[1]).slice(0, top)) out.push(`${pct(us)}  ${k}`);
  return out.join('\n');
}

if (process.argv[1] && import.meta.url === `file://${path.resolve(process.argv[1])}`) {
  const [file, topArg] = process.argv.slice(2);
  console.log(summarize(file, Number(topArg ?? 25)));
}
