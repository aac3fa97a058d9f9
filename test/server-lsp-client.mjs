// A small LSP client for the server tests: spawns `node dist/server.js --stdio` (or --node-ipc) and
// talks real JSON-RPC to it with vscode-jsonrpc. It plays the editor: keeps the documents, answers
// workspace/configuration from a settings object, records what the server publishes, applies edits.
import { spawn, fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { before, after } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as path from 'node:path';

const require = createRequire(import.meta.url);
const rpc = require('vscode-jsonrpc/node');

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const serverJs = path.join(root, 'dist', 'server.js');

/** The tf prelude of the test documents. */
export const HEADER = `import * as tf from '@tensorflow/tfjs';
const W = tf.randomNormal([4, 8]);
const U = tf.randomNormal([8, 8]);
`;
/** A step that computes a new state and returns the old one: returns-input-state on line 6 (0-based), safe fix. */
export const RETURNS_INPUT = `${HEADER}
export function step(x: tf.Tensor, h: tf.Tensor) {
  const hNew = tf.tanh(tf.add(tf.matMul(x, W), tf.matMul(h, U)));
  return h;
}
`;

/**
 * A temporary project folder for a test file (a package.json, and a .git file that stops the
 * server's project-config walk there), made before its tests and removed after. `uri(name)` gives
 * a fresh file: URI in it.
 */
export function tempProject(prefix) {
  const project = {
    dir: '',
    count: 0,
    uri(name = 'cell.ts') {
      return pathToFileURL(path.join(project.dir, `${project.count++}-${name}`)).href;
    },
  };
  before(() => {
    project.dir = mkdtempSync(path.join(tmpdir(), prefix));
    writeFileSync(path.join(project.dir, 'package.json'), '{"name":"fixture"}\n');
    writeFileSync(path.join(project.dir, '.git'), '');
  });
  after(() => rmSync(project.dir, { recursive: true, force: true }));
  return project;
}

/** How long a test waits for something the server should send before it fails. */
const WAIT_MS = 240_000;

/** Offsets <-> LSP positions for a string (the LSP's line ends: \r\n, \n and \r). */
export function lineStarts(text) {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\r' && text[i + 1] === '\n') i++;
    if (text[i] === '\n' || text[i] === '\r') starts.push(i + 1);
  }
  return starts;
}
export function offsetAt(text, pos) {
  const starts = lineStarts(text);
  const line = Math.min(pos.line, starts.length - 1);
  return Math.min(starts[line] + pos.character, text.length);
}
export function positionAt(text, offset) {
  const starts = lineStarts(text);
  let line = 0;
  while (line + 1 < starts.length && starts[line + 1] <= offset) line++;
  return { line, character: offset - starts[line] };
}
/** The text a range covers. */
export function textOf(text, range) {
  return text.slice(offsetAt(text, range.start), offsetAt(text, range.end));
}
export function applyTextEdits(text, edits) {
  const sorted = edits
    .map((e) => ({ start: offsetAt(text, e.range.start), end: offsetAt(text, e.range.end), newText: e.newText }))
    .sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

/**
 * Starts a server. Options:
 *   pull: advertise pull diagnostics (textDocument.diagnostic) and refresh support
 *   configuration: answer workspace/configuration (default true)
 *   settings: the `rnnlint` section, or a function scopeUri -> section (replace via configChanged)
 *   transport: 'stdio' (default) or 'ipc'
 *   documentChanges, showDocument: client capabilities (default true)
 *   env: extra environment variables for the server process
 *   tap: (stdio) called with every message the server sends, as parsed from its stdout
 */
export async function startServer(opts = {}) {
  const transport = opts.transport ?? 'stdio';
  let proc, reader, writer;
  const stderr = [];
  if (transport === 'ipc') {
    proc = fork(serverJs, ['--node-ipc'], { stdio: ['ignore', 'pipe', 'pipe', 'ipc'], env: { ...process.env, ...opts.env } });
    reader = new rpc.IPCMessageReader(proc);
    writer = new rpc.IPCMessageWriter(proc);
    proc.stdout.on('data', (d) => stderr.push(String(d)));
  } else {
    proc = spawn(process.execPath, [serverJs, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...opts.env } });
    reader = new rpc.StreamMessageReader(proc.stdout);
    writer = new rpc.StreamMessageWriter(proc.stdin);
    // opts.tap(message): every message the server writes, responses to raw requests included.
    if (opts.tap) new rpc.StreamMessageReader(proc.stdout).listen(opts.tap);
  }
  proc.stderr.on('data', (d) => stderr.push(String(d)));
  let exited = null;
  const exitListeners = [];
  proc.on('exit', (code, signal) => {
    exited = { code, signal };
    for (const l of exitListeners.splice(0)) l(exited);
  });

  const conn = rpc.createMessageConnection(reader, writer);
  const client = {
    proc,
    conn,
    stderr,
    settings: opts.settings ?? {},
    /** uri -> { text, version, languageId } */
    docs: new Map(),
    /** Every publishDiagnostics, in order. */
    published: [],
    statuses: [],
    logs: [],
    showDocument: [],
    refreshes: 0,
    configurationRequests: 0,
    listeners: new Set(),
  };
  const notify = () => {
    for (const l of [...client.listeners]) l();
  };
  conn.onNotification('textDocument/publishDiagnostics', (p) => {
    client.published.push(p);
    notify();
  });
  conn.onNotification('rnnlint/status', (p) => {
    client.statuses.push(p);
    notify();
  });
  conn.onNotification('window/logMessage', (p) => {
    client.logs.push(p);
    notify();
  });
  conn.onNotification('window/showMessage', (p) => {
    client.logs.push(p);
    notify();
  });
  conn.onRequest('workspace/configuration', (params) => {
    client.configurationRequests++;
    const settingsFor = (scopeUri) => (typeof client.settings === 'function' ? client.settings(scopeUri) : client.settings);
    return params.items.map((item) => (item.section === 'rnnlint' ? settingsFor(item.scopeUri) : null));
  });
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('window/showDocument', (p) => {
    client.showDocument.push(p);
    notify();
    return { success: true };
  });
  conn.onRequest('workspace/diagnostic/refresh', () => {
    client.refreshes++;
    notify();
    return null;
  });
  conn.listen();

  const capabilities = {
    workspace: {
      configuration: opts.configuration ?? true,
      didChangeConfiguration: { dynamicRegistration: true },
      didChangeWatchedFiles: { dynamicRegistration: true },
      workspaceEdit: { documentChanges: opts.documentChanges ?? true },
      diagnostics: opts.pull ? { refreshSupport: true } : undefined,
    },
    textDocument: {
      synchronization: { didSave: true, dynamicRegistration: false },
      publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
      codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } }, isPreferredSupport: true, dataSupport: true },
      diagnostic: opts.pull ? { dynamicRegistration: false, relatedDocumentSupport: false } : undefined,
    },
    window: { showDocument: { support: opts.showDocument ?? true } },
  };
  client.initializeResult = await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: opts.rootUri ?? null,
    capabilities,
    initializationOptions: opts.initializationOptions,
  });
  conn.sendNotification('initialized', {});

  /** Resolves with the first value `probe()` returns that is not undefined, re-checked on every message. */
  client.until = (probe, what = 'a server message') =>
    new Promise((resolve, reject) => {
      const check = () => {
        let v;
        try {
          v = probe();
        } catch (e) {
          cleanup();
          reject(e);
          return;
        }
        if (v !== undefined) {
          cleanup();
          resolve(v);
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`timed out waiting for ${what}; server stderr: ${stderr.join('').slice(-2000)}; logs: ${JSON.stringify(client.logs.slice(-5))}`));
      }, WAIT_MS);
      const onExit = (e) => {
        cleanup();
        reject(new Error(`server exited (${JSON.stringify(e)}) while waiting for ${what}: ${stderr.join('').slice(-2000)}`));
      };
      const cleanup = () => {
        clearTimeout(timer);
        client.listeners.delete(check);
        const i = exitListeners.indexOf(onExit);
        if (i >= 0) exitListeners.splice(i, 1);
      };
      client.listeners.add(check);
      if (exited) onExit(exited);
      else exitListeners.push(onExit);
      check();
    });

  /** The diagnostics published for `uri` at its current version (waits for them). */
  client.diagnosticsFor = (uri, version = client.docs.get(uri)?.version) =>
    client.until(() => {
      for (let i = client.published.length - 1; i >= 0; i--) {
        const p = client.published[i];
        if (p.uri === uri && (version === undefined || p.version === version)) return p.diagnostics;
      }
      return undefined;
    }, `diagnostics for ${uri} v${version}`);

  client.statusFor = (uri, version = client.docs.get(uri)?.version) =>
    client.until(() => {
      for (let i = client.statuses.length - 1; i >= 0; i--) {
        const p = client.statuses[i];
        if (p.uri === uri && p.version === version) return p;
      }
      return undefined;
    }, `status for ${uri} v${version}`);

  client.open = (uri, text, languageId = 'typescript') => {
    client.docs.set(uri, { text, version: 1, languageId });
    conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return 1;
  };
  /** Replaces the whole text (a full-content change) and returns the new version. */
  client.change = (uri, text) => {
    const d = client.docs.get(uri);
    d.text = text;
    d.version++;
    conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: d.version }, contentChanges: [{ text }] });
    return d.version;
  };
  client.save = (uri) => conn.sendNotification('textDocument/didSave', { textDocument: { uri } });
  client.close = (uri) => {
    client.docs.delete(uri);
    conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  };
  client.textOf = (uri) => client.docs.get(uri).text;

  client.codeActions = (uri, range, diagnostics, only) =>
    conn.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range,
      context: { diagnostics, only, triggerKind: 1 },
    });

  /** Applies a WorkspaceEdit to the client's documents (as the editor would) and sends the change. */
  client.applyEdit = (edit) => {
    const changes = [];
    if (edit.documentChanges) {
      for (const dc of edit.documentChanges) {
        const d = client.docs.get(dc.textDocument.uri);
        if (dc.textDocument.version !== null && dc.textDocument.version !== d.version) {
          throw new Error(`edit for version ${dc.textDocument.version} but the document is at ${d.version}`);
        }
        changes.push([dc.textDocument.uri, dc.edits]);
      }
    }
    for (const [uri, edits] of Object.entries(edit.changes ?? {})) changes.push([uri, edits]);
    for (const [uri, edits] of changes) client.change(uri, applyTextEdits(client.docs.get(uri).text, edits));
  };

  client.pull = (uri, previousResultId) =>
    conn.sendRequest('textDocument/diagnostic', { textDocument: { uri }, previousResultId });

  client.configChanged = (settings) => {
    if (settings !== undefined) client.settings = settings;
    conn.sendNotification('workspace/didChangeConfiguration', { settings: opts.configuration === false ? { rnnlint: client.settings } : null });
  };

  /** Forget what was received so far, so that waits only see what comes next. */
  client.forgetMessages = () => {
    client.published.length = 0;
    client.statuses.length = 0;
  };

  client.alive = () => exited === null;

  client.stop = async () => {
    if (exited) return;
    try {
      await Promise.race([conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 5000))]);
      conn.sendNotification('exit');
    } catch {
      /* already gone */
    }
    await Promise.race([new Promise((r) => (exited ? r() : exitListeners.push(r))), new Promise((r) => setTimeout(r, 5000))]);
    if (!exited) proc.kill('SIGKILL');
    conn.dispose();
  };
  return client;
}

/** Diagnostics of one rule. */
export const ofRule = (diagnostics, ruleId) => diagnostics.filter((d) => d.code === ruleId);
