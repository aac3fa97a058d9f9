// End-to-end harness: installs the tools (scripts/install-code-server.sh, cached outside the clone),
// packages and installs the VSIX, starts code-server in its own process group, drives Debian's
// Chromium with playwright-core, and offers what a user does: the command palette, quick open,
// the Problems view, squiggles, the Ctrl+. menu, screenshots (.e2e-artifacts/, never committed).
//
// Run: `npm run test:e2e` (packages rnnlint.vsix, then runs test/e2e/*.e2e.mjs one file at a time).
// Environment:
//   RNNLINT_E2E_CACHE     where code-server is installed (default ${XDG_CACHE_HOME:-~/.cache}/rnnlint-e2e)
//   RNNLINT_E2E_WAIT_MS   how long a step waits for what the user should see (default 45000)
//   RNNLINT_E2E_LOG       code-server --log level (e.g. trace: the RNNLint output channel then logs
//                         every LSP message into the user-data dir's exthost logs)
//   RNNLINT_E2E_CHROMIUM  the Chromium executable (default /usr/bin/chromium)
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

const require = createRequire(import.meta.url);
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const artifactsDir = path.join(repoRoot, '.e2e-artifacts');
export const CHROMIUM = process.env.RNNLINT_E2E_CHROMIUM || '/usr/bin/chromium';

/** How long a step waits for what a user would see before the test fails. */
export const WAIT_MS = Number(process.env.RNNLINT_E2E_WAIT_MS || 45_000);

/** Neovim for the Neovim test: installs the Debian packages only when nvim is missing. */
export function ensureNeovim() {
  let nvim = which('nvim');
  if (nvim) return nvim;
  const r = spawnSync('bash', [path.join(repoRoot, 'scripts', 'install-code-server.sh'), '--packages-only'], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 10 * 60_000,
  });
  nvim = which('nvim');
  if (r.status !== 0 || !nvim) {
    throw new Error(`Neovim could not be installed (scripts/install-code-server.sh --packages-only exit ${r.status}):\n${(r.stderr || '').split('\n').slice(-20).join('\n')}`);
  }
  return nvim;
}

let tools;
/**
 * Runs scripts/install-code-server.sh once per process (cheap when cached) and returns the paths of
 * code-server, Chromium and Neovim. Throws with the installer's reason when something is missing:
 * the e2e suite fails, it never passes without having run.
 */
