// How TextDocuments applies changes: like TextDocument.update, except that a didChange whose version
// is not newer than the document's is dropped. LSP versions strictly increase; TextDocuments itself
// applies any change, so a stale (reordered or replayed) change used to replace the newest text and
// its diagnostics were published over the newest version's.
import type { TextDocumentContentChangeEvent, TextDocumentsConfiguration } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';

export function versionedDocuments(onStale?: (uri: string, got: number, have: number) => void): TextDocumentsConfiguration<TextDocument> {
  return {
    create: TextDocument.create,
    update(doc: TextDocument, changes: TextDocumentContentChangeEvent[], version: number): TextDocument {
      if (version <= doc.version) {
        onStale?.(doc.uri, version, doc.version);
        return doc;
      }
      return TextDocument.update(doc, changes, version);
    },
  };
}
