// expect: none
// p5.js sketch: phase portrait of two chosen LSTM hidden units, with sliders for input frequency and a button to start a new sequence.
import * as tf from '@tensorflow/tfjs';
import p5 from 'p5';

const UNITS = 12;

function lstm(seed) {
  const W = tf.randomNormal([1, 4 * UNITS], 0, 0.8, 'float32', seed);
  const U = tf.randomNormal([UNITS, 4 * UNITS], 0, 0.5, 'float32', seed + 1);
  const b = tf.concat([tf.zeros([UNITS]), tf.ones([UNITS]), tf.zeros([2 * UNITS])]);
  return (x, h, c) => {
    const [i, f, g, o] = tf.split(x.matMul(W).add(h.matMul(U)).add(b), 4, 1);
    const cNext = tf.sigmoid(f).mul(c).add(tf.sigmoid(i).mul(tf.tanh(g)));
    const hNext = tf.sigmoid(o).mul(tf.tanh(cNext));
    return [hNext, cNext];
  };
}

new p5((s) => {
  const step = lstm(2024);
  let h, c, t, points;
  let freq, unitA, unitB, restart;

  function newSequence() {
    if (h) tf.dispose([h, c]);
    h = tf.zeros([1, UNITS]);
    c = tf.zeros([1, UNITS]);
    t = 0;
    points = [];
  }

  function advance() {
    const u = Math.sin(t * freq.value()) + 0.5 * Math.sin(t * freq.value() * 2.7);
    const [hNext, cNext] = tf.tidy(() => step(tf.tensor2d([[u]]), h, c));
    tf.dispose([h, c]);
    h = hNext;
    c = cNext;
    const vals = h.dataSync();
    points.push([vals[unitA.value()], vals[unitB.value()]]);
    if (points.length > 500) points.shift();
    t += 1;
  }

  s.setup = () => {
    s.createCanvas(480, 480);
    freq = s.createSlider(0.01, 0.5, 0.08, 0.01);
    unitA = s.createSlider(0, UNITS - 1, 0, 1);
    unitB = s.createSlider(0, UNITS - 1, 1, 1);
    restart = s.createButton('new sequence');
    restart.mousePressed(newSequence);
    freq.changed(newSequence);
    unitA.changed(() => { points = []; });
    unitB.changed(() => { points = []; });
    newSequence();
  };

  s.draw = () => {
    advance();
    s.background(255);
    s.stroke(220);
    s.line(s.width / 2, 0, s.width / 2, s.height);
    s.line(0, s.height / 2, s.width, s.height / 2);
    s.noFill();
    s.stroke(30, 90, 200);
    s.beginShape();
    for (const [a, b] of points) s.vertex(s.width / 2 + a * 220, s.height / 2 - b * 220);
    s.endShape();
    s.noStroke();
    s.fill(0);
    s.text(`t=${t}  units ${unitA.value()} vs ${unitB.value()}`, 10, 16);
  };
});
