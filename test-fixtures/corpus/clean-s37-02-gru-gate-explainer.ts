// expect: none
// Interactive explainer: runs a hand-written GRU over a user-typed bit string and records update/reset gates per step for display.
import * as tf from '@tensorflow/tfjs';

interface GruParams {
  Wz: tf.Tensor2D; Uz: tf.Tensor2D; bz: tf.Tensor1D;
  Wr: tf.Tensor2D; Ur: tf.Tensor2D; br: tf.Tensor1D;
  Wh: tf.Tensor2D; Uh: tf.Tensor2D; bh: tf.Tensor1D;
}

interface StepRecord { t: number; z: number[]; r: number[]; h: number[]; }

function initParams(inputSize: number, units: number): GruParams {
  const w = (shape: [number, number]) => tf.randomUniform(shape, -0.6, 0.6) as tf.Tensor2D;
  return {
    Wz: w([inputSize, units]), Uz: w([units, units]), bz: tf.zeros([units]) as tf.Tensor1D,
    Wr: w([inputSize, units]), Ur: w([units, units]), br: tf.zeros([units]) as tf.Tensor1D,
    Wh: w([inputSize, units]), Uh: w([units, units]), bh: tf.zeros([units]) as tf.Tensor1D,
  };
}

function gruStep(p: GruParams, x: tf.Tensor2D, h: tf.Tensor2D) {
  const z = tf.sigmoid(x.matMul(p.Wz).add(h.matMul(p.Uz)).add(p.bz)) as tf.Tensor2D;
  const r = tf.sigmoid(x.matMul(p.Wr).add(h.matMul(p.Ur)).add(p.br)) as tf.Tensor2D;
  const hTilde = tf.tanh(x.matMul(p.Wh).add(r.mul(h).matMul(p.Uh)).add(p.bh));
  const hNext = tf.sub(1, z).mul(h).add(z.mul(hTilde)) as tf.Tensor2D;
  return { z, r, hNext };
}

export function explain(bits: string, p: GruParams, units: number): StepRecord[] {
  const records: StepRecord[] = [];
  tf.tidy(() => {
    let h = tf.zeros([1, units]) as tf.Tensor2D;
    bits.split('').forEach((ch, t) => {
      const x = tf.tensor2d([[ch === '1' ? 1 : 0]]);
      const { z, r, hNext } = gruStep(p, x, h);
      records.push({
        t,
        z: Array.from(z.dataSync()),
        r: Array.from(r.dataSync()),
        h: Array.from(hNext.dataSync()),
      });
      h = hNext;
    });
  });
  return records;
}

function renderTable(el: HTMLElement, records: StepRecord[]): void {
  const fmt = (v: number[]) => v.map((n) => n.toFixed(2)).join(' ');
  el.innerHTML = records
    .map((r) => `<tr><td>${r.t}</td><td>${fmt(r.z)}</td><td>${fmt(r.r)}</td><td>${fmt(r.h)}</td></tr>`)
    .join('');
}

export function mount(root: HTMLElement): void {
  const input = root.querySelector<HTMLInputElement>('#bits')!;
  const unitsSel = root.querySelector<HTMLSelectElement>('#units')!;
  const table = root.querySelector<HTMLElement>('#trace tbody')!;
  let units = Number(unitsSel.value);
  let params = initParams(1, units);

  const rerun = () => renderTable(table, explain(input.value.replace(/[^01]/g, ''), params, units));

  unitsSel.addEventListener('change', () => {
    Object.values(params).forEach((t) => (t as tf.Tensor).dispose());
    units = Number(unitsSel.value);
    params = initParams(1, units);
    rerun();
  });
  input.addEventListener('input', rerun);
  rerun();
}
