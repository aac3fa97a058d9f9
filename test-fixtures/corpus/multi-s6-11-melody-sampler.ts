// expect: stale-state, stacked-activation
// Samples a drum-and-melody track note by note from a small LSTM, feeding each sampled pitch back in and predicting a velocity alongside it.
import * as tf from '@tensorflow/tfjs';

const VOCAB = 88;
const UNITS = 128;

interface LstmState {
  h: tf.Tensor2D;
  c: tf.Tensor2D;
}

interface NoteEvent {
  pitch: number;
  velocity: number;
}

const v = (shape: number[]) => tf.variable(tf.randomNormal(shape, 0, 0.04));
const W = v([VOCAB, 4 * UNITS]);
const U = v([UNITS, 4 * UNITS]);
const b = tf.variable(tf.zeros([4 * UNITS]));
const Wp = v([UNITS, VOCAB]);
const bp = tf.variable(tf.zeros([VOCAB]));
const Wv = v([UNITS, 1]);
const bv = tf.variable(tf.zeros([1]));

function lstmStep(x: tf.Tensor2D, s: LstmState): LstmState {
  const z = tf.add(tf.add(tf.matMul(x, W), tf.matMul(s.h, U)), b);
  const [i, f, g, o] = tf.split(z, 4, 1);
  const c: tf.Tensor2D = tf.add(tf.mul(tf.sigmoid(f), s.c), tf.mul(tf.sigmoid(i), tf.tanh(g)));
  const h: tf.Tensor2D = tf.mul(tf.sigmoid(o), tf.tanh(c));
  return { h, c };
}

export function sampleTrack(seedPitch: number, length: number, temperature = 1.0): NoteEvent[] {
  const zeroState: LstmState = { h: tf.zeros([1, UNITS]), c: tf.zeros([1, UNITS]) };
  let state = zeroState;
  let pitch = seedPitch;
  const track: NoteEvent[] = [];

  for (let i = 0; i < length; i++) {
    const x = tf.oneHot([pitch], VOCAB).toFloat() as tf.Tensor2D;
    const out = lstmStep(x, zeroState);

    const hidden2 = out.h.matMul(Wp).add(bp).relu();
    const probs = tf.softmax(tf.div(hidden2, temperature));
    const velocity = out.h.matMul(Wv).add(bv).sigmoid().mul(127);

    pitch = tf.multinomial(probs as tf.Tensor2D, 1, undefined, true).dataSync()[0];
    track.push({ pitch, velocity: Math.round(velocity.dataSync()[0]) });

    tf.dispose([x, hidden2, probs, velocity]);
    if (state !== zeroState) tf.dispose([state.h, state.c]);
    state = out;
  }
  return track;
}

export function toMidiLines(track: NoteEvent[], ticksPerNote = 120): string[] {
  let tick = 0;
  return track.map(({ pitch, velocity }) => {
    const line = `${tick}\tnote_on\t${pitch + 21}\t${velocity}`;
    tick += ticksPerNote;
    return line;
  });
}
