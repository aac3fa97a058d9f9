// The probe in a real VS Code beyond the CodeLens/webview path of vscode.e2e.mjs: the hover on the
// inline trace shows the per-step table, an edit clears the trace, and with rnnlint.probe.runOnSave
// a save brings it back; a probe finding shows in Problems with source "rnnlint probe".
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as h from './harness.mjs';

let server;
let browser;
let page;

const IGNORES_STATE = fs.readFileSync(path.join(h.repoRoot, 'test-fixtures', 'probe', 'ignores-state.ts'), 'utf8');

before(async () => {
  h.ensureTools();
  const ws = h.makeWorkspace('probe', { 'ignores-state.ts': IGNORES_STATE });
  server = await h.startCodeServer({ workspace: ws, settings: { 'rnnlint.probe.runOnSave': true } });
  browser = await h.launchBrowser();
  page = await h.openWorkbench(browser, server);
});

after(async () => {
  if (page && process.exitCode) await h.screenshot(page, 'probe-last-state').catch(() => {});
  await browser?.close().catch(() => {});
  await server?.stop();
});

const step = (name, fn) => h.step(() => page, name, fn);

const traces = async () => (await h.afterDecorations(page)).filter((d) => d.after.includes('‖·‖'));

async function waitForTraces(pred, what, ms = 60_000) {
  const until = Date.now() + ms;
  let d = [];
  for (;;) {
    d = await traces();
    if (pred(d)) return d;
    if (Date.now() > until) throw new Error(`${what}; inline traces: ${JSON.stringify(d)}`);
    await h.sleep(300);
  }
}

async function clickProbeLens() {
  const lens = page.locator('.editor-instance .monaco-editor .codelens-decoration a', { hasText: /^Probe$/ }).first();
  await lens.waitFor({ timeout: h.WAIT_MS });
  await lens.click();
}

test('VS Code probe: hovering the inline trace shows the per-step table', () =>
  step('probe-hover', async () => {
    await h.openFile(page, 'probe-cell.ts');
    await clickProbeLens();
    const [trace] = await waitForTraces((d) => d.length === 1, 'no inline trace after the probe');
    assert.match(trace.line, /return hNew;/);
    await page.keyboard.press('Escape');
    const line = page.locator('.editor-instance .monaco-editor .view-line', { hasText: 'return hNew;' }).first();
    const box = await line.boundingBox();
    // The trace is drawn after the code: hover a little to the right of `return hNew;`.
    await page.mouse.move(box.x + 260, box.y + box.height / 2);
    const table = page.locator('.monaco-hover table').first();
    await table.waitFor({ state: 'visible', timeout: h.WAIT_MS });
    const rows = await table.locator('tr').evaluateAll((trs) => trs.map((tr) => (tr.textContent || '').replace(/\u00a0/g, ' ').trim()));
    await h.screenshot(page, 'probe-hover');
    assert.match(rows[0], /step\s*norm\s*mean\s*std\s*min\s*max\s*sat\s*dead\s*Δ/);
    assert.equal(rows.length, 1 + 8, rows.join('\n'));
    assert.match(rows[1], /^1\s*\d+\.\d{3}/);
    await page.mouse.move(5, 5);
  }));

test('VS Code probe: an edit clears the inline trace; with runOnSave, saving probes the cell again', () =>
  step('probe-edit-save', async () => {
    await h.openFile(page, 'probe-cell.ts');
    await waitForTraces((d) => d.length === 1, 'the trace from the previous test is not shown');
    await h.goTo(page, 14, 1);
    await page.keyboard.type('// an edit\n');
    await waitForTraces((d) => d.length === 0, 'the trace was not cleared by the edit', 10_000);
    await page.keyboard.press('Control+S');
    const [again] = await waitForTraces((d) => d.length === 1, 'saving did not probe the cell again');
    assert.match(again.after, /^\s*h ‖·‖ /);
    await h.screenshot(page, 'probe-after-save');
  }));

test('VS Code probe: a cell ignoring its state gets a Problems entry from "rnnlint probe" that confirms the static rule', () =>
  step('probe-problems', async () => {
    await h.openFile(page, 'ignores-state.ts');
    await clickProbeLens();
    const rows = await h.waitForProblems(
      page,
      (rows) => rows.some((r) => /output identical for two different initial states/.test(r.label)),
      'the probe finding in Problems',
    );
    const row = rows.find((r) => /output identical for two different initial states/.test(r.label));
    await h.screenshot(page, 'probe-problems');
    assert.match(row.label, /confirms unused-hidden-state/);
    assert.match(row.text, /rnnlint probe/);
  }));
