// What the probe and the editor need to know about a step the engine found, without the AST.

export type StepKind =
  /** `call(inputs)` of a class extending tf.layers.RNNCell (or a Layer taking [x, ...states]). */
  | 'rnn-cell'
  /** `forward(input, hidden, ...)` of a PyTorch-style class. */
  | 'forward'
  /** A plain function or arrow `(x, h, ...) => ...`. */
  | 'step-function';

export interface StateSummary {
  /** The name the step gives the incoming state (`h`, `hPrev`, `states[0]`...). */
  name: string;
  /** Position among the states (0 = first state). */
  index: number;
}

export interface CellSummary {
  /** Class name, function name, or the variable an arrow is assigned to. */
  name: string;
  kind: StepKind;
  /** Class name for rnn-cell/forward kinds. */
  className?: string;
  /** `call` / `forward` for class kinds. */
  methodName?: string;
  /** The whole declaration (class, function or variable statement). 0-based UTF-16 offsets. */
  start: number;
  end: number;
  /** 0-based line of the declaration (where a CodeLens goes). */
  line: number;
  /** The step function itself. */
  stepStart: number;
  stepEnd: number;
  /** Name of the per-step input parameter, when known. */
  inputName?: string;
  states: StateSummary[];
  /**
   * Where each new state is produced: the returned expression in that state's position, or the
   * statement that computes it. Inline probe traces go after the line of `start`.
   */
  newStates: { index: number; start: number; end: number; line: number }[];
}
