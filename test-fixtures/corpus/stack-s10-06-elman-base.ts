// expect: stacked-activation
// Jordan and Elman recurrent cells sharing one base class; the anomaly scorer uses the Elman variant on metric streams.
import * as tf from '@tensorflow/tfjs';

export type Step = { output: tf.Tensor2D; state: tf.Tensor2D };

function dense(x: tf.Tensor2D, w: tf.Variable, b?: tf.Variable): tf.Tensor2D {
  const y: tf.Tensor2D = tf.matMul(x, w as tf.Tensor2D);
  return b ? (tf.add(y, b) as tf.Tensor2D) : y;
}

export abstract class RecurrentCell {
  protected readonly wIn: tf.Variable;
  protected readonly wRec: tf.Variable;
  protected readonly bias: tf.Variable;

  constructor(readonly inputSize: number, readonly units: number, readonly stateSize: number) {
    this.wIn = tf.variable(tf.randomNormal([inputSize, units], 0, 0.3));
    this.wRec = tf.variable(tf.randomNormal([stateSize, units], 0, 0.3));
    this.bias = tf.variable(tf.zeros([units]));
  }

  protected act(x: tf.Tensor2D): tf.Tensor2D {
    return tf.tanh(x);
  }

  /** Maps the carried state into the space the recurrent weights expect. */
  protected readState(state: tf.Tensor2D): tf.Tensor2D {
    return this.act(state);
  }

  zeroState(batch: number): tf.Tensor2D {
    return tf.zeros([batch, this.stateSize]);
  }

  abstract forward(input: tf.Tensor2D, state: tf.Tensor2D): Step;
}

/** Jordan network: the state fed back is the raw output projection of the previous step. */
export class JordanCell extends RecurrentCell {
  private readonly wOut: tf.Variable;

  constructor(inputSize: number, units: number, outputSize: number) {
    super(inputSize, units, outputSize);
    this.wOut = tf.variable(tf.randomNormal([units, outputSize], 0, 0.3));
  }

  override forward(input: tf.Tensor2D, state: tf.Tensor2D): Step {
    const h = this.act(tf.add(dense(input, this.wIn, this.bias), dense(this.readState(state), this.wRec)));
    const y = dense(h, this.wOut);
    return { output: y, state: y };
  }
}

/** Elman network: the state fed back is the hidden layer itself. */
export class ElmanCell extends RecurrentCell {
  constructor(inputSize: number, units: number) {
    super(inputSize, units, units);
  }

  override forward(input: tf.Tensor2D, state: tf.Tensor2D): Step {
    const prev = this.readState(state);
    const h = this.act(tf.add(tf.add(dense(input, this.wIn), dense(prev, this.wRec)), this.bias) as tf.Tensor2D);
    return { output: h, state: h };
  }
}

export class AnomalyScorer {
  private readonly readout: tf.Variable;

  constructor(private readonly cell: RecurrentCell, metrics: number) {
    this.readout = tf.variable(tf.randomNormal([cell.units, metrics], 0, 0.3));
  }

  /** Mean squared one-step-ahead prediction error for each stream in the batch. */
  score(series: tf.Tensor3D): tf.Tensor1D {
    return tf.tidy(() => {
      const steps = tf.unstack(series, 1) as tf.Tensor2D[];
      let state = this.cell.zeroState(series.shape[0]);
      const errors: tf.Tensor1D[] = [];
      for (let t = 0; t + 1 < steps.length; t++) {
        const { output, state: next } = this.cell.forward(steps[t], state);
        state = next;
        const pred = tf.matMul(output, this.readout as tf.Tensor2D);
        errors.push(tf.mean(tf.squaredDifference(pred, steps[t + 1]), 1) as tf.Tensor1D);
      }
      return tf.mean(tf.stack(errors, 1), 1) as tf.Tensor1D;
    });
  }
}

if (require.main === module) {
  const scorer = new AnomalyScorer(new ElmanCell(4, 16), 4);
  scorer.score(tf.randomNormal([3, 30, 4]) as tf.Tensor3D).print();
}
