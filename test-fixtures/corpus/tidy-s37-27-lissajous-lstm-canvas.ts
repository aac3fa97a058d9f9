// expect: tidy-disposed-state
// Canvas visualisation: an untrained LSTM driven by a Lissajous input draws its 2-D readout and a bar strip of c each frame.
import * as tf from '@tensorflow/tfjs';

interface Weights { W: tf.Tensor2D; U: tf.Tensor2D; b: tf.Tensor1D; Wy: tf.Tensor2D; }

function randomWeights(units: number): Weights {
  return {
    W: tf.randomNormal([2, 4 * units], 0, 0.6, 'float32', 31) as tf.Tensor2D,
    U: tf.randomNormal([units, 4 * units], 0, 0.4, 'float32', 32) as tf.Tensor2D,
    b: tf.zeros([4 * units]) as tf.Tensor1D,
    Wy: tf.randomNormal([units, 2], 0, 0.8, 'float32', 33) as tf.Tensor2D,
  };
}

export class LstmCanvas {
  private h: tf.Tensor2D;
  private c: tf.Tensor2D;
  private t = 0;
  private trail: Array<[number, number]> = [];
  private running = false;

  constructor(private ctx: CanvasRenderingContext2D, private units: number, private w = randomWeights(units)) {
    this.h = tf.zeros([1, units]);
    this.c = tf.zeros([1, units]);
  }

  private frame(): [number, number] {
    const a = 3, b = 2;
    const u = tf.tensor2d([[Math.sin(a * this.t * 0.02), Math.sin(b * this.t * 0.02)]]);
    const prevH = this.h;
    const prevC = this.c;
    const y = tf.tidy(() => {
      const gates = u.matMul(this.w.W).add(prevH.matMul(this.w.U)).add(this.w.b);
      const [i, f, g, o] = tf.split(gates, 4, 1);
      const c = tf.sigmoid(f).mul(prevC).add(tf.sigmoid(i).mul(tf.tanh(g))) as tf.Tensor2D;
      const h = tf.sigmoid(o).mul(tf.tanh(c)) as tf.Tensor2D;
      this.h = h;
      this.c = c;
      return h.matMul(this.w.Wy);
    });
    tf.dispose([u, prevH, prevC]);
    const [x0, y0] = y.dataSync();
    y.dispose();
    this.t += 1;
    return [x0, y0];
  }

  private draw(point: [number, number]): void {
    const { ctx } = this;
    const { width, height } = ctx.canvas;
    this.trail.push(point);
    if (this.trail.length > 300) this.trail.shift();
    ctx.clearRect(0, 0, width, height);
    ctx.beginPath();
    this.trail.forEach(([px, py], k) => {
      const sx = width / 2 + px * width * 0.2;
      const sy = height / 2 - py * height * 0.2;
      if (k === 0) ctx.moveTo(sx, sy); else ctx.lineTo(sx, sy);
    });
    ctx.stroke();
    const cVals = this.c.dataSync();
    const barW = width / this.units;
    cVals.forEach((v, k) => {
      ctx.fillStyle = v > 0 ? '#e67e22' : '#2980b9';
      ctx.fillRect(k * barW, height - 4, barW - 1, -Math.min(Math.abs(v), 3) * 20);
    });
  }

  start(): void {
    this.running = true;
    const loop = () => {
      if (!this.running) return;
      this.draw(this.frame());
      requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  }

  stop(): void {
    this.running = false;
  }
}

export function mount(canvas: HTMLCanvasElement, unitsInput: HTMLInputElement): void {
  let vis = new LstmCanvas(canvas.getContext('2d')!, Number(unitsInput.value));
  vis.start();
  unitsInput.addEventListener('change', () => {
    vis.stop();
    vis = new LstmCanvas(canvas.getContext('2d')!, Number(unitsInput.value));
    vis.start();
  });
}
