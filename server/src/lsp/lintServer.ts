// The lint side of the language server: document events -> engine -> diagnostics, code actions,
// settings. Handlers stay thin: find the document, resolve its settings, call lintText (inline, or
// in the background worker for big texts), convert with convert.ts. Every handler is guarded so one
// bad document produces a logged error and no diagnostics, never a dead server.
import { existsSync, promises as fs, readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  CancellationToken,
  CodeAction,
  CodeActionKind,
  CodeActionParams,
  Connection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticParams,
  DocumentDiagnosticReport,
  DocumentDiagnosticReportKind,
  InitializeParams,
  InitializeResult,
  LSPErrorCodes,
  ResponseError,
  TextDocumentSyncKind,
  TextDocuments,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lintText, mightBeRecurrent } from '../lint';
import { ReparseCache } from '../analysis/parse';
import type { LintResult } from '../report';
import {
  FIX_ALL_KIND,
  SHOW_DOCUMENTATION_COMMAND,
  VersionedMessages,
  bundledDocPath,
  fixAllAction,
  quickFixes,
  toDiagnostics,
  wants,
} from './convert';
import {
  LINT_FILES_REQUEST,
  LintFilesParams,
  LintFilesResult,
  STATUS_NOTIFICATION,
  StatusParams,
} from './protocol';
import { Reason, Scheduler } from './scheduler';
import { Settings, SettingsResolver, errorText } from './settings';
import { engineFileName, pathToUri, uriToPath } from './uri';
import { BackgroundLinter } from './worker';
import { requestCodeCacheCheckpoint } from '../cli/code-cache';

/** Typing pauses shorter than this do not start an analysis. */
const DEBOUNCE_MS = 200;
// Operational limits, overridable from the environment of the server process.
/** Texts longer than this (UTF-16 code units) are analysed in the worker thread. */
const BACKGROUND_THRESHOLD = envInt('RNNLINT_BACKGROUND_THRESHOLD', 256 * 1024);
/** A background analysis running longer than this is stopped. */
const ANALYSIS_TIMEOUT_MS = envInt('RNNLINT_ANALYSIS_TIMEOUT_MS', 120_000);
/** Heap limit of the background worker: a document that needs more fails alone. */
const WORKER_HEAP_MB = envInt('RNNLINT_WORKER_HEAP_MB', 4096);
const CONFIG_GLOB = '**/{rnnlint.config.json,package.json}';
/** After the first lint, the V8 code cache is written this much later (cli/code-cache.ts). */
const CODE_CACHE_CHECKPOINT_DELAY_MS = envInt('RNNLINT_CODE_CACHE_CHECKPOINT_MS', 2000);

type Analysis =
  | { state: 'ok'; result: LintResult }
  | { state: 'disabled' | 'notValidated' | 'tooLarge' | 'error'; message: string }
  | { state: 'superseded' };

interface ClientCaps {
  pullDiagnostics: boolean;
  configuration: boolean;
  documentChanges: boolean;
  diagnosticRefresh: boolean;
  watchedFilesDynamic: boolean;
  configurationDynamic: boolean;
  showDocument: boolean;
}

const LANGUAGE_BY_EXT: Record<string, string> = {
  '.ts': 'typescript',
  '.mts': 'typescript',
  '.cts': 'typescript',
  '.tsx': 'typescriptreact',
  '.js': 'javascript',
  '.mjs': 'javascript',
  '.cjs': 'javascript',
  '.jsx': 'javascriptreact',
};

