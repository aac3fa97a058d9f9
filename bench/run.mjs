// `npm run bench`: runs each measurement in its own node process (so one module's heap and JIT
// state never colour the next), prints one table (what, figure, target, met?) and writes
// bench/results.json. Parts whose piece is missing print "not measured: <reason>".
//   node bench/run.mjs [--quick] [--only floor,eslint,...]
// Modules: floor (lint vs parse floor), eslint, latency (LSP), workspace (CLI), memory (server RSS),
// probe (bench/probe.mjs, a colleague's, when present), package (VSIX, server start).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.dirname(HERE);
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const onlyArg = args.find((a) => a.startsWith('--only'));
const only = onlyArg ? (onlyArg.includes('=') ? onlyArg.split('=')[1] : args[args.indexOf(onlyArg) + 1]).split(',') : undefined;

const MODULES = [
  { id: 'floor', file: 'floor.mjs', timeoutS: 240 },
  { id: 'eslint', file: 'eslint.mjs', timeoutS: 150 },
  { id: 'latency', file: 'latency.mjs', timeoutS: 120 },
  { id: 'workspace', file: 'workspace.mjs', timeoutS: 180 },
  { id: 'memory', file: 'memory.mjs', timeoutS: 180 },
  { id: 'probe', file: 'probe.mjs', timeoutS: 180, external: true },
  { id: 'package', file: 'package.mjs', timeoutS: 180 },
];

function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model?.trim() ?? 'unknown',
    cores: os.availableParallelism?.() ?? cpus.length,
    memoryGb: Number((os.totalmem() / 2 ** 30).toFixed(1)),
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    node: process.version,
    loadavg1AtStart: Number(os.loadavg()[0].toFixed(2)),
  };
}

function runModule(m) {
  return new Promise((resolve) => {
    const file = path.join(HERE, m.file);
    if (!existsSync(file)) {
      resolve({ id: m.id, rows: [{ what: m.id, figure: `not measured: bench/${m.file} is not there yet`, value: null, target: '', met: null }] });
      return;
    }
    const t0 = performance.now();
    const argv = ['--expose-gc', file, '--json', ...(quick ? ['--quick'] : [])];
    const p = spawn(process.execPath, argv, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => { out += d; });
    p.stderr.on('data', (d) => {
      err += d;
      process.stderr.write(d);
    });
    const timer = setTimeout(() => p.kill('SIGKILL'), m.timeoutS * 1000);
    p.on('exit', (code, signal) => {
      clearTimeout(timer);
      const seconds = Number(((performance.now() - t0) / 1000).toFixed(1));
      const fail = (why) => resolve({ id: m.id, seconds, rows: [{ what: m.id, figure: `not measured: ${why}`, value: null, target: '', met: null }] });
      // The last line of stdout that parses as JSON is the module's result (modules that measure
      // in stages print a partial result after each stage).
      const lines = out.trim().split('\n').reverse();
      let result;
      for (const l of lines) {
        try {
          result = JSON.parse(l);
          break;
        } catch {
          /* not this line */
        }
      }
      if (signal) {
        if (!result?.partial) return fail(`killed (${signal}) by the ${m.timeoutS} s limit`);
        result.rows.push({ what: `${m.id}: remaining sizes`, figure: `not measured: stopped by the ${m.timeoutS} s limit`, value: null, target: '', met: null });
        return resolve({ ...result, seconds });
      }
      if (code !== 0 || !result) {
        const last = err.trim().split('\n').filter(Boolean).slice(-1)[0] ?? `exit ${code}`;
        return fail(`${m.file} failed: ${last.slice(0, 160)}`);
      }
      if (m.external && !Array.isArray(result.rows)) result = adaptExternal(m.id, result);
      resolve({ ...result, id: result.id ?? m.id, seconds });
    });
  });
}

