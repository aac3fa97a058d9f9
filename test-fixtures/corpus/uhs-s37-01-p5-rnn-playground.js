// expect: unused-hidden-state
// p5.js playground: step a vanilla RNN cell one tick at a time on a sine input and draw its hidden units as bars.
import * as tf from '@tensorflow/tfjs';
import p5 from 'p5';

class ElmanCell {
  constructor(inputSize, units, seed = 7) {
    this.units = units;
    this.Wx = tf.variable(tf.randomNormal([inputSize, units], 0, 0.5, 'float32', seed));
    this.Wh = tf.variable(tf.randomNormal([units, units], 0, 0.5, 'float32', seed + 1));
    this.b = tf.variable(tf.zeros([units]));
  }

  step(input, hidden) {
    return tf.tidy(() => {
      const inPart = input.matMul(this.Wx);
      const recPart = inPart.matMul(this.Wh);
      return tf.tanh(inPart.add(recPart).add(this.b));
    });
  }

  zeroState() {
    return tf.zeros([1, this.units]);
  }

  dispose() {
    [this.Wx, this.Wh, this.b].forEach((v) => v.dispose());
  }
}

new p5((s) => {
  let unitsSlider, freqSlider, tickButton, resetButton;
  let cell, h, t = 0;
  const history = [];

  function rebuild() {
    if (cell) cell.dispose();
    if (h) h.dispose();
    cell = new ElmanCell(1, unitsSlider.value());
    h = cell.zeroState();
    t = 0;
    history.length = 0;
  }

  function tick() {
    const x = tf.tensor2d([[Math.sin(t * freqSlider.value())]]);
    const next = cell.step(x, h);
    x.dispose();
    h.dispose();
    h = next;
    history.push(Array.from(h.dataSync()));
    if (history.length > 60) history.shift();
    t += 1;
  }

  s.setup = () => {
    s.createCanvas(640, 360);
    unitsSlider = s.createSlider(2, 32, 8, 1);
    freqSlider = s.createSlider(0.05, 1, 0.3, 0.05);
    tickButton = s.createButton('step one tick');
    resetButton = s.createButton('reset');
    tickButton.mousePressed(tick);
    resetButton.mousePressed(rebuild);
    unitsSlider.changed(rebuild);
    rebuild();
  };

  s.draw = () => {
    s.background(250);
    s.noStroke();
    const latest = history[history.length - 1] || [];
    const w = s.width / Math.max(latest.length, 1);
    latest.forEach((v, i) => {
      s.fill(v > 0 ? s.color(220, 80, 60) : s.color(60, 90, 220));
      s.rect(i * w + 2, s.height / 2, w - 4, -v * 140);
    });
    s.fill(30);
    s.text(`t = ${t}   units = ${unitsSlider.value()}`, 10, 20);
  };
});
