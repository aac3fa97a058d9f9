// Start-up figures of RNNLint in a real VS Code (code-server in Chromium), as a user meets them:
//   - open -> first diagnostic: from the click on the file in Quick Open to the first RNNLint
//     squiggle drawn in the editor, timed inside the page (performance.now() in a capturing
//     mousedown listener and a MutationObserver), so the driver's round trips do not count. The
//     first .ts file opened in the window activates the extension (onLanguage:typescript): "cold"
//     includes activation, the server's start and the first lint; "warm" is a second file opened
//     once the server runs.
//   - VS Code's own activation figure: "Activation: N ms" of "Developer: Show Running Extensions"
//     (the extension host's codeLoadingTime + activateCallTime: loading dist/client.js and running
//     activate()).
//   - the client's own line in the RNNLint output channel, "RNNLint activated in N ms (server ready
//     in M ms)" (client/src/rnnlint.ts), read from the channel's log file in the user-data dir.
// Used by test/e2e/vscode.e2e.mjs (which checks that the figures exist) and bench/package.mjs
// (which reports them).
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as h from './harness.mjs';

/** The client's start-up line in the RNNLint output channel. */
export const ACTIVATION_LINE = /RNNLint activated in (\d+) ms \(server ready in (\d+) ms\)/;

/**
 * Arms the in-page timer for opening `fileName`: records the first mousedown on a Quick Open row,
 * the moment its tab is the active one, and the first squiggle drawn while it is.
 */
async function armOpenTimer(page, fileName) {
  await page.evaluate((name) => {
    const w = window;
    w.__rnnlintObserver?.disconnect();
    if (w.__rnnlintMousedown) document.removeEventListener('mousedown', w.__rnnlintMousedown, true);
    const t = (w.__rnnlintOpen = { clickAt: null, tabAt: null, squiggleAt: null });
    const tabActive = () => [...document.querySelectorAll('.tabs-container .tab.active')].some((e) => (e.getAttribute('aria-label') || '').includes(name));
    const squiggle = () => document.querySelector('.editor-instance .monaco-editor .squiggly-error, .editor-instance .monaco-editor .squiggly-warning');
    w.__rnnlintMousedown = (e) => {
      if (t.clickAt === null && e.target instanceof Element && e.target.closest('.quick-input-list .monaco-list-row')) t.clickAt = performance.now();
    };
    document.addEventListener('mousedown', w.__rnnlintMousedown, true);
    const check = () => {
      if (t.clickAt === null) return;
      if (t.tabAt === null && tabActive()) t.tabAt = performance.now();
      if (t.tabAt !== null && t.squiggleAt === null && squiggle()) {
        t.squiggleAt = performance.now();
        w.__rnnlintObserver.disconnect();
      }
    };
    w.__rnnlintObserver = new MutationObserver(check);
    w.__rnnlintObserver.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['class'] });
  }, fileName);
}

/**
 * Opens `fileName` with Quick Open and returns { tabMs, squiggleMs }: from the click to its tab being
 * active, and to the first squiggle drawn in its editor.
 */
export async function timeOpen(page, fileName, timeout) {
  await armOpenTimer(page, fileName);
  await h.openFile(page, fileName);
  const handle = await page.waitForFunction(() => window.__rnnlintOpen.squiggleAt !== null && window.__rnnlintOpen, undefined, { timeout, polling: 100 });
  const t = await handle.jsonValue();
  if (t.clickAt === null) throw new Error(`the Quick Open click on ${fileName} was not seen`);
  return { tabMs: t.tabAt - t.clickAt, squiggleMs: t.squiggleAt - t.clickAt };
}

/** The client's "RNNLint activated in ..." line from the output channel's log file, or undefined. */
export function readActivationLine(userDataDir) {
  const logs = path.join(userDataDir, 'logs');
  if (!fs.existsSync(logs)) return undefined;
  for (const f of fs.readdirSync(logs, { recursive: true }).map(String)) {
    if (!/RNNLint\.log$/.test(f)) continue;
    const m = ACTIVATION_LINE.exec(fs.readFileSync(path.join(logs, f), 'utf8'));
    if (m) return { clientActivateMs: Number(m[1]), serverReadyMs: Number(m[2]), line: m[0] };
  }
  return undefined;
}

