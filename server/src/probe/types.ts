// The probe's data: what the parent sends the runner (ProbeJob) and what comes back (ProbeTrace).
// The trace is versioned; trace.schema.json describes it and the tests validate against it.

export const TRACE_VERSION = 1;

export type ProbeBackend = 'tensorflow' | 'wasm' | 'cpu';
export type CellKind = 'rnn-cell' | 'forward' | 'step-function';

/** How the step takes its states after the input. */
export type StateLayout =
  /** `call([x, ...states], kwargs)` of a tf.layers.RNNCell. */
  | { kind: 'inputs-array'; count?: number }
  /** `(x, p1, p2...)`: each entry is one parameter holding `count` states (count 0 = a single tensor). */
  | { kind: 'params'; params: { count: number }[] };

/** Options the user can set per run (CLI flags, settings, the @probe tag). */
export interface ProbeRunOptions {
  steps?: number;
  batch?: number;
  seed?: number;
  timeoutMs?: number;
  maxHeapMb?: number;
}

/** Everything the runner needs; built by slice.ts in the parent. */
export interface ProbeJob {
  /** The user's file (absolute); the slice is compiled under this name so stacks point into it. */
  fileName: string;
  /** CommonJS JavaScript of the slice with an inline source map back to the user's file. */
  code: string;
  cell: ProbeCellInfo;
  config: ProbeConfig;
  /** Where the runner finds the .wasm files of the WASM backend. */
  wasmDir?: string;
  /** Only drive the cell (bench: the probe's trace pass without the checks). */
  traceOnly?: boolean;
}

export interface ProbeCellInfo {
  name: string;
  /** 0-based offsets of the declaration in the user's text. */
  start: number;
  end: number;
  kind: CellKind;
  className?: string;
  methodName?: string;
  /** 1-based line of the declaration. */
  line: number;
  stateNames: string[];
  layout: StateLayout;
  /** 1-based lines where each new state is produced (index = state index), when known. */
  newStateLines: (number | null)[];
}

export interface ProbeConfig {
  steps: number;
  batch: number;
  seed: number;
  /** Fixed by the @probe tag or inferred; null = the runner decides (hints, then default). */
  inputSize: number | null;
  stateSizes: number[] | null;
  /** Where each size came from, for messages: 'tag', 'inferred: ...', 'default'. */
  sizeSources: Record<string, string>;
  /** The text of the @probe tag, when present. */
  tag: string | null;
}

export interface StateStepStats {
  norm: number;
  mean: number;
  std: number;
  min: number;
  max: number;
  /** Fraction of units with |v| >= 0.99 (tanh/sigmoid bound). */
  saturated: number;
  /** Fraction of units exactly 0. */
  dead: number;
  /** Mean over the batch of ||s_t - s_{t-1}||. */
  change: number;
  /** Values of the first units of the first example. */
  first: number[];
}

export interface ProbeStep {
  /** 1-based step number. */
  step: number;
  states: Record<string, StateStepStats>;
  outputNorm: number;
  liveTensors: number;
  leakedTensors: number;
  hasNaN: boolean;
}

export interface ProbeChecks {
  /** Largest |output_a - output_b| over all steps for two runs from different initial states. */
  hiddenSensitivity: number | null;
  /** The same per state (only that state starts elsewhere), when the cell has several states. */
  stateSensitivity: Record<string, number> | null;
  /** True when some state never changes after step 1. */
  frozen: boolean;
  frozenStates: string[];
  /** ||d sum(first state at step T) / d(state entering step t)|| for t = 1..T; null when not differentiable. */
  gradientNorms: number[] | null;
  gradientNormsByState: Record<string, number[]> | null;
  gradientError: string | null;
  /** First 1-based step whose output or state holds NaN or Inf, or null. */
  nanStep: number | null;
  /** Tensors left behind per step, averaged over steps 2..T (step 1 may build weights). */
  leakedTensorsPerStep: number;
  /** Range of each state when the inputs are scaled up x10 (drives activations to their bounds). */
  drivenRange: Record<string, { min: number; max: number }> | null;
}

export interface ProbeFinding {
  id: 'ignores-state' | 'frozen-state' | 'double-squash' | 'nan' | 'vanishing-gradient' | 'exploding-gradient' | 'leak' | 'saturated' | 'contradicts';
  severity: 'error' | 'warning' | 'info';
  message: string;
  /** The static rule that looks for this bug, when there is one. */
  rule?: string;
  /** Set when that rule also reported it in this cell. */
  confirms?: string;
  /** A static report in this cell that the run does not bear out. */
  contradicts?: string;
  state?: string;
  step?: number;
  /** 1-based line in the user's file. */
  line: number;
}

export interface ProbeTrace {
  version: number;
  file: string;
  cell: ProbeCellInfo;
  backend: ProbeBackend;
  /** Which tfjs ran the cell: the workspace's @tensorflow/tfjs-node or the bundled @tensorflow/tfjs. */
  tfjs: { source: 'workspace' | 'bundled'; path?: string; version?: string; fallbackReason?: string };
  config: ProbeConfig & { inputSize: number; stateSizes: number[] };
  steps: ProbeStep[];
  checks: ProbeChecks;
  findings: ProbeFinding[];
  timings: {
    sliceMs: number;
    runnerStartMs: number;
    loadTfMs: number;
    runMs: number;
    totalMs: number;
    warm: boolean;
    /** Runner phases: compileMs (the slice), setupMs, traceMs, sensitivityMs, drivenRangeMs, gradientMs. */
    phases?: Record<string, number>;
  };
}

/** A failure that stops the probe: the reason in words plus, for a throw, where in the user's file. */
export interface ProbeFailure {
  kind: 'no-cell' | 'slice' | 'infer' | 'throw' | 'timeout' | 'memory' | 'exit' | 'cancelled' | 'runner';
  message: string;
  line?: number;
  column?: number;
  stack?: string;
}

export type ProbeOutcome = { ok: true; trace: ProbeTrace } | { ok: false; failure: ProbeFailure; file: string; cell?: string };
