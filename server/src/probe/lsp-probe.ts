// The probe's language-server requests. Thin: find the document, call probeText, return the outcome.
//   rnnlint/probeCells  { uri }                          -> ProbeCellListItem[]  (CodeLens, quick pick)
//   rnnlint/probe       { uri, cellName?, offset?, ... } -> ProbeOutcome          (cancellable)
// Workspace Trust is the client's business (VS Code knows it); other LSP clients call these
// requests explicitly, which is their user's decision to run the cell.

import type { CancellationToken, Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { fileURLToPath } from 'node:url';
import { listProbeCells } from './slice';
import { disposeSharedPool, probeText } from './probe';
import type { ProbeOutcome } from './types';
import { PROBE_CELLS_REQUEST, PROBE_REQUEST, type ProbeCellListItem, type ProbeRequestParams } from './protocol';

export { PROBE_CELLS_REQUEST, PROBE_REQUEST, type ProbeCellListItem, type ProbeRequestParams } from './protocol';

function fileNameOf(uri: string): string {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : uri;
  } catch {
    return uri;
  }
}

export function registerProbeHandlers(connection: Connection, documents: TextDocuments<TextDocument>): void {
  connection.onRequest(PROBE_CELLS_REQUEST, (params: { uri: string }): ProbeCellListItem[] => {
    const doc = documents.get(params.uri);
    if (!doc) return [];
    try {
      return listProbeCells(doc.getText(), fileNameOf(doc.uri));
    } catch (e) {
      connection.console.error(`rnnlint probe: listing cells failed: ${(e as Error).stack ?? e}`);
      return [];
    }
  });

  connection.onRequest(PROBE_REQUEST, async (params: ProbeRequestParams, token: CancellationToken): Promise<ProbeOutcome> => {
    const doc = documents.get(params.uri);
    const file = fileNameOf(params.uri);
    if (!doc) return { ok: false, file, failure: { kind: 'no-cell', message: 'the document is not open in the language server' } };
    const abort = new AbortController();
    const sub = token.onCancellationRequested(() => abort.abort());
    try {
      return await probeText({
        text: doc.getText(),
        fileName: file,
        cellName: params.cellName,
        offset: params.offset,
        steps: params.steps,
        batch: params.batch,
        seed: params.seed,
        timeoutMs: params.timeoutMs,
        maxHeapMb: params.maxHeapMb,
        signal: abort.signal,
      });
    } catch (e) {
      return { ok: false, file, failure: { kind: 'runner', message: `the probe failed: ${(e as Error).message}` } };
    } finally {
      sub.dispose();
    }
  });

  // The runner lives in its own process group: end it with the server.
  process.once('exit', () => disposeSharedPool());
}
