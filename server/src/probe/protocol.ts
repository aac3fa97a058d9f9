// The probe's custom LSP requests: names and shapes shared by the server and the VS Code client
// (kept apart from lsp-probe.ts so the client bundle does not pull in the slicer).

export const PROBE_CELLS_REQUEST = 'rnnlint/probeCells';
export const PROBE_REQUEST = 'rnnlint/probe';

export interface ProbeCellListItem {
  name: string;
  kind: string;
  /** 1-based line of the declaration. */
  line: number;
  start: number;
  end: number;
}

export interface ProbeRequestParams {
  uri: string;
  cellName?: string;
  /** Offset of the cursor in the document; picks the cell containing it. */
  offset?: number;
  steps?: number;
  batch?: number;
  seed?: number;
  timeoutMs?: number;
  maxHeapMb?: number;
}

