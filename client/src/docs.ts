// Rule documentation opens inside VS Code: a Markdown preview of the doc bundled in dist/rules/.
import * as vscode from 'vscode';

export const SHOW_DOCUMENTATION_COMMAND = 'rnnlint.showDocumentation';

/** A command: URI that diagnostics use as their code link, so the link opens the bundled doc too. */
export function documentationLink(ruleId: string): vscode.Uri {
  return vscode.Uri.parse(`command:${SHOW_DOCUMENTATION_COMMAND}?${encodeURIComponent(JSON.stringify([ruleId]))}`);
}

async function bundledRuleIds(context: vscode.ExtensionContext): Promise<string[]> {
  try {
    const entries = await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(context.extensionUri, 'dist', 'rules'));
    return entries
      .filter(([name, type]) => type === vscode.FileType.File && name.endsWith('.md'))
      .map(([name]) => name.slice(0, -3))
      .sort();
  } catch {
    return [];
  }
}

export async function showDocumentation(context: vscode.ExtensionContext, ruleId?: unknown, docsUrl?: unknown): Promise<void> {
  let id = typeof ruleId === 'string' ? ruleId : undefined;
  if (!id) {
    id = await vscode.window.showQuickPick(await bundledRuleIds(context), { placeHolder: 'Show the documentation of an RNNLint rule' });
    if (!id) return;
  }
  if (!/^[a-z0-9-]+$/.test(id)) return;
  const doc = vscode.Uri.joinPath(context.extensionUri, 'dist', 'rules', `${id}.md`);
  try {
    await vscode.workspace.fs.stat(doc);
  } catch {
    if (typeof docsUrl === 'string') await vscode.env.openExternal(vscode.Uri.parse(docsUrl));
    else void vscode.window.showWarningMessage(`RNNLint: no documentation found for ${id}.`);
    return;
  }
  try {
    await vscode.commands.executeCommand('markdown.showPreview', doc);
  } catch {
    // The built-in Markdown extension is disabled: show the source instead.
    await vscode.window.showTextDocument(doc, { preview: true });
  }
}
