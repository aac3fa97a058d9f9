// The language status item: what RNNLint did for the active file (cells found, problems, time).
import * as vscode from 'vscode';
import type { StatusParams } from '../../server/src/lsp/protocol';

export class StatusItem implements vscode.Disposable {
  private readonly item: vscode.LanguageStatusItem;
  private readonly byUri = new Map<string, StatusParams>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private serverState: 'starting' | 'running' | 'stopped' = 'starting';

  constructor(selector: vscode.DocumentSelector) {
    this.item = vscode.languages.createLanguageStatusItem('rnnlint.status', selector);
    this.item.name = 'RNNLint';
    this.item.command = { title: 'Show Output', command: 'rnnlint.showOutput' };
    this.subscriptions.push(vscode.window.onDidChangeActiveTextEditor(() => this.render()));
    this.render();
  }

  set selector(selector: vscode.DocumentSelector) {
    this.item.selector = selector;
  }

  update(p: StatusParams): void {
    if (p.state === 'closed') this.byUri.delete(p.uri);
    else this.byUri.set(p.uri, p);
    this.render();
  }

  setServerState(state: 'starting' | 'running' | 'stopped'): void {
    this.serverState = state;
    if (state !== 'running') this.byUri.clear();
    this.render();
  }

  private render(): void {
    const item = this.item;
    item.severity = vscode.LanguageStatusSeverity.Information;
    item.busy = false;
    if (this.serverState === 'stopped') {
      item.text = '$(error) RNNLint stopped';
      item.detail = 'The server is not running; use "RNNLint: Restart Server"';
      item.severity = vscode.LanguageStatusSeverity.Error;
      return;
    }
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    const s = uri ? this.byUri.get(uri) : undefined;
    if (!s) {
      item.text = 'RNNLint';
      item.detail = this.serverState === 'starting' ? 'starting' : 'waiting for analysis';
      item.busy = this.serverState === 'starting';
      return;
    }
    const time = new Date(s.at).toLocaleTimeString();
    switch (s.state) {
      case 'ok':
        if (s.skipped) {
          item.text = '$(check) RNNLint';
          item.detail = `no recurrent code (no tfjs import or step function) · ${time}`;
        } else {
          item.text = `$(${s.problems ? 'warning' : 'check'}) ${plural(s.cells, 'cell')} · ${plural(s.problems, 'problem')}`;
          item.detail = `analysed in ${Math.round(s.timeMs)} ms at ${time}`;
          if (s.errors > 0) item.severity = vscode.LanguageStatusSeverity.Warning;
        }
        return;
      case 'analysing':
        item.text = 'RNNLint: analysing';
        item.detail = s.message ?? '';
        item.busy = true;
        return;
      case 'error':
        item.text = '$(error) RNNLint: analysis failed';
        item.detail = s.message ?? 'see the output channel';
        item.severity = vscode.LanguageStatusSeverity.Error;
        return;
      case 'tooLarge':
        item.text = '$(warning) RNNLint: file too large';
        item.detail = s.message ?? '';
        item.severity = vscode.LanguageStatusSeverity.Warning;
        return;
      default:
        item.text = 'RNNLint: off';
        item.detail = s.message ?? '';
    }
  }

  dispose(): void {
    this.item.dispose();
    for (const d of this.subscriptions) d.dispose();
  }
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
