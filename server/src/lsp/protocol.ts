// Custom messages between the RNNLint server and its clients. Plain constants and types only, so
// the VS Code client can import this file without pulling server code into its bundle.

/** Server -> client notification after each analysis of an open document. */
export const STATUS_NOTIFICATION = 'rnnlint/status';

export type StatusState =
  /** Analysed; see the counts. */
  | 'ok'
  /** rnnlint.enable is false for this document. */
  | 'disabled'
  /** The document's language is not in rnnlint.validate. */
  | 'notValidated'
  /** Longer than rnnlint.maxFileSize. */
  | 'tooLarge'
  /** A big document is being analysed in the background; a final status follows. */
  | 'analysing'
  /** The engine failed on this document (details in the output channel). */
  | 'error'
  /** The document was closed: forget its status. */
  | 'closed';

export interface StatusParams {
  uri: string;
  version: number | null;
  state: StatusState;
  /** Steps (cells, forward methods, step functions) found. */
  cells: number;
  loops: number;
  /** Diagnostics shown (rule problems; parse notices are not counted). */
  problems: number;
  errors: number;
  warnings: number;
  /** Milliseconds the engine took. */
  timeMs: number;
  /** The engine's early bail-out: no tfjs import and no step-shaped code. */
  skipped: boolean;
  /** Epoch milliseconds when the analysis finished. */
  at: number;
  /** A sentence for the user when state is not 'ok'. */
  message?: string;
}

/** Client -> server request: lint files that may not be open; results are pushed as diagnostics. */
export const LINT_FILES_REQUEST = 'rnnlint/lintFiles';

export interface LintFilesParams {
  /** file: URIs. Open documents are skipped (they are already linted). */
  uris: string[];
}

export interface LintFilesResult {
  /** Files analysed (not counting skipped ones). */
  files: number;
  problems: number;
  filesWithProblems: number;
  /** Files that could not be read or made the engine fail. */
  failed: number;
  /** Files not analysed: open, disabled, not validated or too large. */
  skipped: number;
}
