// The probe in VS Code: a "Probe" CodeLens above each cell, "RNNLint: Run Probe", inline traces after
// the lines producing new states (cleared on edit) with the per-step table on hover, probe findings as
// diagnostics (source `rnnlint probe`), "RNNLint: Open Probe Trace" (webview plots) and re-run on
// save. The probe executes workspace code (the sliced cell), so it only runs in trusted workspaces.
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { PROBE_CELLS_REQUEST, PROBE_REQUEST, type ProbeCellListItem, type ProbeRequestParams } from '../../../server/src/probe/protocol';
import { inlineSummary, markdownTable, formatFailure } from '../../../server/src/probe/format';
import type { ProbeOutcome, ProbeTrace } from '../../../server/src/probe/types';
import { traceHtml } from './traceView';

export const RUN_PROBE_COMMAND = 'rnnlint.runProbe';
export const OPEN_TRACE_COMMAND = 'rnnlint.openProbeTrace';

const UNTRUSTED_MESSAGE =
  'RNNLint: the probe runs code from this workspace (the selected cell and the declarations it uses), so it only runs in a trusted workspace. Linting still works. To use the probe, trust this folder (command "Workspaces: Manage Workspace Trust").';

interface ProbeState {
  /** Latest trace per document URI and cell. */
  traces: Map<string, Map<string, ProbeTrace>>;
  lastTrace?: ProbeTrace;
  lastUri?: string;
}

