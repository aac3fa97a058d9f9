// expect: stacked-activation
// p5.js sketch: a tiny recurrent "pen" model draws one line segment per frame, like a doodling sketch-rnn.
import * as tf from '@tensorflow/tfjs';

const UNITS = 32;
let Wx, Wh, b, Wy, by;
let hidden;
let pen = { x: 0, y: 0, dx: 0, dy: 0 };

function initModel() {
  Wx = tf.randomNormal([3, UNITS], 0, 0.8, 'float32', 42);
  Wh = tf.randomNormal([UNITS, UNITS], 0, 1.2 / Math.sqrt(UNITS), 'float32', 43);
  b = tf.randomNormal([UNITS], 0, 0.1, 'float32', 44);
  Wy = tf.randomNormal([UNITS, 2], 0, 0.6, 'float32', 45);
  by = tf.zeros([2]);
  hidden = tf.zeros([1, UNITS]);
}

// One recurrent step of the pen model; returns [newHidden, penDelta].
function penStep(input, hPrev) {
  return tf.tidy(() => {
    const recurrent = tf.matMul(tf.tanh(hPrev), Wh);
    const h = tf.tanh(tf.add(tf.add(tf.matMul(input, Wx), recurrent), b));
    const delta = tf.tanh(tf.add(tf.matMul(h, Wy), by));
    return [h, delta];
  });
}

function setup() {
  createCanvas(640, 480);
  background(250);
  initModel();
  pen.x = width / 2;
  pen.y = height / 2;
}

function draw() {
  const input = tf.tensor2d([[pen.dx, pen.dy, Math.sin(frameCount / 30)]]);
  const [h, delta] = penStep(input, hidden);
  const [dx, dy] = delta.dataSync();
  tf.dispose([input, delta, hidden]);
  hidden = h;

  pen.dx = dx;
  pen.dy = dy;
  const nx = constrain(pen.x + dx * 12, 0, width);
  const ny = constrain(pen.y + dy * 12, 0, height);
  stroke(20, 20, 60, 180);
  strokeWeight(2);
  line(pen.x, pen.y, nx, ny);
  pen.x = nx;
  pen.y = ny;

  if (frameCount % 600 === 0) {
    background(250);
    hidden.dispose();
    hidden = tf.zeros([1, UNITS]);
  }
}

function keyPressed() {
  if (key === 's') saveCanvas('doodle', 'png');
}

// p5 global mode looks these up on window when the sketch is bundled as a module.
Object.assign(globalThis, { setup, draw, keyPressed });
