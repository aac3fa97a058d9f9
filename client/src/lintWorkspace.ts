// "RNNLint: Lint Workspace": the server lints files that are not open and pushes their diagnostics
// into Problems. The client finds the files and sends them in batches, so progress and cancel work.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { LINT_FILES_REQUEST, LintFilesParams, LintFilesResult } from '../../server/src/lsp/protocol';
import { validatedLanguages } from './settings';

const EXTENSIONS_BY_LANGUAGE: Record<string, string[]> = {
  typescript: ['ts', 'mts', 'cts'],
  typescriptreact: ['tsx'],
  javascript: ['js', 'mjs', 'cjs'],
  javascriptreact: ['jsx'],
};
const BATCH = 20;

export async function lintWorkspace(client: LanguageClient, output: vscode.LogOutputChannel): Promise<void> {
  if (!vscode.workspace.workspaceFolders?.length) {
    void vscode.window.showInformationMessage('RNNLint: open a folder to lint a workspace.');
    return;
  }
  const exts = [...new Set(validatedLanguages().flatMap((l) => EXTENSIONS_BY_LANGUAGE[l] ?? []))];
  if (exts.length === 0) {
    void vscode.window.showInformationMessage('RNNLint: rnnlint.validate lists no TypeScript or JavaScript language.');
    return;
  }
  const glob = exts.length === 1 ? `**/*.${exts[0]}` : `**/*.{${exts.join(',')}}`;
  const started = Date.now();
  const total: LintFilesResult = { files: 0, problems: 0, filesWithProblems: 0, failed: 0, skipped: 0 };
  const cancelled = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'RNNLint: linting workspace', cancellable: true },
    async (progress, token) => {
      const files = await vscode.workspace.findFiles(glob, '**/{node_modules,.git}/**', undefined, token);
      for (let i = 0; i < files.length; i += BATCH) {
        if (token.isCancellationRequested) return true;
        const batch = files.slice(i, i + BATCH);
        progress.report({
          message: `${Math.min(i + BATCH, files.length)} of ${files.length} files`,
          increment: (batch.length / files.length) * 100,
        });
        const params: LintFilesParams = { uris: batch.map((u) => client.code2ProtocolConverter.asUri(u)) };
        const r = await client.sendRequest<LintFilesResult>(LINT_FILES_REQUEST, params, token);
        total.files += r.files;
        total.problems += r.problems;
        total.filesWithProblems += r.filesWithProblems;
        total.failed += r.failed;
        total.skipped += r.skipped;
      }
      return token.isCancellationRequested;
    },
  );
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  const summary =
    `${cancelled ? 'Cancelled after' : 'Linted'} ${plural(total.files, 'file')} in ${secs} s: ` +
    `${plural(total.problems, 'problem')} in ${plural(total.filesWithProblems, 'file')}` +
    (total.failed ? `, ${plural(total.failed, 'file')} failed (see the output)` : '') +
    (total.skipped ? `, ${total.skipped} skipped (open, off or too large)` : '') +
    '.';
  output.info(`Lint Workspace: ${summary}`);
  if (total.problems > 0) void vscode.commands.executeCommand('workbench.actions.view.problems');
  void vscode.window.showInformationMessage(`RNNLint: ${summary}`);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
