// expect: tidy-disposed-state
// p5.js "typewriter" sketch: a char-level RNN writes one new character per frame onto the canvas.
import * as tf from '@tensorflow/tfjs';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz .,\n';
const HIDDEN = 48;
const weights = {};
let hidden;
let lastChar = ' ';
let typed = '';

function loadWeights(seed) {
  weights.Wxh = tf.randomNormal([ALPHABET.length, HIDDEN], 0, 0.5, 'float32', seed);
  weights.Whh = tf.randomNormal([HIDDEN, HIDDEN], 0, 1 / Math.sqrt(HIDDEN), 'float32', seed + 1);
  weights.bh = tf.zeros([HIDDEN]);
  weights.Why = tf.randomNormal([HIDDEN, ALPHABET.length], 0, 0.8, 'float32', seed + 2);
  weights.by = tf.zeros([ALPHABET.length]);
}

function sampleIndex(probs) {
  let r = random();
  for (let i = 0; i < probs.length; i++) {
    r -= probs[i];
    if (r <= 0) return i;
  }
  return probs.length - 1;
}

function setup() {
  createCanvas(720, 400);
  frameRate(20);
  textFont('monospace', 18);
  loadWeights(2024);
  hidden = tf.zeros([1, HIDDEN]);
}

function nextChar(temperature) {
  let index = 0;
  tf.tidy(() => {
    const x = tf.oneHot([ALPHABET.indexOf(lastChar)], ALPHABET.length).toFloat();
    const h = tf.tanh(tf.add(tf.add(tf.matMul(x, weights.Wxh), tf.matMul(hidden, weights.Whh)), weights.bh));
    const logits = tf.add(tf.matMul(h, weights.Why), weights.by);
    const probs = tf.softmax(tf.div(logits, temperature)).dataSync();
    index = sampleIndex(probs);
    hidden = h;
  });
  return ALPHABET[index];
}

function draw() {
  background(245, 240, 230);
  const ch = nextChar(map(mouseX, 0, width, 0.3, 1.5, true));
  lastChar = ch;
  typed += ch;
  if (typed.length > 600) typed = typed.slice(-600);

  fill(40);
  noStroke();
  text(typed, 20, 30, width - 40, height - 40);
  text(`${tf.memory().numTensors} tensors`, 20, height - 12);
}

function keyPressed() {
  if (key === 's') saveCanvas('typewriter', 'png');
}

Object.assign(globalThis, { setup, draw, keyPressed });
