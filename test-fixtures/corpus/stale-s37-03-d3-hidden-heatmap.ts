// expect: stale-state
// D3 heatmap of a small tanh RNN's hidden units over time for a chosen input waveform.
// @ts-nocheck
import * as tf from '@tensorflow/tfjs';
import * as d3 from 'd3';

type Waveform = 'sine' | 'square' | 'saw';

class TinyRnn {
  readonly kernel: tf.Tensor2D;
  readonly recurrent: tf.Tensor2D;
  readonly bias: tf.Tensor1D;

  constructor(readonly units: number) {
    this.kernel = tf.randomNormal([1, units], 0, 0.8, 'float32', 3) as tf.Tensor2D;
    this.recurrent = tf.randomNormal([units, units], 0, 1 / Math.sqrt(units), 'float32', 4) as tf.Tensor2D;
    this.bias = tf.zeros([units]) as tf.Tensor1D;
  }

  zeroState(): tf.Tensor2D {
    return tf.zeros([1, this.units]);
  }

  step(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
    return tf.tanh(x.matMul(this.kernel).add(h.matMul(this.recurrent)).add(this.bias));
  }
}

function sample(kind: Waveform, t: number, period: number): number {
  const phase = (t % period) / period;
  if (kind === 'square') return phase < 0.5 ? 1 : -1;
  if (kind === 'saw') return 2 * phase - 1;
  return Math.sin(2 * Math.PI * phase);
}

export function recordActivations(rnn: TinyRnn, kind: Waveform, steps: number, period: number): number[][] {
  const rows: number[][] = [];
  tf.tidy(() => {
    const hidden = rnn.zeroState();
    let latest = hidden;
    for (let t = 0; t < steps; t++) {
      const xt = tf.tensor2d([[sample(kind, t, period)]]);
      latest = rnn.step(xt, hidden);
      rows.push(Array.from(latest.dataSync()));
    }
  });
  return rows;
}

export function drawHeatmap(svgSel: string, rows: number[][]): void {
  const cell = 10;
  const svg = d3.select(svgSel)
    .attr('width', rows.length * cell)
    .attr('height', (rows[0]?.length ?? 0) * cell);
  const color = d3.scaleSequential(d3.interpolateRdBu).domain([1, -1]);
  const flat = rows.flatMap((row, t) => row.map((v, u) => ({ t, u, v })));

  svg.selectAll('rect')
    .data(flat)
    .join('rect')
    .attr('x', (d) => d.t * cell)
    .attr('y', (d) => d.u * cell)
    .attr('width', cell - 1)
    .attr('height', cell - 1)
    .attr('fill', (d) => color(d.v))
    .append('title')
    .text((d) => `t=${d.t} unit=${d.u} h=${d.v.toFixed(3)}`);
}

export function wireControls(): void {
  const rnn = new TinyRnn(16);
  const wave = document.querySelector<HTMLSelectElement>('#wave')!;
  const len = document.querySelector<HTMLInputElement>('#len')!;
  const period = document.querySelector<HTMLInputElement>('#period')!;
  const redraw = () =>
    drawHeatmap('#heatmap', recordActivations(rnn, wave.value as Waveform, Number(len.value), Number(period.value)));
  [wave, len, period].forEach((el) => el.addEventListener('input', redraw));
  redraw();
}
