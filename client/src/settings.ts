// Reading rnnlint.* on the client side (the server resolves its own copy per document).
import * as vscode from 'vscode';

export const DEFAULT_VALIDATE = ['typescript', 'typescriptreact', 'javascript', 'javascriptreact'];

export function validatedLanguages(): string[] {
  const v = vscode.workspace.getConfiguration('rnnlint').get<unknown>('validate');
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : DEFAULT_VALIDATE;
}

/** Files the server is told about: the validated languages, saved or untitled. */
export function documentSelector(): { scheme: string; language: string }[] {
  return validatedLanguages().flatMap((language) => [
    { scheme: 'file', language },
    { scheme: 'untitled', language },
  ]);
}

export function runMode(doc: vscode.TextDocument): 'onType' | 'onSave' {
  return vscode.workspace.getConfiguration('rnnlint', doc).get('run') === 'onSave' ? 'onSave' : 'onType';
}
