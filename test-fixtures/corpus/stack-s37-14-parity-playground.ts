// expect: stacked-activation
// Playground: trains a GRU on the running-parity task with sliders for sequence length and units, plotting the loss curve.
import * as tf from '@tensorflow/tfjs';

interface PlaygroundConfig { seqLen: number; units: number; lr: number; }

function parityBatch(batch: number, seqLen: number): { x: tf.Tensor3D; y: tf.Tensor3D } {
  const xs: number[][][] = [];
  const ys: number[][][] = [];
  for (let b = 0; b < batch; b++) {
    let parity = 0;
    const xRow: number[][] = [];
    const yRow: number[][] = [];
    for (let t = 0; t < seqLen; t++) {
      const bit = Math.random() < 0.5 ? 1 : 0;
      parity ^= bit;
      xRow.push([bit]);
      yRow.push([parity]);
    }
    xs.push(xRow);
    ys.push(yRow);
  }
  return { x: tf.tensor3d(xs), y: tf.tensor3d(ys) };
}

function buildModel(cfg: PlaygroundConfig): tf.LayersModel {
  const input = tf.input({ shape: [cfg.seqLen, 1] });
  const seq = tf.layers.gru({ units: cfg.units, returnSequences: true }).apply(input) as tf.SymbolicTensor;
  const out = tf.layers.timeDistributed({
    layer: tf.layers.dense({ units: 1, activation: 'sigmoid' }),
  }).apply(seq) as tf.SymbolicTensor;
  return tf.model({ inputs: input, outputs: out });
}

export class ParityPlayground {
  private model: tf.LayersModel;
  private optimizer: tf.Optimizer;
  readonly losses: number[] = [];

  constructor(private cfg: PlaygroundConfig) {
    this.model = buildModel(cfg);
    this.optimizer = tf.train.adam(cfg.lr);
  }

  trainStep(batch = 32): number {
    const { x, y } = parityBatch(batch, this.cfg.seqLen);
    const loss = this.optimizer.minimize(() => {
      const pred = this.model.apply(x, { training: true }) as tf.Tensor3D;
      return tf.losses.sigmoidCrossEntropy(y, pred) as tf.Scalar;
    }, true)!;
    const value = loss.dataSync()[0];
    tf.dispose([x, y, loss]);
    this.losses.push(value);
    return value;
  }

  dispose(): void {
    this.model.dispose();
    this.optimizer.dispose();
  }
}

function plot(canvas: HTMLCanvasElement, losses: number[]): void {
  const ctx = canvas.getContext('2d')!;
  const max = Math.max(...losses, 1e-3);
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  ctx.beginPath();
  losses.forEach((l, i) => {
    const px = (i / Math.max(losses.length - 1, 1)) * canvas.width;
    const py = canvas.height - (l / max) * canvas.height;
    if (i === 0) ctx.moveTo(px, py); else ctx.lineTo(px, py);
  });
  ctx.stroke();
}

export function mount(form: HTMLFormElement, canvas: HTMLCanvasElement): void {
  let running = false;
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    if (running) return;
    running = true;
    const data = new FormData(form);
    const pg = new ParityPlayground({
      seqLen: Number(data.get('seqLen')),
      units: Number(data.get('units')),
      lr: Number(data.get('lr')),
    });
    for (let i = 0; i < 400 && running; i++) {
      pg.trainStep();
      if (i % 5 === 0) { plot(canvas, pg.losses); await tf.nextFrame(); }
    }
    pg.dispose();
    running = false;
  });
}
