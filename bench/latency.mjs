// (3) Editor latency: the language server over stdio, as an editor drives it. Open a ~1,000-line
// recurrent file, then send 50 incremental didChange edits one at a time (each waits for the
// publishDiagnostics of its own version), and time didChange -> publishDiagnostics. The server
// waits DEBOUNCE_MS after a change before it analyses (a pause in typing); that wait is read
// from the server's source and subtracted, so the figure is the work the server does per edit.
// The server's own engine time per run (the rnnlint/status notification) is reported beside it.
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import os from 'node:os';
import { existsSync } from 'node:fs';
import { generateFile, lineCount } from './gen.mjs';
import { median, percentile, round, log } from './lib/stats.mjs';
import { runIfMain } from './lib/main.mjs';
import { LspClient, SERVER, serverDebounceMs } from './lib/lsp.mjs';

export const EDITS = 50;
export const TARGET_MEDIAN_MS = 20;

/** Position (line, character) of the first occurrence of `needle` at or after line `fromLine`. */
function findPosition(text, needle, fromLine) {
  const lines = text.split('\n');
  for (let l = fromLine; l < lines.length; l++) {
    const c = lines[l].indexOf(needle);
    if (c >= 0) return { line: l, character: c };
  }
  return undefined;
}

export async function run({ quick = false } = {}) {
  if (!existsSync(SERVER)) return notMeasured('dist/server.js is missing (build the language server first)');
  const debounce = serverDebounceMs();
  if (debounce === undefined) return notMeasured('could not read DEBOUNCE_MS from server/src/lsp/lintServer.ts');
  const edits = quick ? 15 : EDITS;
  const client = new LspClient();
  const statusByVersion = new Map();
  client.listeners.add((m) => {
    if (m.method === 'rnnlint/status' && m.params.version != null) statusByVersion.set(`${m.params.uri}@${m.params.version}`, m.params);
  });
  try {
    await client.initialize({});
    // Warm the server (JIT, first analysis) on another document first, as an editor session would be.
    const warmUri = pathToFileURL(path.join(os.tmpdir(), 'rnnlint-bench-warm.ts')).href;
    client.open(warmUri, generateFile(1000, 9001));
    await client.waitForDiagnostics(warmUri, 1, 60_000);

    let text = generateFile(1000, 4242);
    const uri = pathToFileURL(path.join(os.tmpdir(), 'rnnlint-bench-latency.ts')).href;
    client.open(uri, text);
    const [first] = await client.waitForDiagnostics(uri, 1, 60_000);
    const lines = lineCount(text);
    const latencies = [];
    const engine = [];
    let diagnostics = first.params.diagnostics.length;
    let last;
    for (let i = 0; i < edits; i++) {
      const version = i + 2;
      // Typing inside a step: odd edits insert a character into an identifier (a half-typed
      // name), the next edit deletes it again, at different places in the file.
      let range;
      let insert;
      if (i % 2 === 0) {
        const from = Math.floor((((i * 37) % 90) / 100) * lines);
        const target = findPosition(text, 'h_4242_', from) ?? findPosition(text, 'h_4242_', 0);
        range = { start: target, end: target };
        insert = 'x';
        last = target;
      } else {
        range = { start: last, end: { line: last.line, character: last.character + 1 } };
        insert = '';
      }
      const ls = text.split('\n');
      const l = ls[range.start.line];
      ls[range.start.line] = l.slice(0, range.start.character) + insert + l.slice(range.end.character);
      text = ls.join('\n');
      const wait = client.waitForDiagnostics(uri, version, 30_000);
      const sent = performance.now();
      client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: insert }] });
      const [msg, at] = await wait;
      latencies.push(at - sent - debounce);
      diagnostics = msg.params.diagnostics.length;
      const st = statusByVersion.get(`${uri}@${version}`);
      if (st) engine.push(st.timeMs);
    }
    const med = median(latencies);
    const p95 = percentile(latencies, 95);
    log(`latency: ${lines} lines, ${edits} edits: median ${med.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms after the ${debounce} ms debounce; engine median ${median(engine).toFixed(1)} ms; ${diagnostics} diagnostics`);
    return {
      id: 'latency',
      rows: [
        {
          what: `editor latency, ${lines.toLocaleString('en-US')}-line file, ${edits} edits (median / p95)`,
          figure: `${med.toFixed(1)} / ${p95.toFixed(1)} ms (+${debounce} ms debounce)`,
          value: round(med, 1),
          target: `<= ${TARGET_MEDIAN_MS} ms median`,
          met: med <= TARGET_MEDIAN_MS,
        },
      ],
      details: {
        lines, edits, debounceMs: debounce,
        medianMs: round(med, 2), p95Ms: round(p95, 2),
        engineMedianMs: round(median(engine), 2), engineP95Ms: round(percentile(engine, 95), 2),
        latenciesMs: latencies.map((x) => round(x, 2)), diagnostics,
      },
    };
  } finally {
    await client.shutdown();
  }
}

function notMeasured(reason) {
  return { id: 'latency', rows: [{ what: 'editor latency (didChange -> publishDiagnostics)', figure: `not measured: ${reason}`, value: null, target: `<= ${TARGET_MEDIAN_MS} ms median`, met: null }] };
}

await runIfMain(import.meta.url, run);
