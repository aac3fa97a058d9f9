// VS Code entry point (dist/client.js). Lint: ./rnnlint.ts. Probe: ./probe (trusted workspaces only).
import type * as vscode from 'vscode';
import { logStartupTiming, startRnnlint, stopRnnlint } from './rnnlint';
import { registerProbe } from './probe';

export function activate(context: vscode.ExtensionContext): void {
  const activateStart = performance.now();
  const client = startRnnlint(context);
  registerProbe(context, client);
  // Start-up timing in the output channel ("activated in N ms (server ready in M ms)"): the first
  // figure is activate() itself, the second from the start of activate() until the language server
  // answered `initialize`. The benchmark (bench/package.mjs) and the e2e suite read this line.
  logStartupTiming(activateStart, performance.now());
}

export function deactivate(): Promise<void> {
  return stopRnnlint();
}
