// (7) Package: the VSIX `npm run package` makes (production build: `node esbuild.mjs --production`
// then `vsce package --no-dependencies`, both in a temporary folder so the shared dist/ and the repo
// stay untouched), its size and biggest entries; the language server's start (the production build,
// as users run it): spawn `node dist/server.js --stdio` -> initialize -> didOpen of a 1,000-line file
// -> first publishDiagnostics; and start-up in a real VS Code: that VSIX installed into a fresh
// code-server per run (the one `npm run test:e2e` installed; not installed here, so without it the
// rows say "not measured"), driven by Chromium through the e2e harness (test/e2e/startup.mjs):
// VS Code's own activation time ("Developer: Show Running Extensions"), the client's "server ready"
// time from its output channel, and the time from opening a file to its first squiggle.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, statSync, rmSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateFile } from './gen.mjs';
import { median, round, log } from './lib/stats.mjs';
import { runIfMain } from './lib/main.mjs';
import { LspClient, ROOT } from './lib/lsp.mjs';
import { buildProduction } from './lib/production.mjs';

export const VSIX_LIMIT_MB = 10;
/** Fresh code-server windows timed for the start-up rows (1 with --quick). */
const EDITOR_RUNS = 3;
/** Wall-clock budget of the VS Code start-up runs (one run takes 10-15 s on 2 cores). */
const EDITOR_BUDGET_MS = 70_000;
/** How long one step of a run (open a file, a squiggle, a command) may take before the run fails. */
const EDITOR_STEP_MS = 30_000;

/** Packages the VSIX as `out`. */
function vsix(cwd, out) {
  const bin = path.join(ROOT, 'node_modules', '.bin', 'vsce');
  if (!existsSync(bin)) return { error: 'node_modules/.bin/vsce is missing (npm install)' };
  const r = spawnSync(bin, ['package', '--no-dependencies', '--skip-license', '-o', out], { cwd, encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0 || !existsSync(out)) {
    const why = `${r.stderr || ''}${r.stdout || ''}`.split('\n').find((l) => /ERROR|Error|error/.test(l)) ?? `exit ${r.status}`;
    return { error: `vsce package failed: ${why.trim().slice(0, 200)}` };
  }
  const bytes = statSync(out).size;
  const list = spawnSync(bin, ['ls', '--no-dependencies'], { cwd, encoding: 'utf8', timeout: 60_000 });
  const files = list.status === 0 ? list.stdout.trim().split('\n').filter(Boolean) : undefined;
  const biggest = files
    ?.map((f) => ({ file: f, bytes: existsSync(path.join(cwd, f)) ? statSync(path.join(cwd, f)).size : 0 }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 6)
    .map((e) => ({ file: e.file, mb: round(e.bytes / 1e6, 2) }));
  return { bytes, files: files?.length, biggest };
}

/**
 * Start-up of the packaged extension in code-server, EDITOR_RUNS fresh windows (each its own
 * code-server, user-data dir and workspace): { runs, failures, version } or { error }.
 * Every process started here is stopped before this returns (and, should this process be killed,
 * by the watcher test/e2e/startup.mjs leaves beside code-server).
 */
async function editorStartup(vsixPath, quick) {
  let h;
  let startup;
  try {
    h = await import('../test/e2e/harness.mjs');
    startup = await import('../test/e2e/startup.mjs');
  } catch (e) {
    return { error: `the e2e harness could not be loaded: ${e.message.split('\n')[0]}` };
  }
  const tools = h.installedTools();
  if (tools.error) return { error: tools.error };
  const deadline = performance.now() + EDITOR_BUDGET_MS;
  const runs = [];
  const failures = [];
  let browser;
  try {
    browser = await h.launchBrowser({ chromium: tools.chromium });
    for (let i = 0; i < (quick ? 1 : EDITOR_RUNS); i++) {
      const left = deadline - performance.now();
      if (i > 0 && left < 20_000) {
        failures.push(`run ${i + 1} not started: ${Math.round(left / 1000)} s of the ${EDITOR_BUDGET_MS / 1000} s budget left`);
        break;
      }
      const run = startup.measureStartup({ browser, codeServer: tools.codeServer, vsix: vsixPath, timeout: EDITOR_STEP_MS });
      let timer;
      const limit = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`over the ${EDITOR_BUDGET_MS / 1000} s budget`)), Math.max(left, 1000));
      });
      try {
        const r = await Promise.race([run, limit]);
        log(`package: VS Code run ${i + 1}: activation ${r.vscodeActivationMs} ms, server ready ${r.serverReadyMs} ms, open -> first diagnostic ${r.coldOpenMs} ms (first file), ${r.warmOpenMs} ms (second)`);
        runs.push(r);
      } catch (e) {
        const why = e.message.split('\n')[0].slice(0, 200);
        log(`package: VS Code run ${i + 1} failed: ${why}`);
        failures.push(`run ${i + 1}: ${why}`);
        // Over budget: closing the browser makes the run's page steps fail, and its own cleanup
        // then stops its code-server; wait for that.
        await browser.close().catch(() => {});
        await run.catch(() => {});
        break;
      } finally {
        clearTimeout(timer);
      }
    }
  } catch (e) {
    failures.push(e.message.split('\n')[0].slice(0, 200));
  } finally {
    await browser?.close().catch(() => {});
  }
  if (runs.length === 0) return { error: `VS Code (code-server ${tools.version}) did not give a figure: ${failures.join('; ') || 'no run'}` };
  return { runs, failures, version: tools.version };
}