/** "Activation: N ms" of RNNLint in "Developer: Show Running Extensions" (VS Code's own figure). */
export async function runningExtensionsActivation(page, timeout) {
  await h.runCommand(page, 'Developer: Show Running Extensions');
  const row = page.locator('.runtime-extensions-editor .monaco-list-row', { has: page.locator('.name', { hasText: /^RNNLint$/ }) }).first();
  await row.waitFor({ timeout });
  const until = Date.now() + timeout;
  for (;;) {
    const text = ((await row.locator('.activation-time').textContent()) ?? '').replace(/\u00a0/g, ' ');
    const m = /Activation: (\d+)\s*ms/.exec(text);
    if (m) return { vscodeActivationMs: Number(m[1]), text: text.trim() };
    if (Date.now() > until) throw new Error(`Running Extensions shows no activation time for RNNLint: "${text}"`);
    await h.sleep(250);
  }
}

/** Waits for the client's activation line to reach the log file. */
export async function waitForActivationLine(userDataDir, timeout) {
  const until = Date.now() + timeout;
  for (;;) {
    const a = readActivationLine(userDataDir);
    if (a) return a;
    if (Date.now() > until) throw new Error(`no "RNNLint activated in ..." line in the RNNLint output channel's log under ${userDataDir}/logs`);
    await h.sleep(250);
  }
}

/**
 * Kills process group `pgid` (code-server, started detached) and removes the temporary folders
 * `dirs` if this node process dies before it stopped them itself (the bench runner SIGKILLs a module
 * at its time limit; Ctrl+C does not reach another process group). Returns a function that ends the
 * watch. (Chromium needs no watch: it exits when playwright's pipe closes.)
 */
export function killGroupWhenOrphaned(pgid, dirs = []) {
  const script =
    'while kill -0 "$1" 2>/dev/null; do sleep 1; done; kill -TERM -- "-$2" 2>/dev/null; sleep 3; kill -KILL -- "-$2" 2>/dev/null; shift 2; rm -rf -- "$@"';
  const watcher = spawn('bash', ['-c', script, 'watch', String(process.pid), String(pgid), ...dirs], { detached: true, stdio: 'ignore' });
  watcher.unref();
  return () => {
    try {
      process.kill(watcher.pid, 'SIGKILL');
    } catch {}
  };
}

/**
 * One fresh code-server (own user-data dir and workspace), one window: open buggy-cell.ts (cold),
 * then two-bugs.ts (warm), then read the activation figures. Returns
 * { workbenchMs, coldOpenMs, coldTabMs, warmOpenMs, vscodeActivationMs, clientActivateMs, serverReadyMs }.
 */
export async function measureStartup({ browser, codeServer, vsix, timeout = h.WAIT_MS }) {
  const ws = h.makeWorkspace('startup');
  let server;
  let context;
  let unwatch;
  try {
    server = await h.startCodeServer({ workspace: ws, codeServer, vsix });
    unwatch = killGroupWhenOrphaned(server.pid, [path.dirname(server.userDataDir), path.dirname(ws)]);
    const t0 = Date.now();
    context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    await page.goto(server.url, { waitUntil: 'domcontentloaded' });
    await page.locator('.monaco-workbench .explorer-folders-view .monaco-list-row').first().waitFor({ timeout });
    const workbenchMs = Date.now() - t0;
    const cold = await timeOpen(page, 'buggy-cell.ts', timeout);
    await h.runCommand(page, 'View: Close All Editors');
    const warm = await timeOpen(page, 'two-bugs.ts', timeout);
    const client = await waitForActivationLine(server.userDataDir, timeout);
    const vscode = await runningExtensionsActivation(page, timeout);
    return {
      workbenchMs,
      coldOpenMs: Math.round(cold.squiggleMs),
      coldTabMs: Math.round(cold.tabMs),
      warmOpenMs: Math.round(warm.squiggleMs),
      vscodeActivationMs: vscode.vscodeActivationMs,
      clientActivateMs: client.clientActivateMs,
      serverReadyMs: client.serverReadyMs,
    };
  } finally {
    await context?.close().catch(() => {});
    await server?.stop();
    unwatch?.();
    fs.rmSync(path.dirname(ws), { recursive: true, force: true });
  }
}