export function ensureTools() {
  if (tools) return tools;
  const started = Date.now();
  const r = spawnSync('bash', [path.join(repoRoot, 'scripts', 'install-code-server.sh')], {
    cwd: repoRoot,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 15 * 60_000,
  });
  const lines = (r.stdout || '').trim().split('\n');
  const codeServer = lines[lines.length - 1];
  if (r.status !== 0 || !codeServer || !fs.existsSync(codeServer)) {
    throw new Error(
      `The e2e tools could not be installed (scripts/install-code-server.sh exit ${r.status}${r.error ? ', ' + r.error.message : ''}):\n` +
        (r.stderr || '').split('\n').slice(-30).join('\n'),
    );
  }
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium is missing at ${CHROMIUM} after the installer ran`);
  const nvim = which('nvim');
  if (!nvim) throw new Error('Neovim (nvim) is missing after the installer ran');
  tools = { codeServer, chromium: CHROMIUM, nvim, installMs: Date.now() - started };
  log(`tools ready in ${tools.installMs} ms: ${codeServer}`);
  return tools;
}

/**
 * The tools as a previous `npm run test:e2e` left them, without installing anything (for the
 * benchmark, which must stay fast): { codeServer, chromium } or { error: why they are not usable }.
 */
export function installedTools() {
  const script = fs.readFileSync(path.join(repoRoot, 'scripts', 'install-code-server.sh'), 'utf8');
  const version = /^VERSION=(\S+)/m.exec(script)?.[1];
  const cache = process.env.RNNLINT_E2E_CACHE || path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'rnnlint-e2e');
  const prefix = path.join(cache, `code-server-${version}`);
  const codeServer = path.join(prefix, 'node_modules', '.bin', 'code-server');
  if (!version) return { error: 'no VERSION= line in scripts/install-code-server.sh' };
  if (!fs.existsSync(path.join(prefix, '.complete')) || !fs.existsSync(codeServer)) {
    return { error: `code-server ${version} is not installed in ${prefix} (npm run test:e2e installs it)` };
  }
  if (!fs.existsSync(CHROMIUM)) return { error: `Chromium is missing at ${CHROMIUM} (npm run test:e2e installs it)` };
  try {
    require.resolve('playwright-core');
  } catch {
    return { error: 'playwright-core is not installed (npm ci)' };
  }
  return { codeServer, chromium: CHROMIUM, version };
}

function which(cmd) {
  for (const dir of (process.env.PATH || '').split(path.delimiter)) {
    const p = path.join(dir, cmd);
    try {
      fs.accessSync(p, fs.constants.X_OK);
      return p;
    } catch {}
  }
  return undefined;
}

export function log(msg) {
  process.stderr.write(`[e2e ${new Date().toISOString().slice(11, 19)}] ${msg}\n`);
}

let vsixPath;
/**
 * The VSIX of the current tree. `npm run test:e2e` packages it first (npm run package); when run
 * directly it is packaged here if missing or older than dist/.
 */
export function ensureVsix() {
  if (vsixPath) return vsixPath;
  const vsix = path.join(repoRoot, 'rnnlint.vsix');
  const client = path.join(repoRoot, 'dist', 'client.js');
  if (fs.existsSync(vsix) && fs.existsSync(client) && fs.statSync(client).mtimeMs > fs.statSync(vsix).mtimeMs) {
    log('note: rnnlint.vsix is older than dist/client.js; `npm run test:e2e` packages a fresh one');
  }
  if (!fs.existsSync(vsix)) {
    log('packaging rnnlint.vsix (npm run package)');
    const r = spawnSync('npm', ['run', 'package'], { cwd: repoRoot, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`npm run package failed:\n${r.stdout}\n${r.stderr}`);
  }
  if (!fs.existsSync(vsix)) throw new Error(`${vsix} is missing after npm run package`);
  vsixPath = vsix;
  return vsix;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Default user settings: no welcome page, no telemetry, no network look-ups. */
export const BASE_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'typescript.disableAutomaticTypeAcquisition': true,
  'typescript.tsserver.experimental.enableProjectDiagnostics': false,
  'npm.fetchOnlinePackageInfo': false,
  'git.enabled': false,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.banner': 'always',
  'editor.codeLens': true,
  'editor.lightbulb.enabled': 'on',
  'editor.hover.delay': 300,
  'files.autoSave': 'off',
  'window.dialogStyle': 'custom',
  'workbench.colorTheme': 'Default Dark Modern',
};

/**
 * Makes a scratch workspace: a copy of test-fixtures/e2e/ plus a node_modules link to the repo's
 * (so TypeScript resolves @tensorflow/tfjs as in a user's project). Returns its path.
 */
export function makeWorkspace(name, extraFiles = {}) {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), `rnnlint-e2e-${name}-`));
  const ws = path.join(base, name);
  fs.mkdirSync(ws);
  const fixtures = path.join(repoRoot, 'test-fixtures', 'e2e');
  for (const f of fs.readdirSync(fixtures)) fs.copyFileSync(path.join(fixtures, f), path.join(ws, f));
  fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(ws, 'node_modules'), 'dir');
  fs.writeFileSync(
    path.join(ws, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'bundler', strict: true, skipLibCheck: true, noEmit: true } }, null, 2),
  );
  for (const [f, text] of Object.entries(extraFiles)) {
    fs.mkdirSync(path.dirname(path.join(ws, f)), { recursive: true });
    fs.writeFileSync(path.join(ws, f), text);
  }
  return ws;
}

/**
 * Starts code-server on a free port with a fresh user-data and extensions dir, the VSIX installed.
 * { workspace, trusted = true, settings, codeServer = installed by ensureTools(), vsix = the repo's
 * rnnlint.vsix } -> { url, port, pid (of its process group), dirs, stop(), logText() }
 */
export async function startCodeServer({ workspace, trusted = true, settings = {}, codeServer = ensureTools().codeServer, vsix = ensureVsix() }) {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'rnnlint-e2e-cs-'));
  const userDataDir = path.join(base, 'user-data');
  const extensionsDir = path.join(base, 'extensions');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...BASE_SETTINGS, ...settings }, null, 2));

  const common = ['--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];
  const inst = spawnSync(codeServer, [...common, '--install-extension', vsix], { encoding: 'utf8', timeout: 120_000 });
  if (inst.status !== 0 || !/successfully installed/i.test(inst.stdout + inst.stderr)) {
    throw new Error(`code-server --install-extension ${vsix} failed (exit ${inst.status}):\n${inst.stdout}\n${inst.stderr}`);
  }

  const port = await freePort();
  const args = [
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    ...(trusted ? ['--disable-workspace-trust'] : []),
    ...(process.env.RNNLINT_E2E_LOG ? ['--log', process.env.RNNLINT_E2E_LOG] : []),
    ...common,
    workspace,
  ];
  const logFile = path.join(base, 'code-server.log');
  const out = fs.openSync(logFile, 'w');
  // detached: its own process group (setsid), so stop() can kill the watcher children too.
  const proc = spawn(codeServer, args, { detached: true, stdio: ['ignore', out, out], env: { ...process.env, VSCODE_PROXY_URI: '' } });
  fs.closeSync(out);
  let exited = null;
  proc.on('exit', (code, signal) => (exited = { code, signal }));
  const logText = () => fs.readFileSync(logFile, 'utf8');

  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new Error(`code-server exited (${JSON.stringify(exited)}) before it was healthy:\n${logText()}`);
    try {
      const r = await fetch(`${url}healthz`);
      if (r.ok) break;
    } catch {}
    if (Date.now() > deadline) {
      killGroup(proc.pid);
      throw new Error(`code-server did not answer /healthz within 60 s:\n${logText()}`);
    }
    await sleep(200);
  }
  log(`code-server ${trusted ? 'trusted' : 'untrusted'} on ${url} (${workspace})`);

  return {
    url,
    port,
    pid: proc.pid,
    workspace,
    userDataDir,
    extensionsDir,
    logText,
    /** Path of the extension host's log folder files that mention rnnlint. */
    async stop() {
      killGroup(proc.pid);
      const until = Date.now() + 5000;
      while (!exited && Date.now() < until) await sleep(100);
      if (!exited) killGroup(proc.pid, 'SIGKILL');
      try {
        fs.rmSync(base, { recursive: true, force: true });
      } catch {}
    },
  };
}

function killGroup(pid, signal = 'SIGTERM') {
  try {
    process.kill(-pid, signal);
  } catch {}
}

/** Launches Debian's Chromium through playwright-core (`chromium`: its path, else ensureTools()'s). */
export async function launchBrowser({ chromium: executablePath } = {}) {
  let chromium;
  try {
    ({ chromium } = require('playwright-core'));
  } catch (e) {
    throw new Error(`playwright-core is not installed (npm ci): ${e.message}`);
  }
  return chromium.launch({
    executablePath: executablePath ?? ensureTools().chromium,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
}

/** Opens the workbench of a code-server in a new page; returns the page once the explorer shows. */
export async function openWorkbench(browser, server) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const consoleErrors = [];
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  page.consoleErrors = consoleErrors;
  await page.goto(server.url, { waitUntil: 'domcontentloaded' });
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await page.locator('.monaco-workbench .explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
  return page;
}

let shotCounter = 0;
/** Saves a screenshot of what the user sees to .e2e-artifacts/NN-name.png and returns its path. */
export async function screenshot(page, name) {
  fs.mkdirSync(artifactsDir, { recursive: true });
  const suite = path.basename(process.argv[1] || 'e2e').replace(/\.e2e\.mjs$|\.m?js$/, '');
  const file = path.join(artifactsDir, `${suite}-${String(++shotCounter).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

async function quickInput(page, keys, prefix, text, rowLabel, timeout = WAIT_MS) {
  const input = page.locator('.quick-input-widget input');
  // Escape whatever is open first (a previous quick input, a suggest widget).
  await page.keyboard.press('Escape');
  await page.keyboard.press(keys);
  await input.waitFor({ state: 'visible', timeout: WAIT_MS });
  await input.fill(prefix + text);
  const row = page.locator(`.quick-input-list .monaco-list-row[aria-label*="${cssString(rowLabel ?? text)}"]`).first();
  await row.waitFor({ state: 'visible', timeout });
  await row.click({ timeout });
}

function cssString(s) {
  return s.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
}

/** Runs a command from the command palette by its title ("Category: Title"). */
/**
 * Runs one step of a test; when it fails, saves a screenshot of `getPage()` (if a page is open)
 * and names it in the error, then rethrows.
 */
export async function step(getPage, name, fn) {
  try {
    return await fn();
  } catch (e) {
    const page = getPage();
    if (page) {
      const file = await screenshot(page, `FAILED-${name}`).catch(() => undefined);
      if (file) e.message += `\n(screenshot: ${file})`;
    }
    throw e;
  }
}

export async function runCommand(page, title) {
  const until = Date.now() + WAIT_MS;
  for (;;) {
    try {
      await quickInput(page, 'Control+Shift+P', '>', title, title, 5000);
      return;
    } catch (e) {
      if (Date.now() > until) throw new Error(`could not run "${title}" from the command palette: ${e.message}`);
      log(`retrying "${title}": ${e.message.split('\n')[0]}`);
      await page.keyboard.press('Escape');
      await sleep(500);
    }
  }
}

/** Opens a workspace file with quick open and waits for its tab and text. */
export async function openFile(page, name) {
  await quickInput(page, 'Control+P', '', name, name);
  await page.locator(`.tabs-container .tab.active[aria-label*="${cssString(name)}"]`).waitFor({ timeout: WAIT_MS });
  await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ timeout: WAIT_MS });
}

