// Starts the RNNLint language server (dist/server.js over IPC), keeps it running (restarts after a
// crash, up to a limit), and registers the lint commands and the language status item.
import * as vscode from 'vscode';
import {
  CloseAction,
  CloseHandlerResult,
  DiagnosticPullMode,
  ErrorAction,
  ErrorHandlerResult,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  State,
  TransportKind,
} from 'vscode-languageclient/node';
import { STATUS_NOTIFICATION, StatusParams } from '../../server/src/lsp/protocol';
import { SHOW_DOCUMENTATION_COMMAND, documentationLink, showDocumentation } from './docs';
import { lintWorkspace } from './lintWorkspace';
import { documentSelector, runMode } from './settings';
import { SERVER_NODE_FLAGS } from '../../server/src/lsp/server-flags';
import { StatusItem } from './status';

/** Automatic restarts allowed within RESTART_WINDOW_MS before giving up. */
const MAX_RESTARTS = 4;
const RESTART_WINDOW_MS = 3 * 60_000;

let client: LanguageClient | undefined;
/** The output channel and the first server start (true once the server answered `initialize`). */
let firstStart: { output: vscode.LogOutputChannel; ready: Promise<boolean> } | undefined;

/** Rewrites each RNNLint diagnostic's code link so it opens the bundled doc in VS Code. */
function withDocLinks(diagnostics: vscode.Diagnostic[]): vscode.Diagnostic[] {
  for (const d of diagnostics) {
    if (d.source !== 'rnnlint') continue;
    const id = typeof d.code === 'object' ? d.code.value : d.code;
    if (typeof id === 'string') d.code = { value: id, target: documentationLink(id) };
  }
  return diagnostics;
}

export function startRnnlint(context: vscode.ExtensionContext): LanguageClient {
  const output = vscode.window.createOutputChannel('RNNLint', { log: true });
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS] } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6019'] } },
  };
  const status = new StatusItem(documentSelector());
  const restarts: number[] = [];

  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(),
    outputChannel: output,
    initializationOptions: { clientCommands: [SHOW_DOCUMENTATION_COMMAND] },
    diagnosticPullOptions: {
      onChange: true,
      onSave: true,
      // rnnlint.run = onSave: no analysis while typing.
      filter: (doc, mode) => mode === DiagnosticPullMode.onType && runMode(doc) === 'onSave',
    },
    middleware: {
      handleDiagnostics: (uri, diagnostics, next) => next(uri, withDocLinks(diagnostics)),
      provideDiagnostics: async (doc, previousResultId, token, next) => {
        const report = await next(doc, previousResultId, token);
        if (report && 'items' in report) withDocLinks(report.items);
        return report;
      },
    },
    errorHandler: {
      error: (_error, _message, count): ErrorHandlerResult =>
        (count ?? 0) <= 3 ? { action: ErrorAction.Continue } : { action: ErrorAction.Shutdown },
      closed: (): CloseHandlerResult => {
        const now = Date.now();
        while (restarts.length > 0 && now - restarts[0] > RESTART_WINDOW_MS) restarts.shift();
        if (restarts.length < MAX_RESTARTS) {
          restarts.push(now);
          output.warn(`The RNNLint server stopped unexpectedly; restarting (${restarts.length} of ${MAX_RESTARTS}).`);
          return { action: CloseAction.Restart, handled: true };
        }
        return {
          action: CloseAction.DoNotRestart,
          message: `The RNNLint server stopped ${MAX_RESTARTS + 1} times in 3 minutes and will not be restarted. See "RNNLint: Show Output", then run "RNNLint: Restart Server".`,
        };
      },
    },
  };

  const c = new LanguageClient('rnnlint', 'RNNLint', serverOptions, clientOptions);
  client = c;

  context.subscriptions.push(
    output,
    status,
    c.onDidChangeState((e) => {
      status.setServerState(e.newState === State.Running ? 'running' : e.newState === State.Starting ? 'starting' : 'stopped');
    }),
    c.onNotification(STATUS_NOTIFICATION, (p: StatusParams) => status.update(p)),
    vscode.commands.registerCommand('rnnlint.restartServer', async () => {
      restarts.length = 0;
      output.info('Restarting the RNNLint server.');
      if (c.state === State.Stopped) await c.start();
      else await c.restart();
    }),
    vscode.commands.registerCommand('rnnlint.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('rnnlint.lintWorkspace', () => lintWorkspace(c, output)),
    vscode.commands.registerCommand(SHOW_DOCUMENTATION_COMMAND, (ruleId?: unknown, docsUrl?: unknown) =>
      showDocumentation(context, ruleId, docsUrl),
    ),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      // The document selector decides which files the server sees: restart to apply a new one.
      if (!e.affectsConfiguration('rnnlint.validate')) return;
      const selector = documentSelector();
      c.clientOptions.documentSelector = selector;
      status.selector = selector;
      if (c.state === State.Running) await c.restart();
    }),
  );

  const ready = c.start().then(
    () => true,
    (e: unknown) => {
      output.error(`The RNNLint server could not start: ${e instanceof Error ? e.message : String(e)}`);
      return false;
    },
  );
  firstStart = { output, ready };
  return c;
}

/**
 * Writes "RNNLint activated in N ms (server ready in M ms)" to the output channel once the first
 * server start has finished: N is activate() from its start to its end, M the time from the start
 * of activate() until the server answered `initialize` (performance.now() of the extension host).
 */
export function logStartupTiming(activateStart: number, activateEnd: number): void {
  const start = firstStart;
  if (!start) return;
  void start.ready.then((ok) => {
    const activated = `RNNLint activated in ${Math.round(activateEnd - activateStart)} ms`;
    start.output.info(ok ? `${activated} (server ready in ${Math.round(performance.now() - activateStart)} ms)` : `${activated} (the server did not start)`);
  });
}

export async function stopRnnlint(): Promise<void> {
  const c = client;
  client = undefined;
  if (c && c.state !== State.Stopped) await c.stop();
}
