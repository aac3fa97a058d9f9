// expect: returns-input-state
// Canvas explainer: an echo-state style RNN object that is stepped by a timer while its hidden trajectory is drawn.
import * as tf from '@tensorflow/tfjs';

function spectralScale(units, radius) {
  return tf.tidy(() => {
    const w = tf.randomNormal([units, units], 0, 1, 'float32', 99);
    return w.mul(radius / Math.sqrt(units));
  });
}

export const reservoir = {
  units: 30,
  leak: 0.3,
  Win: null,
  W: null,
  Wout: null,
  calls: 0,

  init() {
    this.Win = tf.randomUniform([1, this.units], -1, 1, 'float32', 7);
    this.W = spectralScale(this.units, 0.9);
    this.Wout = tf.randomNormal([this.units, 2], 0, 0.4, 'float32', 8);
    return this;
  },

  zeroState() {
    return tf.zeros([1, this.units]);
  },

  step(u, h) {
    return tf.tidy(() => {
      const pre = tf.tanh(u.matMul(this.Win).add(h.matMul(this.W)));
      const hNext = h.mul(1 - this.leak).add(pre.mul(this.leak));
      const xy = hNext.matMul(this.Wout);
      this.calls += 1;
      return { xy, h };
    });
  },
};

export function animate(canvas, slider) {
  const ctx = canvas.getContext('2d');
  reservoir.init();
  let h = reservoir.zeroState();
  let t = 0;
  const trail = [];

  function frame() {
    const drive = tf.tensor2d([[Math.sin(t * Number(slider.value))]]);
    const { xy, h: hNext } = reservoir.step(drive, h);
    drive.dispose();
    h = hNext;
    const [x, y] = xy.dataSync();
    xy.dispose();
    trail.push([x, y]);
    if (trail.length > 400) trail.shift();

    ctx.fillStyle = 'rgba(255,255,255,0.25)';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.strokeStyle = '#2a6';
    ctx.beginPath();
    trail.forEach(([px, py], i) => {
      const cx = canvas.width / 2 + px * 120;
      const cy = canvas.height / 2 + py * 120;
      if (i === 0) ctx.moveTo(cx, cy); else ctx.lineTo(cx, cy);
    });
    ctx.stroke();
    t += 1;
    requestAnimationFrame(frame);
  }

  slider.addEventListener('change', () => {
    h.dispose();
    h = reservoir.zeroState();
    trail.length = 0;
  });
  requestAnimationFrame(frame);
}