/** The active editor's text as rendered (one entry per visible line, non-breaking spaces normalised). */
export async function editorLines(page) {
  const lines = await page.locator('.editor-instance .monaco-editor .view-lines .view-line').evaluateAll((els) =>
    els
      .map((el) => ({ top: parseFloat(el.style.top || '0'), text: el.textContent || '' }))
      .sort((a, b) => a.top - b.top)
      .map((l) => l.text.replace(/\u00a0/g, ' ')),
  );
  return lines;
}

/**
 * After-line decorations (CSS ::after content, e.g. the probe's inline trace) in the active editor:
 * [{ line: text of the line, after: decoration text }].
 */
export async function afterDecorations(page) {
  return page.locator('.editor-instance .monaco-editor .view-lines').first().evaluate((root) => {
    const out = [];
    for (const line of root.querySelectorAll('.view-line')) {
      for (const el of line.querySelectorAll('span')) {
        const c = getComputedStyle(el, '::after').content;
        if (c && c !== 'none' && c !== 'normal' && c !== '""') {
          let text = c;
          try {
            text = JSON.parse(c);
          } catch {}
          out.push({ line: (line.textContent || '').replace(/\u00a0/g, ' '), after: String(text).replace(/\u00a0/g, ' ') });
        }
      }
    }
    return out;
  });
}

