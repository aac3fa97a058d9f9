// file: URIs <-> paths without an extra dependency. VS Code percent-encodes more than node's
// pathToFileURL does (e.g. `c%3A`), so decode before handing the URI to fileURLToPath.
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The filesystem path of a file: URI, or undefined for other schemes (untitled:, vscode-notebook-cell:...). */
export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    try {
      return fileURLToPath(decodeURIComponent(uri));
    } catch {
      return undefined;
    }
  }
}

export function pathToUri(p: string): string {
  return pathToFileURL(p).href;
}

/**
 * The name the engine sees. It uses the extension to pick TS/TSX/JS parsing, so an untitled
 * document gets one derived from its language id.
 */
export function engineFileName(uri: string, languageId: string): string {
  const p = uriToPath(uri);
  if (p) return p;
  const ext =
    languageId === 'typescriptreact' ? '.tsx'
    : languageId === 'javascriptreact' ? '.jsx'
    : languageId === 'javascript' ? '.js'
    : '.ts';
  const base = uri.replace(/[^A-Za-z0-9_.-]+/g, '_');
  return /\.[cm]?[jt]sx?$/.test(base) ? base : base + ext;
}
