// (7) Package: the VSIX `npm run package` makes (production build: `node esbuild.mjs --production`
// then `vsce package --no-dependencies`, both in a temporary folder so the shared dist/ and the repo
// stay untouched), its size and biggest entries; extension activation time
// (needs a running VS Code: not measured here, and the end-to-end suite does not record it yet); and the language
// server's start (the production build, as users run it): spawn `node dist/server.js --stdio` -> initialize -> didOpen of a
// 1,000-line file -> first publishDiagnostics.
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

function vsix(cwd) {
  const bin = path.join(ROOT, 'node_modules', '.bin', 'vsce');
  if (!existsSync(bin)) return { error: 'node_modules/.bin/vsce is missing (npm install)' };
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'rnnlint-bench-vsix-'));
  const out = path.join(tmp, 'rnnlint.vsix');
  try {
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
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
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

export async function run() {
  const prod = buildProduction();
  try {
    if (prod.error) {
      return { id: 'package', rows: [{ what: 'VSIX size', figure: `not measured: ${prod.error}`, value: null, target: `< ${VSIX_LIMIT_MB} MB`, met: null }] };
    }
    return await measure(prod.dir);
  } finally {
    prod.dispose?.();
  }
}

async function measure(dir) {
  const SERVER = path.join(dir, 'dist', 'server.js');
  const rows = [];
  const details = {};
  const v = vsix(dir);
  if (v.error) {
    rows.push({ what: 'VSIX size', figure: `not measured: ${v.error}`, value: null, target: `< ${VSIX_LIMIT_MB} MB`, met: null });
  } else {
    const mb = v.bytes / 1e6;
    log(`package: VSIX ${mb.toFixed(2)} MB, ${v.files} files`);
    rows.push({ what: 'VSIX size', figure: `${mb.toFixed(2)} MB (${v.files} files)`, value: round(mb, 2), target: `< ${VSIX_LIMIT_MB} MB`, met: mb < VSIX_LIMIT_MB });
    details.vsix = { mb: round(mb, 2), files: v.files, biggest: v.biggest };
  }
  rows.push({ what: 'extension activation time', figure: 'not measured: needs a running VS Code (the e2e suite in test/e2e does not record it yet)', value: null, target: 'report', met: null });
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
  return { id: 'package', rows, details };
}

await runIfMain(import.meta.url, run);