/** Rows of the Problems view as { label (aria-label), text (what is drawn) }. */
async function problemRows(page) {
  return page.locator('.markers-panel .monaco-list-row').evaluateAll((els) =>
    els.map((e) => ({ label: e.getAttribute('aria-label') || '', text: (e.textContent || '').replace(/\u00a0/g, ' ') })),
  );
}

/** Focuses the Problems view and returns its rows ({ label, text }). */
export async function problems(page) {
  await runCommand(page, 'Problems: Focus on Problems View');
  await page.locator('.markers-panel').waitFor({ timeout: WAIT_MS });
  return problemRows(page);
}

/** Waits until the Problems view's rows satisfy pred(rows); returns the rows. */
export async function waitForProblems(page, pred, what) {
  await runCommand(page, 'Problems: Focus on Problems View');
  await page.locator('.markers-panel').waitFor({ timeout: WAIT_MS });
  const until = Date.now() + WAIT_MS;
  let rows = [];
  for (;;) {
    rows = await problemRows(page);
    if (pred(rows)) return rows;
    if (Date.now() > until) throw new Error(`Problems view never showed ${what}; it shows:\n  ${rows.map((r) => r.text).join('\n  ') || '(nothing)'}`);
    await sleep(250);
  }
}

/** Number of error and warning squiggles in the visible editor. */
export async function squiggles(page) {
  const editor = page.locator('.editor-instance .monaco-editor').first();
  return {
    errors: await editor.locator('.squiggly-error').count(),
    warnings: await editor.locator('.squiggly-warning').count(),
    infos: await editor.locator('.squiggly-info').count(),
  };
}

