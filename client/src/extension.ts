// VS Code entry point (dist/client.js). Lint: ./rnnlint.ts. Probe: ./probe (trusted workspaces only).
import type * as vscode from 'vscode';
import { startRnnlint, stopRnnlint } from './rnnlint';
import { registerProbe } from './probe';

export function activate(context: vscode.ExtensionContext): void {
  const client = startRnnlint(context);
  registerProbe(context, client);
}

export function deactivate(): Promise<void> {
  return stopRnnlint();
}
