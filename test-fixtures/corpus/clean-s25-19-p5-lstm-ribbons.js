// expect: none
// p5.js sketch: an LSTM steers a coloured ribbon, one step per frame; clicking starts a fresh ribbon.
import * as tf from '@tensorflow/tfjs';

const UNITS = 24;
let params;
let state = null; // { h, c }
let ribbon = { x: 0, y: 0, angle: 0 };

function makeParams() {
  return {
    W: tf.randomNormal([2 + UNITS, 4 * UNITS], 0, 0.5, 'float32', 7),
    b: tf.zeros([4 * UNITS]),
    Wout: tf.randomNormal([UNITS, 4], 0, 0.7, 'float32', 8),
  };
}

function freshState() {
  return { h: tf.zeros([1, UNITS]), c: tf.zeros([1, UNITS]) };
}

function startRibbon(x, y) {
  if (state) tf.dispose([state.h, state.c]);
  state = freshState();
  ribbon = { x, y, angle: random(TWO_PI) };
}

function setup() {
  createCanvas(800, 600);
  background(12);
  params = makeParams();
  startRibbon(width / 2, height / 2);
}

function draw() {
  const prev = state;
  const outputs = tf.tidy(() => {
    const input = tf.tensor2d([[Math.cos(ribbon.angle), Math.sin(ribbon.angle)]]);
    const gates = tf.add(tf.matMul(tf.concat([input, prev.h], 1), params.W), params.b);
    const [i, f, g, o] = tf.split(gates, 4, 1);
    const c = tf.add(tf.mul(tf.sigmoid(f), prev.c), tf.mul(tf.sigmoid(i), tf.tanh(g)));
    const h = tf.mul(tf.sigmoid(o), tf.tanh(c));
    // the next frame needs h and c, so they have to survive this tidy
    state = { h: tf.keep(h), c: tf.keep(c) };
    return tf.tanh(tf.matMul(h, params.Wout)).dataSync();
  });
  tf.dispose([prev.h, prev.c]);

  const [turn, speed, hue, weight] = outputs;
  ribbon.angle += turn * 0.4;
  const nx = ribbon.x + Math.cos(ribbon.angle) * (2 + 3 * (speed + 1));
  const ny = ribbon.y + Math.sin(ribbon.angle) * (2 + 3 * (speed + 1));

  colorMode(HSB, 1);
  stroke((hue + 1) / 2, 0.7, 0.95, 0.6);
  strokeWeight(1 + 4 * (weight + 1));
  line(ribbon.x, ribbon.y, nx, ny);

  ribbon.x = (nx + width) % width;
  ribbon.y = (ny + height) % height;
}

function mousePressed() {
  startRibbon(mouseX, mouseY);
}

Object.assign(globalThis, { setup, draw, mousePressed });
