// expect: unused-hidden-state
// Recurrent encoder for music-player sessions: yields a running "session mood" vector after every played track.
import * as tf from '@tensorflow/tfjs';

export interface PlayEvent {
  trackId: number;
  skipped: boolean;
  secondsPlayed: number;
}

const UNITS = 64;

export class TrackRNNCell {
  readonly stateSize = UNITS;
  private readonly inputKernel: tf.Variable<tf.Rank.R2>;
  private readonly recurrentKernel: tf.Variable<tf.Rank.R2>;
  private readonly bias: tf.Variable<tf.Rank.R1>;

  constructor(seed = 1) {
    this.inputKernel = tf.variable(tf.initializers.glorotUniform({ seed }).apply([UNITS + 2, UNITS]) as tf.Tensor2D);
    this.recurrentKernel = tf.variable(tf.initializers.orthogonal({ seed }).apply([UNITS, UNITS]) as tf.Tensor2D);
    this.bias = tf.variable(tf.zeros([UNITS]) as tf.Tensor1D);
  }

  getInitialState(batch = 1): tf.Tensor2D[] {
    return [tf.zeros([batch, UNITS])];
  }

  call(inputs: tf.Tensor2D, states: tf.Tensor2D[]): [tf.Tensor2D, tf.Tensor2D[]] {
    return tf.tidy(() => {
      const [hPrev] = states;
      const trackPart = inputs.slice([0, 0], [-1, UNITS]);
      const projected = tf.matMul(inputs, this.inputKernel);
      const recurrent = tf.matMul(trackPart, this.recurrentKernel);
      const h = tf.tanh(projected.add(recurrent).add(this.bias)) as tf.Tensor2D;
      return [h, [h]] as [tf.Tensor2D, tf.Tensor2D[]];
    });
  }
}

export class SessionEncoder {
  constructor(
    private readonly embeddings: tf.Tensor2D, // [numTracks, UNITS]
    private readonly cell = new TrackRNNCell(),
  ) {}

  private embed(ev: PlayEvent): tf.Tensor2D {
    return tf.tidy(() => {
      const emb = tf.gather(this.embeddings, [ev.trackId]);
      const extra = tf.tensor2d([[ev.skipped ? 1 : 0, Math.min(ev.secondsPlayed / 240, 1)]]);
      return tf.concat([emb, extra], 1) as tf.Tensor2D;
    });
  }

  async *encode(events: AsyncIterable<PlayEvent>): AsyncGenerator<Float32Array> {
    let states = this.cell.getInitialState();
    try {
      for await (const ev of events) {
        const x = this.embed(ev);
        const [out, next] = this.cell.call(x, states);
        x.dispose();
        tf.dispose(states);
        states = next;
        yield (await out.data()) as Float32Array;
      }
    } finally {
      tf.dispose(states);
    }
  }
}

export async function moodTimeline(encoder: SessionEncoder, events: AsyncIterable<PlayEvent>): Promise<number[]> {
  const energy: number[] = [];
  for await (const vec of encoder.encode(events)) {
    let sum = 0;
    for (const v of vec) sum += v * v;
    energy.push(Math.sqrt(sum / vec.length));
  }
  return energy;
}