export function registerLintServer(connection: Connection, documents: TextDocuments<TextDocument>): void {
  let caps: ClientCaps = {
    pullDiagnostics: false,
    configuration: false,
    documentChanges: false,
    diagnosticRefresh: false,
    watchedFilesDynamic: false,
    configurationDynamic: false,
    showDocument: false,
  };
  let settings!: SettingsResolver;
  const log = {
    info: (m: string) => connection.console.info(m),
    error: (m: string) => connection.console.error(m),
  };
  // The worker starts from the loader (dist/server.js) when there is one, to use its code cache.
  const loader = path.join(__dirname, 'server.js');
  const workerScript = existsSync(loader) ? loader : __filename;
  const background = new BackgroundLinter(workerScript, (m) => log.info(`[worker] ${m}`), {
    timeoutMs: ANALYSIS_TIMEOUT_MS,
    idleMs: 60_000,
    maxOldGenerationSizeMb: WORKER_HEAP_MB,
  });
  /** Last result per open document version: what fix-all uses instead of re-analysing. */
  const results = new Map<string, VersionedMessages & { resultId: string }>();
  /** Closed files that got diagnostics from "Lint Workspace". */
  const pushedClosed = new Set<string>();
  const tooLargeWarned = new Set<string>();
  /**
   * The trees of the documents edited last, reparsed incrementally on the next change. Only edited
   * documents keep one: keeping the tree of every document opened would keep it alive long enough
   * to be promoted to the old generation (+90 MB of RSS with 200 files opened, until a full GC).
   */
  const reparses = new ReparseCache(2);
  /** The version each open document had when it was opened: a later one means it is being edited. */
  const openedVersion = new Map<string, number>();

  // Last line of defence: a bug anywhere must not end the process (the client would restart it,
  // but every open document would lose its diagnostics meanwhile).
  process.on('uncaughtException', (e) => log.error(`rnnlint: uncaught exception: ${errorText(e)}`));
  process.on('unhandledRejection', (e) => log.error(`rnnlint: unhandled rejection: ${errorText(e)}`));

  const scheduler = new Scheduler((uri, reason, generation) => {
    validatePush(uri, reason, generation).catch((e) => log.error(`rnnlint: ${uri}: ${errorText(e)}`));
  });

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const c = params.capabilities;
    caps = {
      pullDiagnostics: !!c.textDocument?.diagnostic,
      configuration: !!c.workspace?.configuration,
      documentChanges: !!c.workspace?.workspaceEdit?.documentChanges,
      diagnosticRefresh: !!c.workspace?.diagnostics?.refreshSupport,
      watchedFilesDynamic: !!c.workspace?.didChangeWatchedFiles?.dynamicRegistration,
      configurationDynamic: !!c.workspace?.didChangeConfiguration?.dynamicRegistration,
      showDocument: !!c.window?.showDocument?.support,
    };
    settings = new SettingsResolver(connection, caps.configuration, params.initializationOptions);
    const result: InitializeResult = {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
      },
      serverInfo: { name: 'rnnlint', version: packageVersion() },
    };
    // A client that implements a command itself (VS Code opens rule docs in a Markdown preview) says
    // so in initializationOptions.clientCommands; the server handles the rest via window/showDocument.
    const clientCommands = (params.initializationOptions as { clientCommands?: unknown } | undefined)?.clientCommands;
    const serverCommands = [SHOW_DOCUMENTATION_COMMAND].filter((c) => !(Array.isArray(clientCommands) && clientCommands.includes(c)));
    if (serverCommands.length > 0) result.capabilities.executeCommandProvider = { commands: serverCommands };
    if (caps.pullDiagnostics) {
      result.capabilities.diagnosticProvider = { identifier: 'rnnlint', interFileDependencies: false, workspaceDiagnostics: false };
    }
    return result;
  });

  connection.onInitialized(() => {
    if (caps.configurationDynamic) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'rnnlint' });
    }
    if (caps.watchedFilesDynamic) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: CONFIG_GLOB }] });
    }
    log.info(`rnnlint: server ready (${caps.pullDiagnostics ? 'pull' : 'push'} diagnostics, pid ${process.pid})`);
  });

  connection.onShutdown(() => {
    scheduler.dispose();
    background.dispose();
  });

  connection.onDidChangeConfiguration((params) => {
    settings.configurationChanged(params.settings);
    relintAll();
  });

  connection.onDidChangeWatchedFiles((params) => {
    if (params.changes.some((c) => /(^|[\\/])(rnnlint\.config\.json|package\.json)$/.test(c.uri))) {
      settings.projectConfigChanged();
      relintAll();
    }
  });

  function relintAll(): void {
    results.clear();
    if (caps.pullDiagnostics) {
      if (caps.diagnosticRefresh) void connection.languages.diagnostics.refresh();
      return;
    }
    for (const doc of documents.all()) scheduler.schedule(doc.uri, doc.version, 'config', 0);
  }

  // ---- document events (push mode) ----------------------------------------------------------------

  documents.onDidOpen(({ document }) => {
    openedVersion.set(document.uri, document.version);
    if (caps.pullDiagnostics) {
      // Diagnostics from "Lint Workspace" went to the push collection; the pull ones replace them now.
      if (pushedClosed.delete(document.uri)) connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
      return;
    }
    scheduler.schedule(document.uri, document.version, 'open', 0);
  });

  documents.onDidChangeContent(({ document }) => {
    if (caps.pullDiagnostics) return;
    scheduler.schedule(document.uri, document.version, 'change', DEBOUNCE_MS);
  });

  documents.onDidSave(({ document }) => {
    if (caps.pullDiagnostics) return;
    scheduler.schedule(document.uri, document.version, 'save', 0);
  });

  documents.onDidClose(({ document }) => {
    scheduler.forget(document.uri);
    results.delete(document.uri);
    settings.forget(document.uri);
    tooLargeWarned.delete(document.uri);
    reparses.delete(document.uri);
    openedVersion.delete(document.uri);
    if (!caps.pullDiagnostics) connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
    sendStatus({ ...emptyStatus(document.uri, null), state: 'closed' });
  });

  async function validatePush(uri: string, reason: Reason, generation: number): Promise<void> {
    const doc = documents.get(uri);
    if (!doc) return;
    const version = doc.version;
    const s = await settings.get(uri);
    if (reason === 'change' && s.run === 'onSave') return;
    if (!scheduler.isCurrent(uri, generation) || documents.get(uri)?.version !== version) return;
    const a = await analyse(doc.uri, doc.languageId, doc.getText(), s, version);
    // Newest wins: a newer request or edit supersedes this run; its result is never published.
    const now = documents.get(uri);
    if (a.state === 'superseded' || !scheduler.isCurrent(uri, generation) || !now || now.version !== version) return;
    const diagnostics = a.state === 'ok' ? toDiagnostics(a.result.messages, now) : [];
    remember(now, a);
    // Status first: a client that sees the diagnostics has the status for them too.
    sendStatus(statusOf(uri, version, a, diagnostics.length));
    connection.sendDiagnostics({ uri, version, diagnostics });
  }

  // ---- pull diagnostics ---------------------------------------------------------------------------

  connection.languages.diagnostics.on(async (params: DocumentDiagnosticParams, token: CancellationToken): Promise<DocumentDiagnosticReport> => {
    const uri = params.textDocument.uri;
    const doc = documents.get(uri);
    if (!doc) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    const version = doc.version;
    const s = await settings.get(uri);
    const resultId = `${version}:${settings.epoch}`;
    const cached = results.get(uri);
    if (params.previousResultId === resultId && cached?.resultId === resultId) {
      return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
    }
    const a = await guarded(() => analyse(uri, doc.languageId, doc.getText(), s, version));
    const now = documents.get(uri);
    if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
    if (a.state === 'superseded' || !now || now.version !== version) {
      throw new ResponseError(LSPErrorCodes.ServerCancelled, 'the document changed during analysis', { retriggerRequest: true });
    }
    const items = a.state === 'ok' ? toDiagnostics(a.result.messages, now) : [];
    remember(now, a, resultId);
    sendStatus(statusOf(uri, version, a, items.length));
    return { kind: DocumentDiagnosticReportKind.Full, resultId, items };
  });

  // ---- code actions -------------------------------------------------------------------------------

  connection.onCodeAction(async (params: CodeActionParams): Promise<CodeAction[]> => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    try {
      const only = params.context.only;
      const opts = { documentChanges: caps.documentChanges };
      const out: CodeAction[] = [];
      if (wants(only, CodeActionKind.QuickFix)) {
        out.push(...quickFixes(doc, params.context.diagnostics, results.get(doc.uri), opts));
      }
      // Source actions only when asked for (editor.codeActionsOnSave, "Source Action..." menu).
      if (only && only.length > 0 && wants(only, FIX_ALL_KIND)) {
        const current = await currentResult(doc);
        const a = current && fixAllAction(doc, current, opts);
        if (a) out.push(a);
      }
      return out;
    } catch (e) {
      log.error(`rnnlint: code actions for ${doc.uri} failed: ${errorText(e)}`);
      return [];
    }
  });

  /** The last result when it is for this version, else a fresh analysis (fix-all on save after typing). */
  async function currentResult(doc: TextDocument): Promise<VersionedMessages | undefined> {
    const cached = results.get(doc.uri);
    if (cached && cached.version === doc.version) return cached;
    const version = doc.version;
    const s = await settings.get(doc.uri);
    const a = await analyse(doc.uri, doc.languageId, doc.getText(), s);
    const now = documents.get(doc.uri);
    if (a.state !== 'ok' || !now || now.version !== version) return undefined;
    remember(now, a);
    return { version, messages: a.result.messages };
  }

  connection.onExecuteCommand(async (params) => {
    if (params.command !== SHOW_DOCUMENTATION_COMMAND) return null;
    const [ruleId, docsUrl] = (params.arguments ?? []) as [unknown, unknown];
    if (typeof ruleId !== 'string' || !/^[a-z0-9-]+$/.test(ruleId)) return null;
    const file = bundledDocPath(ruleId);
    const exists = await fs.stat(file).then(() => true, () => false);
    const target = exists ? pathToUri(file) : typeof docsUrl === 'string' ? docsUrl : undefined;
    if (!target) {
      void connection.window.showWarningMessage(`RNNLint: no documentation found for ${ruleId}.`);
    } else if (caps.showDocument) {
      await connection.window.showDocument({ uri: target, external: !exists, takeFocus: true });
    } else {
      log.info(`Documentation for ${ruleId}: ${target}`);
    }
    return null;
  });

  // ---- lint files that are not open ---------------------------------------------------------------

  connection.onRequest(LINT_FILES_REQUEST, async (params: LintFilesParams, token: CancellationToken): Promise<LintFilesResult> => {
    const out: LintFilesResult = { files: 0, problems: 0, filesWithProblems: 0, failed: 0, skipped: 0 };
    for (const uri of params.uris ?? []) {
      if (token.isCancellationRequested) break;
      // Let other requests (typing in an open editor) in between files.
      await new Promise((r) => setImmediate(r));
      if (documents.get(uri)) {
        out.skipped++;
        continue;
      }
      const file = uriToPath(uri);
      const languageId = LANGUAGE_BY_EXT[path.extname(file ?? '').toLowerCase()];
      if (!file || !languageId) {
        out.skipped++;
        continue;
      }
      let text: string;
      try {
        text = await fs.readFile(file, 'utf8');
      } catch (e) {
        log.error(`rnnlint: cannot read ${file}: ${errorText(e)}`);
        out.failed++;
        continue;
      }
      const s = await settings.get(uri);
      const a = await analyse(uri, languageId, text, s);
      if (documents.get(uri)) continue; // opened meanwhile: the editor's own analysis wins
      if (a.state === 'error') out.failed++;
      if (a.state !== 'ok') {
        if (a.state !== 'error') out.skipped++;
        if (pushedClosed.delete(uri)) connection.sendDiagnostics({ uri, diagnostics: [] });
        continue;
      }
      const snapshot = TextDocument.create(uri, languageId, 0, text);
      const diagnostics = toDiagnostics(a.result.messages, snapshot);
      out.files++;
      out.problems += diagnostics.length;
      if (diagnostics.length > 0) out.filesWithProblems++;
      if (diagnostics.length > 0 || pushedClosed.has(uri)) {
        connection.sendDiagnostics({ uri, diagnostics });
        if (diagnostics.length > 0) pushedClosed.add(uri);
        else pushedClosed.delete(uri);
      }
    }
    return out;
  });

  // ---- the engine call ----------------------------------------------------------------------------

  /** `version`: an open document's version, for the "analysing" status of a background run. */
  async function analyse(uri: string, languageId: string, text: string, s: Settings, version?: number): Promise<Analysis> {
    if (!s.enable) return { state: 'disabled', message: 'RNNLint is disabled (rnnlint.enable) for this file.' };
    if (!s.validate.includes(languageId)) {
      return { state: 'notValidated', message: `"${languageId}" is not in rnnlint.validate.` };
    }
    const fileName = engineFileName(uri, languageId);
    if (text.length > s.maxFileSize) {
      const message = `${path.basename(fileName)} is not analysed: ${mb(text.length)} is over rnnlint.maxFileSize (${mb(s.maxFileSize)}).`;
      if (!tooLargeWarned.has(uri)) {
        tooLargeWarned.add(uri);
        log.info(`rnnlint: ${message}`);
      }
      return { state: 'tooLarge', message };
    }
    const options = { rules: settings.effectiveRules(uri, s) };
    try {
      // Big files go to the worker, unless the engine's bail-out check (one regex scan) says the
      // file has nothing recurrent: then the inline call costs no more than that scan.
      const inBackground = text.length > BACKGROUND_THRESHOLD && mightBeRecurrent(text);
      if (inBackground && version !== undefined) {
        sendStatus({ ...emptyStatus(uri, version), state: 'analysing', message: `Analysing ${mb(text.length)} in the background.` });
      }
      const edited = version !== undefined && openedVersion.has(uri) && openedVersion.get(uri) !== version;
      const reparse = edited ? { cache: reparses, key: uri } : undefined;
      const result = inBackground ? await background.lint(uri, text, fileName, options) : lintText(text, fileName, options, reparse);
      if (!result) return { state: 'superseded' };
      // The engine is compiled now: have the loader write the code cache soon (not only at exit).
      if (!inBackground) requestCodeCacheCheckpoint(CODE_CACHE_CHECKPOINT_DELAY_MS);
      // A rule that crashed shows up as a notice without a rule id: not a diagnostic, but logged.
      for (const m of result.messages) {
        if (!m.ruleId && m.message.startsWith('Internal error')) log.error(`rnnlint: ${fileName}:${m.line}: ${m.message}`);
      }
      return { state: 'ok', result };
    } catch (e) {
      log.error(`rnnlint: analysis of ${fileName} failed; no diagnostics for it.\n${errorText(e)}`);
      return { state: 'error', message: `Analysis failed: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}` };
    }
  }

  async function guarded(f: () => Promise<Analysis>): Promise<Analysis> {
    try {
      return await f();
    } catch (e) {
      log.error(`rnnlint: ${errorText(e)}`);
      return { state: 'error', message: String(e) };
    }
  }

  function remember(doc: TextDocument, a: Analysis, resultId = `${doc.version}:${settings.epoch}`): void {
    if (a.state === 'ok') results.set(doc.uri, { version: doc.version, messages: a.result.messages, resultId });
    else results.set(doc.uri, { version: doc.version, messages: [], resultId });
  }

  function emptyStatus(uri: string, version: number | null): StatusParams {
    return { uri, version, state: 'ok', cells: 0, loops: 0, problems: 0, errors: 0, warnings: 0, timeMs: 0, skipped: false, at: Date.now() };
  }

  function statusOf(uri: string, version: number, a: Analysis, problems: number): StatusParams {
    const st = emptyStatus(uri, version);
    if (a.state === 'ok') {
      const r = a.result;
      return {
        ...st,
        cells: r.stats.cells,
        loops: r.stats.loops,
        problems,
        errors: r.messages.filter((m) => m.ruleId && m.severity === 2).length,
        warnings: r.messages.filter((m) => m.ruleId && m.severity === 1).length,
        timeMs: r.stats.timeMs,
        skipped: r.stats.skipped,
      };
    }
    if (a.state === 'superseded') return st;
    return { ...st, state: a.state, message: a.message };
  }

  function sendStatus(p: StatusParams): void {
    void connection.sendNotification(STATUS_NOTIFICATION, p);
  }
}

/** The version in the package.json next to dist/ (the extension's or the npm package's). */
function packageVersion(): string | undefined {
  try {
    const pkg = JSON.parse(readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')) as { version?: string };
    return pkg.version;
  } catch {
    return undefined;
  }
}

function envInt(name: string, fallback: number): number {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v >= 0 && process.env[name] !== '' && process.env[name] !== undefined ? v : fallback;
}

function mb(chars: number): string {
  return `${(chars / 1_000_000).toFixed(1)} MB`;
}