/** Waits until the squiggle counts satisfy pred. */
export async function waitForSquiggles(page, pred, what) {
  const until = Date.now() + WAIT_MS;
  let s;
  for (;;) {
    s = await squiggles(page);
    if (pred(s)) return s;
    if (Date.now() > until) throw new Error(`the editor never showed ${what}; squiggles: ${JSON.stringify(s)}`);
    await sleep(250);
  }
}

/** Moves the cursor to a 1-based line and column with "Go to Line/Column" (Ctrl+G). */
export async function goTo(page, line, column = 1) {
  await page.keyboard.press('Escape');
  await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: WAIT_MS });
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden', timeout: WAIT_MS });
}

/**
 * Opens the quick fix menu (Ctrl+.) at the cursor and returns its items' labels. While other
 * providers (TypeScript) are still starting, VS Code may answer "No code actions available": like a
 * user, close that and press again until the menu shows or WAIT_MS passes.
 */
export async function openQuickFixMenu(page) {
  const menu = page.locator('.action-widget');
  const until = Date.now() + WAIT_MS;
  for (;;) {
    await page.keyboard.press('Control+.');
    try {
      await menu.waitFor({ state: 'visible', timeout: 3000 });
      break;
    } catch (e) {
      if (Date.now() > until) throw new Error('the quick fix menu (Ctrl+.) did not open: ' + e.message);
      await page.keyboard.press('Escape');
      await sleep(1000);
    }
  }
  const items = menu.locator('.monaco-list-row.action');
  await items.first().waitFor({ timeout: WAIT_MS });
  return items.evaluateAll((els) => els.map((e) => (e.getAttribute('aria-label') || e.textContent || '').trim()));
}

/**
 * Chooses an item of the open quick fix menu by its label with the keyboard (arrows, Enter), as the
 * menu's pointer block swallows synthetic clicks.
 */
export async function chooseQuickFix(page, label) {
  const menu = page.locator('.action-widget');
  const labels = await menu.locator('.monaco-list-row.action').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') || ''));
  if (!labels.some((l) => l.includes(label))) throw new Error(`the quick fix menu has no "${label}"; it lists:\n  ${labels.join('\n  ')}`);
  for (let i = 0; i <= labels.length + 2; i++) {
    const focused = (await menu.locator('.monaco-list-row.action.focused').getAttribute('aria-label').catch(() => '')) || '';
    if (focused.includes(label)) {
      await page.keyboard.press('Enter');
      await menu.waitFor({ state: 'hidden', timeout: WAIT_MS });
      return;
    }
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`could not focus "${label}" in the quick fix menu`);
}

/** Replaces the user settings.json of a running code-server (VS Code watches it and applies it). */
export function writeUserSettings(server, settings) {
  fs.writeFileSync(path.join(server.userDataDir, 'User', 'settings.json'), JSON.stringify({ ...BASE_SETTINGS, ...settings }, null, 2));
}

export { sleep };