/** One start-up figure over the runs: "median ms (min-max)", or "N ms" for one run. */
function spread(xs) {
  const med = median(xs);
  return { med, text: xs.length > 1 ? `${Math.round(med)} ms (${Math.min(...xs)}-${Math.max(...xs)})` : `${Math.round(med)} ms` };
}

function editorRows(e) {
  const na = (what) => ({ what, figure: `not measured: ${e.error}`, value: null, target: 'report', met: null });
  if (e.error) {
    return [na('extension activation time (VS Code)'), na('open a file -> first diagnostic in VS Code')];
  }
  const col = (k) => e.runs.map((r) => r[k]);
  const n = `${e.runs.length} fresh code-server ${e.version} window${e.runs.length === 1 ? '' : 's'}`;
  const act = spread(col('vscodeActivationMs'));
  const own = spread(col('clientActivateMs'));
  const ready = spread(col('serverReadyMs'));
  const cold = spread(col('coldOpenMs'));
  const warm = spread(col('warmOpenMs'));
  return [
    {
      what: 'extension activation time (VS Code\'s "Activation": load dist/client.js + activate())',
      figure: `${act.text}${e.runs.length > 1 ? ': median (range) of' : ' in'} ${n}; activate() itself ${own.text}`,
      value: round(act.med, 0), target: 'report', met: null,
    },
    {
      what: '  activate() to server ready (the client\'s output channel)',
      figure: ready.text, value: round(ready.med, 0), target: 'report', met: null,
    },
    {
      what: 'open a file -> first diagnostic in VS Code, first file (activates RNNLint)',
      figure: cold.text, value: round(cold.med, 0), target: 'report', met: null,
    },
    {
      what: '  same, a second file (server running)',
      figure: warm.text, value: round(warm.med, 0), target: 'report', met: null,
    },
  ];
}

async function serverStart(server) {
  const text = generateFile(1000, 777);
  const times = [];
  let initMs;
  for (let i = 0; i < 3; i++) {
    const client = new LspClient({ server });
    try {
      const t0 = client.spawnedAt;
      await client.initialize({});
      const tInit = performance.now() - t0;
      const uri = pathToFileURL(path.join(os.tmpdir(), `rnnlint-bench-start${i}.ts`)).href;
      client.open(uri, text);
      const [, at] = await client.waitForDiagnostics(uri, 1, 60_000);
      times.push(at - t0);
      initMs = initMs === undefined ? tInit : Math.min(initMs, tInit);
    } finally {
      await client.shutdown();
    }
  }
  return { medianMs: median(times), runsMs: times, initMs };
}

export async function run({ quick = false } = {}) {
  const prod = buildProduction();
  try {
    if (prod.error) {
      return { id: 'package', rows: [{ what: 'VSIX size', figure: `not measured: ${prod.error}`, value: null, target: `< ${VSIX_LIMIT_MB} MB`, met: null }] };
    }
    return await measure(prod.dir, quick);
  } finally {
    prod.dispose?.();
  }
}

async function measure(dir, quick) {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'rnnlint-bench-vsix-'));
  try {
    return await measureIn(dir, tmp, quick);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

async function measureIn(dir, tmp, quick) {
  const SERVER = path.join(dir, 'dist', 'server.js');
  const rows = [];
  const details = {};
  const vsixPath = path.join(tmp, 'rnnlint.vsix');
  const v = vsix(dir, vsixPath);
  if (v.error) {
    rows.push({ what: 'VSIX size', figure: `not measured: ${v.error}`, value: null, target: `< ${VSIX_LIMIT_MB} MB`, met: null });
  } else {
    const mb = v.bytes / 1e6;
    log(`package: VSIX ${mb.toFixed(2)} MB, ${v.files} files`);
    rows.push({ what: 'VSIX size', figure: `${mb.toFixed(2)} MB (${v.files} files)`, value: round(mb, 2), target: `< ${VSIX_LIMIT_MB} MB`, met: mb < VSIX_LIMIT_MB });
    details.vsix = { mb: round(mb, 2), files: v.files, biggest: v.biggest };
  }
  const editorAt = rows.length;
  if (!existsSync(SERVER)) {
    rows.push({ what: 'server start to first diagnostic', figure: 'not measured: dist/server.js is missing', value: null, target: 'report', met: null });
  } else {
    const s = await serverStart(SERVER);
    log(`package: server spawn -> initialized ${s.initMs.toFixed(0)} ms, -> first diagnostics ${s.medianMs.toFixed(0)} ms`);
    rows.push({
      what: 'server start to first diagnostic (1,000-line file)',
      figure: `${s.medianMs.toFixed(0)} ms (initialize answered after ${s.initMs.toFixed(0)} ms)`,
      value: round(s.medianMs, 0), target: 'report', met: null,
    });
    details.serverStart = { medianMs: round(s.medianMs, 1), runsMs: s.runsMs.map((x) => round(x, 1)), initializeMs: round(s.initMs, 1) };
  }
  // Last, so that code-server and Chromium (stopped by now) do not load the machine during the rest.
  const e = v.error ? { error: `no VSIX (${v.error})` } : await editorStartup(vsixPath, quick);
  rows.splice(editorAt, 0, ...editorRows(e));
  if (!e.error) details.editorStartup = { codeServer: e.version, runs: e.runs, failures: e.failures };
  else details.editorStartup = { error: e.error };
  return { id: 'package', rows, details };
}

await runIfMain(import.meta.url, run);
