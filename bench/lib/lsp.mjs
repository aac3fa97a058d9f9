// A minimal LSP client over stdio (Content-Length framed JSON-RPC), enough to drive
// `node dist/server.js --stdio` the way an editor does: initialize, open, change, wait for
// publishDiagnostics. It answers the server's own requests (configuration, registrations) so
// the server never waits on us.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const ROOT = path.resolve(new URL('../..', import.meta.url).pathname);
export const SERVER = path.join(ROOT, 'dist', 'server.js');

/** The debounce the server waits after a didChange, read from its source (server/src/lsp). */
export function serverDebounceMs() {
  try {
    const src = readFileSync(path.join(ROOT, 'server', 'src', 'lsp', 'lintServer.ts'), 'utf8');
    const m = /const\s+DEBOUNCE_MS\s*=\s*(\d+)/.exec(src);
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** The node flags the VS Code client starts the server with (server/src/lsp/server-flags.ts). */
export function serverNodeFlags() {
  const src = readFileSync(path.join(ROOT, 'server', 'src', 'lsp', 'server-flags.ts'), 'utf8');
  const m = /SERVER_NODE_FLAGS[^=]*=\s*\[([^\]]*)\]/.exec(src);
  if (!m) throw new Error('could not read SERVER_NODE_FLAGS from server/src/lsp/server-flags.ts');
  return [...m[1].matchAll(/'([^']*)'/g)].map((x) => x[1]);
}

export class LspClient {
  /**
   * nodeArgs: flags for the server's node: those the VS Code client uses, unless
   * RNNLINT_BENCH_SERVER_FLAGS (space-separated; may be empty) says otherwise.
   */
  constructor({ args = ['--stdio'], env, server = SERVER, nodeArgs = process.env.RNNLINT_BENCH_SERVER_FLAGS !== undefined ? process.env.RNNLINT_BENCH_SERVER_FLAGS.split(' ').filter(Boolean) : serverNodeFlags() } = {}) {
    this.spawnedAt = performance.now();
    this.proc = spawn(process.execPath, [...nodeArgs, server, ...args], { stdio: ['pipe', 'pipe', 'pipe'], env: env ?? process.env });
    this.nextId = 1;
    this.pending = new Map();
    this.listeners = new Set();
    this.buffer = Buffer.alloc(0);
    this.stderr = '';
    this.exited = new Promise((resolve) => this.proc.on('exit', (code, signal) => resolve({ code, signal })));
    this.proc.stdout.on('data', (chunk) => this.onData(chunk));
    this.proc.stderr.on('data', (d) => { this.stderr += d; });
  }

  get pid() {
    return this.proc.pid;
  }

  onData(chunk) {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const m = /Content-Length:\s*(\d+)/i.exec(header);
      if (!m) throw new Error(`bad LSP header: ${header}`);
      const len = Number(m[1]);
      if (this.buffer.length < headerEnd + 4 + len) return;
      const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + len).toString('utf8');
      this.buffer = this.buffer.subarray(headerEnd + 4 + len);
      this.onMessage(JSON.parse(body), performance.now());
    }
  }

  onMessage(msg, at) {
    if (msg.id !== undefined && msg.method === undefined) {
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      if (msg.error) p.reject(new Error(`${msg.error.code}: ${msg.error.message}`));
      else p.resolve(msg.result);
      return;
    }
    if (msg.id !== undefined) {
      // A request from the server.
      let result = null;
      if (msg.method === 'workspace/configuration') result = (msg.params.items ?? []).map(() => this.settings ?? {});
      this.write({ jsonrpc: '2.0', id: msg.id, result });
      return;
    }
    for (const l of [...this.listeners]) l(msg, at);
  }

  write(msg) {
    const body = Buffer.from(JSON.stringify(msg), 'utf8');
    this.proc.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.proc.stdin.write(body);
  }

  request(method, params) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.write({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method, params) {
    this.write({ jsonrpc: '2.0', method, params });
  }

  /** Resolves with [message, arrival time] for the first notification matching `pred`. */
  waitFor(pred, timeoutMs = 60_000) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.listeners.delete(l);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for a server notification\n${this.stderr.slice(-2000)}`));
      }, timeoutMs);
      const l = (msg, at) => {
        if (!pred(msg)) return;
        clearTimeout(timer);
        this.listeners.delete(l);
        resolve([msg, at]);
      };
      this.listeners.add(l);
    });
  }

  waitForDiagnostics(uri, version, timeoutMs) {
    return this.waitFor(
      (m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && (version === undefined || m.params.version === version),
      timeoutMs,
    );
  }

  async initialize(settings = {}) {
    this.settings = settings;
    const result = await this.request('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(ROOT).href,
      workspaceFolders: null,
      // Push diagnostics (no textDocument.diagnostic): the path every LSP client takes.
      capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
      initializationOptions: { settings },
    });
    this.notify('initialized', {});
    return result;
  }

  open(uri, text, version = 1, languageId = 'typescript') {
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  async shutdown() {
    try {
      await Promise.race([this.request('shutdown', null), new Promise((r) => setTimeout(r, 2000))]);
      this.notify('exit', null);
    } catch {
      /* already gone */
    }
    const t = setTimeout(() => this.proc.kill('SIGKILL'), 3000);
    await this.exited;
    clearTimeout(t);
  }
}

/** VmRSS / VmHWM of a process in MB, from /proc (Linux only). */
export function processMemoryMb(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key) => Number(new RegExp(`^${key}:\\s*(\\d+)\\s*kB`, 'm').exec(status)?.[1]);
    return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
  } catch {
    return undefined;
  }
}