export function registerProbe(context: vscode.ExtensionContext, client: LanguageClient): void {
  const state: ProbeState = { traces: new Map() };
  /** Cells probed in a document, kept across edits so re-run on save knows them. */
  const probedCells = new Map<string, string[]>();
  const diagnostics = vscode.languages.createDiagnosticCollection('rnnlint probe');
  const decoration = vscode.window.createTextEditorDecorationType({
    after: { color: new vscode.ThemeColor('editorCodeLens.foreground'), margin: '0 0 0 2em', fontStyle: 'italic' },
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
  const lensChanged = new vscode.EventEmitter<void>();
  const selector: vscode.DocumentSelector = [
    { language: 'typescript' },
    { language: 'javascript' },
    { language: 'typescriptreact' },
    { language: 'javascriptreact' },
  ];
  const config = (uri?: vscode.Uri) => vscode.workspace.getConfiguration('rnnlint.probe', uri);

  const paint = (editor: vscode.TextEditor) => {
    const perCell = state.traces.get(editor.document.uri.toString());
    if (!perCell) return editor.setDecorations(decoration, []);
    const byLine = new Map<number, { texts: string[]; traces: ProbeTrace[] }>();
    for (const trace of perCell.values())
      trace.cell.stateNames.forEach((s, i) => {
        const line1 = trace.cell.newStateLines[i] ?? trace.cell.newStateLines[0] ?? trace.cell.line;
        const line = Math.min(Math.max(0, line1 - 1), editor.document.lineCount - 1);
        const e = byLine.get(line) ?? { texts: [], traces: [] };
        e.texts.push(inlineSummary(trace, s));
        if (!e.traces.includes(trace)) e.traces.push(trace);
        byLine.set(line, e);
      });
    const options: vscode.DecorationOptions[] = [...byLine].map(([line, e]) => {
      const end = editor.document.lineAt(line).range.end;
      const hover = new vscode.MarkdownString(e.traces.map((t) => markdownTable(t)).join('\n\n---\n\n'));
      hover.appendMarkdown(`\n\n[Open probe trace](command:${OPEN_TRACE_COMMAND})`);
      hover.isTrusted = { enabledCommands: [OPEN_TRACE_COMMAND] };
      return { range: new vscode.Range(end, end), hoverMessage: hover, renderOptions: { after: { contentText: e.texts.join('   │   ') } } };
    });
    editor.setDecorations(decoration, options);
  };

  const publishFindings = (uri: vscode.Uri) => {
    const perCell = state.traces.get(uri.toString());
    const list: vscode.Diagnostic[] = [];
    for (const t of perCell?.values() ?? [])
      for (const f of t.findings) {
        const line = Math.max(0, f.line - 1);
        const d = new vscode.Diagnostic(
          new vscode.Range(line, 0, line, Number.MAX_SAFE_INTEGER),
          f.message,
          f.severity === 'error' ? vscode.DiagnosticSeverity.Error : f.severity === 'warning' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information,
        );
        d.source = 'rnnlint probe';
        d.code = f.confirms ? `${f.id} (confirms ${f.confirms})` : f.id;
        list.push(d);
      }
    diagnostics.set(uri, list);
  };

  const clear = (uri: vscode.Uri) => {
    state.traces.delete(uri.toString());
    diagnostics.delete(uri);
    for (const ed of vscode.window.visibleTextEditors) if (ed.document.uri.toString() === uri.toString()) ed.setDecorations(decoration, []);
  };

  /** Probe one cell. quiet: no pop-ups (re-run on save). */
  const probe = async (doc: vscode.TextDocument, cellName: string | undefined, offset: number | undefined, quiet = false): Promise<void> => {
    if (!vscode.workspace.isTrusted) {
      if (!quiet) void vscode.window.showWarningMessage(UNTRUSTED_MESSAGE);
      return;
    }
    const c = config(doc.uri);
    const params: ProbeRequestParams = {
      uri: doc.uri.toString(),
      cellName,
      offset,
      steps: c.get<number | null>('steps') ?? undefined,
      batch: c.get<number | null>('batch') ?? undefined,
      timeoutMs: c.get<number>('timeoutMs'),
      maxHeapMb: c.get<number>('maxHeapMb'),
    };
    const outcome = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `RNNLint: probing ${cellName ?? 'cell'}…`, cancellable: true },
      (_p, token) => client.sendRequest<ProbeOutcome>(PROBE_REQUEST, params, token),
    );
    if (!outcome.ok) {
      const msg = formatFailure(vscode.workspace.asRelativePath(outcome.file), outcome.failure, outcome.cell);
      if (outcome.failure.line) {
        const line = outcome.failure.line - 1;
        const col = Math.max(0, (outcome.failure.column ?? 1) - 1);
        const d = new vscode.Diagnostic(new vscode.Range(line, col, line, Number.MAX_SAFE_INTEGER), `probe could not run: ${outcome.failure.message}`, vscode.DiagnosticSeverity.Error);
        d.source = 'rnnlint probe';
        d.code = outcome.failure.kind;
        diagnostics.set(doc.uri, [d]);
      }
      if (!quiet && outcome.failure.kind !== 'cancelled') void vscode.window.showErrorMessage(msg);
      return;
    }
    const trace = outcome.trace;
    const key = doc.uri.toString();
    const perCell = state.traces.get(key) ?? new Map<string, ProbeTrace>();
    perCell.set(trace.cell.name, trace);
    state.traces.set(key, perCell);
    state.lastTrace = trace;
    state.lastUri = key;
    publishFindings(doc.uri);
    for (const ed of vscode.window.visibleTextEditors) if (ed.document.uri.toString() === key) paint(ed);
    if (!quiet) {
      const problems = trace.findings.filter((f) => f.severity !== 'info').length;
      const pick = await vscode.window.showInformationMessage(
        `RNNLint probe: ${trace.cell.name} ran ${trace.config.steps} steps on ${trace.backend} in ${Math.round(trace.timings.totalMs)} ms; ${problems ? `${problems} finding(s)` : 'no problems found'}.`,
        'Open Probe Trace',
      );
      if (pick) await vscode.commands.executeCommand(OPEN_TRACE_COMMAND);
    }
  };

  const cellsOf = async (doc: vscode.TextDocument): Promise<ProbeCellListItem[]> => {
    // Before the server runs there is nobody to ask; the lenses refresh when it is up.
    if (client.state !== State.Running) return [];
    try {
      return await client.sendRequest<ProbeCellListItem[]>(PROBE_CELLS_REQUEST, { uri: doc.uri.toString() });
    } catch {
      return [];
    }
  };

  context.subscriptions.push(
    diagnostics,
    decoration,
    lensChanged,
    vscode.commands.registerCommand(RUN_PROBE_COMMAND, async (uriArg?: vscode.Uri | string, cellName?: string) => {
      if (!vscode.workspace.isTrusted) return void vscode.window.showWarningMessage(UNTRUSTED_MESSAGE);
      const uri = typeof uriArg === 'string' ? vscode.Uri.parse(uriArg) : uriArg;
      const editor = vscode.window.activeTextEditor;
      const doc = uri ? await vscode.workspace.openTextDocument(uri) : editor?.document;
      if (!doc) return void vscode.window.showWarningMessage('RNNLint: open a TypeScript or JavaScript file with a recurrent cell to probe it.');
      let offset: number | undefined;
      if (!cellName) {
        const cells = await cellsOf(doc);
        if (!cells.length) return void vscode.window.showWarningMessage('RNNLint: no recurrent cell found in this file.');
        const cursor = editor && editor.document === doc ? doc.offsetAt(editor.selection.active) : undefined;
        const here = cursor !== undefined ? cells.find((c) => c.start <= cursor && cursor <= c.end) : undefined;
        if (here) cellName = here.name;
        else if (cells.length === 1) cellName = cells[0].name;
        else {
          const pick = await vscode.window.showQuickPick(
            cells.map((c) => ({ label: c.name, description: `${c.kind}, line ${c.line}` })),
            { placeHolder: 'Which cell should the probe run?' },
          );
          if (!pick) return;
          cellName = pick.label;
        }
        offset = cursor;
      }
      await probe(doc, cellName, offset);
    }),
    vscode.commands.registerCommand(OPEN_TRACE_COMMAND, () => {
      const active = vscode.window.activeTextEditor?.document.uri.toString();
      const perCell = active ? state.traces.get(active) : undefined;
      const trace = perCell ? [...perCell.values()].pop() : state.lastTrace;
      if (!trace) return void vscode.window.showInformationMessage('RNNLint: no probe trace yet. Run "RNNLint: Run Probe" on a cell first.');
      const panel = vscode.window.createWebviewPanel('rnnlintProbeTrace', `Probe: ${trace.cell.name}`, vscode.ViewColumn.Beside, { enableScripts: false });
      panel.webview.html = traceHtml(trace, panel.webview.cspSource);
    }),
    vscode.languages.registerCodeLensProvider(selector, {
      onDidChangeCodeLenses: lensChanged.event,
      async provideCodeLenses(doc) {
        if (!config(doc.uri).get<boolean>('codeLens', true)) return [];
        const cells = await cellsOf(doc);
        return cells.map((c) => {
          const line = Math.max(0, c.line - 1);
          return new vscode.CodeLens(new vscode.Range(line, 0, line, 0), {
            title: vscode.workspace.isTrusted ? 'Probe' : 'Probe (trusted workspaces only)',
            command: RUN_PROBE_COMMAND,
            arguments: [doc.uri, c.name],
          });
        });
      },
    }),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length && state.traces.has(e.document.uri.toString())) {
        // Keep which cells were probed (for re-run on save), drop what is shown.
        const cells = [...(state.traces.get(e.document.uri.toString())?.keys() ?? [])];
        clear(e.document.uri);
        probedCells.set(e.document.uri.toString(), cells);
      }
    }),
    vscode.workspace.onDidSaveTextDocument((doc) => {
      if (!config(doc.uri).get<boolean>('runOnSave', false)) return;
      const key = doc.uri.toString();
      const cells = new Set([...(probedCells.get(key) ?? []), ...(state.traces.get(key)?.keys() ?? [])]);
      for (const name of cells) void probe(doc, name, undefined, true);
    }),
    vscode.window.onDidChangeVisibleTextEditors((eds) => eds.forEach(paint)),
    vscode.workspace.onDidGrantWorkspaceTrust(() => lensChanged.fire()),
    client.onDidChangeState((e) => {
      if (e.newState === State.Running) lensChanged.fire();
    }),
    vscode.workspace.onDidCloseTextDocument((doc) => {
      clear(doc.uri);
      probedCells.delete(doc.uri.toString());
    }),
  );
}
