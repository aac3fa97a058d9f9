// expect: none
// Small functional RNN kit: a generic Cell interface, a GRU implementation and a scan combinator that unrolls any cell.
import * as tf from '@tensorflow/tfjs';

export interface Cell<S> {
  readonly units: number;
  initial(batch: number): S;
  step(x: tf.Tensor, s: S): [tf.Tensor, S];
}

export interface ScanResult<S> {
  readonly ys: readonly tf.Tensor[];
  readonly last: S;
}

export type Scanner<S> = (xs: readonly tf.Tensor[], s0: S) => ScanResult<S>;

export function scan<S>(cell: Cell<S>): Scanner<S> {
  return (xs, s0) => {
    const ys: tf.Tensor[] = [];
    const last = xs.reduce<S>((s, x) => {
      const [y, next] = cell.step(x, s);
      ys.push(y);
      return next;
    }, s0);
    return { ys, last };
  };
}

type GateName = 'z' | 'r' | 'h';

interface GateWeights {
  readonly w: tf.Variable;
  readonly u: tf.Variable;
  readonly b: tf.Variable;
}

function glorot(rows: number, cols: number, seed: number): tf.Variable {
  const scale = Math.sqrt(2 / (rows + cols));
  return tf.variable(tf.randomNormal([rows, cols], 0, scale, 'float32', seed));
}

export class GRUCell implements Cell<tf.Tensor> {
  private readonly gates: Record<GateName, GateWeights>;

  constructor(readonly inputSize: number, readonly units: number, seed = 7) {
    const make = (k: number): GateWeights => ({
      w: glorot(inputSize, units, seed + k),
      u: glorot(units, units, seed + 10 + k),
      b: tf.variable(tf.zeros([units])),
    });
    this.gates = { z: make(0), r: make(1), h: make(2) };
  }

  initial(batch: number): tf.Tensor {
    return tf.zeros([batch, this.units]);
  }

  step(x: tf.Tensor, h: tf.Tensor): [tf.Tensor, tf.Tensor] {
    const { z: gz, r: gr, h: gh } = this.gates;
    const z = tf.sigmoid(x.matMul(gz.w).add(h.matMul(gz.u)).add(gz.b));
    const r = tf.sigmoid(x.matMul(gr.w).add(h.matMul(gr.u)).add(gr.b));
    const candidate = tf.tanh(x.matMul(gh.w).add(r.mul(h).matMul(gh.u)).add(gh.b));
    const next = tf.sub(1, z).mul(h).add(z.mul(candidate));
    return [next, next];
  }

  get trainable(): tf.Variable[] {
    return Object.values(this.gates).flatMap((g) => [g.w, g.u, g.b]);
  }
}

export function summarise(cell: GRUCell, sequence: number[][][]): number[][] {
  const final = tf.tidy(() => {
    const xs = sequence.map((frame) => tf.tensor2d(frame));
    const run = scan(cell);
    const { last } = run(xs, cell.initial(sequence[0].length));
    return last;
  });
  const values = final.arraySync() as number[][];
  final.dispose();
  return values;
}

if (require.main === module) {
  const cell = new GRUCell(3, 4);
  const seq = Array.from({ length: 6 }, (_, t) => [
    [Math.sin(t), Math.cos(t), 0.1 * t],
    [Math.cos(t), -Math.sin(t), 0.5],
  ]);
  console.log(summarise(cell, seq));
}