/** bench/probe.mjs (a colleague's) prints its own figures; turn them into table rows. */
function adaptExternal(id, result) {
  if (id === 'probe' && result.measured === false) {
    return { id, rows: [{ what: 'probe', figure: `not measured: ${result.reason}`, value: null, target: '', met: null }], details: result };
  }
  if (id === 'probe' && typeof result.coldFirstTraceMs === 'number') {
    const t = result.targets ?? { coldMs: 2000, warmMs: 300, overhead: 1.2 };
    const r = (what, value, figure, target, met) => ({ what, figure, value, target, met });
    return {
      id,
      rows: [
        r(`probe cold first trace (${result.cell}, ${result.backend})`, result.coldFirstTraceMs, `${result.coldFirstTraceMs} ms`, `<= ${t.coldMs} ms`, result.coldFirstTraceMs <= t.coldMs),
        r('probe warm first trace', result.warmFirstTraceMs, `${result.warmFirstTraceMs} ms`, `<= ${t.warmMs} ms`, result.warmFirstTraceMs <= t.warmMs),
        r('probe harness vs hand-written loop', result.overheadTraceLoop,
          `${result.overheadTraceLoop}x trace loop (${result.traceLoopMs} vs ${result.handLoopMs} ms); ${result.overheadTraceOnly}x trace pass, ${result.overheadFullProbe}x whole probe`,
          `<= ${t.overhead}x`, result.overheadTraceLoop <= t.overhead),
      ],
      details: result,
    };
  }
  // Unknown shape: keep every scalar figure as it is.
  const rows = [];
  const walk = (obj, prefix) => {
    for (const [k, v] of Object.entries(obj)) {
      if (v && typeof v === 'object' && !Array.isArray(v)) walk(v, `${prefix}${k}.`);
      else if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') rows.push({ what: `${id}: ${prefix}${k}`, figure: String(v), value: typeof v === 'number' ? v : null, target: '', met: null });
    }
  };
  walk(result, '');
  return { id, rows, details: result };
}

function table(results) {
  const rows = results.flatMap((r) => r.rows);
  const met = (m) => (m === true ? 'yes' : m === false ? '**no**' : '-');
  const lines = ['| what | figure | target | met? |', '|---|---|---|---|'];
  for (const r of rows) lines.push(`| ${r.what} | ${r.figure} | ${r.target || '-'} | ${met(r.met)} |`);
  return lines.join('\n');
}

/** Replaces the generated part of docs/bench.md (between the markers); the analysis stays. */
function updateDoc(out) {
  const doc = path.join(ROOT, 'docs', 'bench.md');
  if (!existsSync(doc)) return;
  const text = readFileSync(doc, 'utf8');
  const start = '<!-- bench:table:start -->';
  const end = '<!-- bench:table:end -->';
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a < 0 || b < a) return;
  const m = out.machine;
  const body = [
    start,
    `Measured ${out.date.slice(0, 16).replace('T', ' ')} UTC with \`${out.command}\` (${out.seconds} s) on: ${m.cpu}, ${m.cores} cores (\`os.cpus()\`), ` +
      `${m.memoryGb} GB RAM (\`os.totalmem()\`), ${m.platform}, node ${m.node}. Load average (1 min) ${m.loadavg1AtStart} at the start, ${m.loadavg1AtEnd} at the end` +
      `${m.loadavg1AtStart > m.cores ? ' - a shared, busy machine: wall-clock figures (latency, workspace, start-up) are inflated; the CPU-time ratios are the steadier figures' : ''}.`,
    '',
    out.table,
    end,
  ].join('\n');
  writeFileSync(doc, text.slice(0, a) + body + text.slice(b + end.length));
}

const started = new Date();
const info = machine();
process.stderr.write(`rnnlint bench${quick ? ' (quick)' : ''}: ${info.cpu}, ${info.cores} cores, ${info.memoryGb} GB, node ${info.node}, load ${info.loadavg1AtStart}\n`);
const results = [];
for (const m of MODULES) {
  if (only && !only.includes(m.id)) continue;
  process.stderr.write(`\n== ${m.id}\n`);
  results.push(await runModule(m));
}
info.loadavg1AtEnd = Number(os.loadavg()[0].toFixed(2));
const md = table(results);
const out = {
  date: started.toISOString(),
  command: `npm run bench${quick ? ' -- --quick' : ''}${only ? ` -- --only ${only.join(',')}` : ''}`,
  quick,
  machine: info,
  seconds: Number(((Date.now() - started.getTime()) / 1000).toFixed(1)),
  table: md,
  results,
};
if (!only) {
  writeFileSync(path.join(HERE, 'results.json'), JSON.stringify(out, null, 2) + '\n');
  updateDoc(out);
}
process.stdout.write(`\nRNNLint bench, ${out.date} - ${info.cpu}, ${info.cores} cores, ${info.memoryGb} GB RAM, node ${info.node}; load average ${info.loadavg1AtStart} -> ${info.loadavg1AtEnd}\n\n${md}\n\n`);
process.stdout.write(only ? '(--only: bench/results.json not written)\n' : `wrote bench/results.json (${out.seconds} s)\n`);
