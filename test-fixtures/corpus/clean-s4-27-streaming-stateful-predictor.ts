// expect: none
// Online heart-rate anomaly predictor fed one sample per socket message: a batch-1 stateful GRU model carries its state across push() calls on purpose (one session = one sequence) and is reset when a session opens or closes.
import * as tf from '@tensorflow/tfjs';

interface SocketLike {
  on(event: 'open' | 'close', cb: () => void): void;
  on(event: 'message', cb: (raw: string) => void): void;
  send(data: string): void;
}

export interface StreamOptions {
  modelUrl: string;
  threshold?: number;
  onAlert?: (t: number, expected: number, actual: number) => void;
}

export class StreamingPredictor {
  private model!: tf.LayersModel;
  private lastPrediction: number | null = null;
  private steps = 0;

  constructor(private readonly opts: StreamOptions) {}

  async init(): Promise<void> {
    const trained = await tf.loadLayersModel(this.opts.modelUrl);
    const m = tf.sequential();
    m.add(tf.layers.gru({ units: 32, stateful: true, batchInputShape: [1, 1, 2] }));
    m.add(tf.layers.dense({ units: 1 }));
    m.setWeights(trained.getWeights());
    trained.dispose();
    this.model = m;
  }

  /** Advance the running state by one sample; state intentionally persists between calls. */
  push(bpm: number, accel: number): number {
    const expected = this.lastPrediction;
    const y = tf.tidy(() => this.model.predict(tf.tensor3d([[[bpm / 200, accel]]])) as tf.Tensor);
    const next = y.dataSync()[0] * 200;
    y.dispose();
    if (expected !== null && Math.abs(expected - bpm) > (this.opts.threshold ?? 25)) {
      this.opts.onAlert?.(this.steps, expected, bpm);
    }
    this.lastPrediction = next;
    this.steps += 1;
    return next;
  }

  endSession(): void {
    this.model.resetStates();
    this.lastPrediction = null;
    this.steps = 0;
  }

  bind(socket: SocketLike): void {
    socket.on('open', () => this.endSession());
    socket.on('message', (raw) => {
      const msg = JSON.parse(raw) as { bpm: number; accel: number };
      const forecast = this.push(msg.bpm, msg.accel);
      socket.send(JSON.stringify({ forecast: Math.round(forecast) }));
    });
    socket.on('close', () => this.endSession());
  }
}

export async function serve(sockets: AsyncIterable<SocketLike>, opts: StreamOptions): Promise<void> {
  for await (const socket of sockets) {
    const predictor = new StreamingPredictor(opts);
    await predictor.init();
    predictor.bind(socket);
  }
}
