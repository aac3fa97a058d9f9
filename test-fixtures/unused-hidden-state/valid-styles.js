// Correct JavaScript cells in other styles: a named RNNCell, a Layer whose call takes
// [x, ...states], states reached through slice(1) and rest elements, while / do / map unrolls.
const tf = require('@tensorflow/tfjs');
const { RNNCell, Layer } = tf.layers;

class SliceCell extends RNNCell {
  constructor(units) {
    super({});
    this.units = units;
    this.stateSize = [units, units];
    this.kernel = tf.variable(tf.randomNormal([4, 4 * units], 0, 0.1));
    this.recurrentKernel = tf.variable(tf.randomNormal([units, 4 * units], 0, 0.1));
  }

  call(inputs) {
    return tf.tidy(() => {
      const x = inputs[0];
      const [h, c] = inputs.slice(1);
      const z = x.matMul(this.kernel).add(h.matMul(this.recurrentKernel));
      const [i, f, g, o] = tf.split(z, 4, 1);
      const cNext = f.sigmoid().mul(c).add(i.sigmoid().mul(g.tanh()));
      const hNext = o.sigmoid().mul(cNext.tanh());
      return [hNext, hNext, cNext];
    });
  }

  static get className() {
    return 'SliceCell';
  }
}
tf.serialization.registerClass(SliceCell);

class RestLayer extends Layer {
  constructor(units) {
    super({});
    this.w = tf.variable(tf.randomNormal([4, units], 0, 0.1));
    this.u = tf.variable(tf.randomNormal([units, units], 0, 0.1));
  }

  call([x, ...states]) {
    const hidden = states[0];
    const next = tf.tanh(tf.add(tf.matMul(x, this.w), tf.matMul(hidden, this.u)));
    return [next, next];
  }

  static get className() {
    return 'RestLayer';
  }
}

const W = tf.variable(tf.randomNormal([4, 6], 0, 0.1));
const U = tf.variable(tf.randomNormal([6, 6], 0, 0.1));

function rnnStep(x, h) {
  return tf.tidy(() => tf.tanh(tf.add(tf.matMul(x, W), tf.matMul(h, U))));
}

function runWhile(xs) {
  let h = tf.zeros([1, 6]);
  let t = 0;
  while (t < xs.length) {
    h = rnnStep(xs[t], h);
    t += 1;
  }
  return h;
}

function runDo(xs) {
  let hidden = tf.zeros([1, 6]);
  let t = 0;
  do {
    hidden = rnnStep(xs[t], hidden);
    t++;
  } while (t < xs.length);
  return hidden;
}

function runMap(xs) {
  let h = tf.zeros([1, 6]);
  return xs.map((x) => {
    h = rnnStep(x, h);
    return h;
  });
}

// A residual update: the new state is the old one plus a correction.
function residualStep(x, state) {
  return state.add(tf.tanh(tf.matMul(x, W)).mul(0.1));
}

function runResidual(xs) {
  let state = tf.zeros([1, 6]);
  for (const x of xs) state = residualStep(x, state);
  return state;
}

// A state object read member by member, with a step counter beside the tensors.
const Wg = tf.variable(tf.randomNormal([4, 24], 0, 0.1));
const Ug = tf.variable(tf.randomNormal([6, 24], 0, 0.1));

function lstmStep(x, state) {
  const z = tf.matMul(x, Wg).add(tf.matMul(state.h, Ug));
  const [i, f, g, o] = tf.split(z, 4, 1);
  const c = f.sigmoid().mul(state.c).add(i.sigmoid().mul(g.tanh()));
  const h = o.sigmoid().mul(c.tanh());
  return { h, c, t: state.t + 1 };
}

function runObject(xs) {
  let state = { h: tf.zeros([1, 6]), c: tf.zeros([1, 6]), t: 0 };
  for (const x of xs) state = lstmStep(x, state);
  return state.h;
}

// The state object wrapped next to the output: `state` is the returned member, not a member of
// the incoming state (no `state.state` to look for).
function wrappedStep(x, state) {
  const z = tf.matMul(x, Wg).add(tf.matMul(state.h, Ug));
  const [i, f, g, o] = tf.split(z, 4, 1);
  const c = f.sigmoid().mul(state.c).add(i.sigmoid().mul(g.tanh()));
  const h = o.sigmoid().mul(c.tanh());
  return { y: h, state: { h, c } };
}

function runWrapped(xs) {
  let state = { h: tf.zeros([1, 6]), c: tf.zeros([1, 6]) };
  const ys = [];
  for (const x of xs) {
    const out = wrappedStep(x, state);
    ys.push(out.y);
    state = out.state;
  }
  return ys;
}

module.exports = { SliceCell, RestLayer, runWhile, runDo, runMap, runResidual, runObject, runWrapped };
