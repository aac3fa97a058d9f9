// expect: none
// Multiplexes many telemetry streams through one LSTM cell, keeping each stream's (h, c) pair in a registry between packets.
import * as tf from '@tensorflow/tfjs';

type CellState = { h: tf.Tensor2D; c: tf.Tensor2D };

export class LstmCell {
  readonly W: tf.Tensor2D;
  readonly U: tf.Tensor2D;
  readonly b: tf.Tensor1D;

  constructor(inputDim: number, readonly units: number, seed = 141) {
    this.W = tf.randomNormal([inputDim, 4 * units], 0, 0.3, 'float32', seed);
    this.U = tf.randomNormal([units, 4 * units], 0, 0.3, 'float32', seed + 1);
    this.b = tf.zeros([4 * units]);
  }

  forward(x: tf.Tensor2D, s: CellState): CellState {
    const z = tf.matMul(x, this.W).add(tf.matMul(s.h, this.U)).add(this.b);
    const [i, f, g, o] = tf.split(z, 4, 1);
    const c = tf.sigmoid(f).mul(s.c).add(tf.sigmoid(i).mul(tf.tanh(g))) as tf.Tensor2D;
    const h = tf.sigmoid(o).mul(tf.tanh(c)) as tf.Tensor2D;
    return { h, c };
  }
}

export class StreamRegistry {
  private readonly states = new Map<string, CellState>();
  private readonly readout: tf.Tensor2D;

  constructor(private readonly cell: LstmCell, seed = 149) {
    this.readout = tf.randomNormal([cell.units, 1], 0, 0.3, 'float32', seed);
  }

  private stateFor(id: string): CellState {
    let s = this.states.get(id);
    if (!s) {
      s = { h: tf.zeros([1, this.cell.units]), c: tf.zeros([1, this.cell.units]) };
      this.states.set(id, s);
    }
    return s;
  }

  ingest(id: string, packet: number[]): number {
    const prev = this.stateFor(id);
    const anomaly = tf.tidy(() => {
      const next = this.cell.forward(tf.tensor2d([packet]), prev);
      this.states.set(id, { h: tf.keep(next.h), c: tf.keep(next.c) });
      return tf.sigmoid(next.h.matMul(this.readout));
    });
    tf.dispose([prev.h, prev.c]);
    const score = anomaly.dataSync()[0];
    anomaly.dispose();
    return score;
  }

  close(id: string): void {
    const s = this.states.get(id);
    if (s) tf.dispose([s.h, s.c]);
    this.states.delete(id);
  }

  get openStreams(): number {
    return this.states.size;
  }
}

export function replayPackets(packets: Array<{ id: string; values: number[] }>, inputDim: number): Record<string, number[]> {
  const reg = new StreamRegistry(new LstmCell(inputDim, 8));
  const scores: Record<string, number[]> = {};
  for (const { id, values } of packets) {
    (scores[id] ??= []).push(reg.ingest(id, values));
  }
  Object.keys(scores).forEach((id) => reg.close(id));
  return scores;
}
