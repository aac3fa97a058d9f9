// RNNLint language server entry point (dist/server.js).
//   node dist/server.js --stdio        any LSP client (Neovim, Emacs, Helix...)
//   node dist/server.js --node-ipc     the VS Code client
// createConnection picks the transport from those flags. The lint handlers (diagnostics, code
// actions, settings) live in ./lsp; they own onInitialize/onInitialized/onShutdown and
// onDidChangeConfiguration. Other features add their own custom requests and document listeners.
import { ProposedFeatures, TextDocuments, createConnection } from 'vscode-languageserver/node';
import { registerLintServer } from './lsp/lintServer';
import { versionedDocuments } from './lsp/documents';
import { isLintWorker, runLintWorker } from './lsp/worker';
import { registerProbeHandlers } from './probe/lsp-probe';

if (isLintWorker()) {
  // The same bundle, started as the background analysis thread for big documents.
  runLintWorker();
} else {
  const connection = createConnection(ProposedFeatures.all);
  const documents = new TextDocuments(
    versionedDocuments((uri, got, have) => connection.console.warn(`rnnlint: ignored a change to ${uri} with version ${got}; the document is at ${have}`)),
  );
  registerLintServer(connection, documents);
  registerProbeHandlers(connection, documents);
  documents.listen(connection);
  connection.listen();
}
