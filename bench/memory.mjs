// (5) Server memory: start `node dist/server.js --stdio`, open 200 generated recurrent files of
// ~500 lines (each a different variant and template mix), wait until every one has its
// publishDiagnostics, then read the server's resident set (VmRSS) and peak (VmHWM) from
// /proc/<pid>/status. Idle RSS right after initialize is reported beside it. Measured on the
// server users run (the minified production build that `npm run package` ships, built into a temp
// folder) and, for reference, on the development build in dist/.
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import os from 'node:os';
import { existsSync, readFileSync } from 'node:fs';
import { generateFile } from './gen.mjs';
import { round, log } from './lib/stats.mjs';
import { runIfMain } from './lib/main.mjs';
import { LspClient, SERVER, processMemoryMb } from './lib/lsp.mjs';
import { buildProduction } from './lib/production.mjs';

export const FILES = 200;
export const LINES = 500;
export const TARGET_MB = 150;

export async function run() {
  if (!existsSync(SERVER)) return notMeasured('dist/server.js is missing');
  if (process.platform !== 'linux') return notMeasured('reads /proc/<pid>/status (Linux only)');
  const prod = buildProduction();
  const rows = [];
  const details = {};
  try {
    if (prod.error) rows.push(notMeasured(prod.error).rows[0]);
    else {
      const r = await measure(path.join(prod.dir, 'dist', 'server.js'), 'production build');
      rows.push(r.row);
      details.production = r.details;
    }
  } finally {
    prod.dispose?.();
  }
  const dev = await measure(SERVER, 'dist/');
  rows.push({ ...dev.row, what: `  same, the server in dist/ (${minifiedLabel()})`, target: 'reference', met: null });
  details.development = dev.details;
  return { id: 'memory', rows, details };
}

async function measure(server, label) {
  const client = new LspClient({ server });
  try {
    await client.initialize({});
    await new Promise((r) => setTimeout(r, 300));
    const idle = processMemoryMb(client.pid);
    const waits = [];
    let chars = 0;
    for (let i = 0; i < FILES; i++) {
      const uri = pathToFileURL(path.join(os.tmpdir(), 'rnnlint-bench-mem', `file${i}.ts`)).href;
      const text = generateFile(LINES, 5000 + i, i);
      chars += text.length;
      waits.push(client.waitForDiagnostics(uri, 1, 180_000));
      client.open(uri, text);
    }
    const results = await Promise.all(waits);
    const diagnostics = results.reduce((n, [m]) => n + m.params.diagnostics.length, 0);
    // Let the idle-time GC settle, as it would between keystrokes.
    await new Promise((r) => setTimeout(r, 1000));
    const mem = processMemoryMb(client.pid);
    log(`memory (${label}): ${FILES} files x ~${LINES} lines open: RSS ${mem.rss.toFixed(1)} MB (peak ${mem.hwm.toFixed(1)} MB, idle ${idle.rss.toFixed(1)} MB), ${diagnostics} diagnostics`);
    return {
      row: {
        what: `server RSS, ${FILES} files x ~${LINES} lines open (${label})`,
        figure: `${mem.rss.toFixed(0)} MB (peak ${mem.hwm.toFixed(0)} MB; idle ${idle.rss.toFixed(0)} MB)`,
        value: round(mem.rss, 1),
        target: `<= ${TARGET_MB} MB`,
        met: mem.rss <= TARGET_MB,
      },
      details: { files: FILES, linesPerFile: LINES, textMb: round(chars / 1e6, 2), rssMb: round(mem.rss, 1), peakRssMb: round(mem.hwm, 1), idleRssMb: round(idle.rss, 1), diagnostics },
    };
  } finally {
    await client.shutdown();
  }
}

/** dist/ is shared: `npm run build` writes it plain, `npm run package` minified. Say which it is. */
function minifiedLabel() {
  try {
    const main = path.join(path.dirname(SERVER), 'server-main.js');
    const text = readFileSync(existsSync(main) ? main : SERVER, 'utf8');
    const lines = text.split('\n').length;
    return text.length / lines > 300 ? 'minified' : 'not minified';
  } catch {
    return 'unknown build';
  }
}

function notMeasured(reason) {
  return { id: 'memory', rows: [{ what: 'server RSS', figure: `not measured: ${reason}`, value: null, target: `<= ${TARGET_MB} MB`, met: null }] };
}

await runIfMain(import.meta.url, run);
