// expect: none
// Prefetch helper: a useCursorPredictor hook watches pointer moves and guesses which link the user is heading for.
import * as tf from '@tensorflow/tfjs';

const store: { slots: unknown[]; i: number; effects: Array<() => void> } = { slots: [], i: 0, effects: [] };

function useRef<T>(init: () => T): { current: T } {
  const k = store.i++;
  if (store.slots[k] === undefined) store.slots[k] = { current: init() };
  return store.slots[k] as { current: T };
}

function useEffect(fn: () => void): void {
  store.effects.push(fn);
}

export function render<P, R>(hook: (p: P) => R, props: P): R {
  store.i = 0;
  const out = hook(props);
  store.effects.splice(0).forEach((fn) => fn());
  return out;
}

const UNITS = 16;

function gruWeights() {
  return {
    Wz: tf.randomNormal([4, UNITS], 0, 0.3, 'float32', 1),
    Uz: tf.randomNormal([UNITS, UNITS], 0, 0.3, 'float32', 2),
    Wn: tf.randomNormal([4, UNITS], 0, 0.3, 'float32', 3),
    Un: tf.randomNormal([UNITS, UNITS], 0, 0.3, 'float32', 4),
    Wo: tf.randomNormal([UNITS, 2], 0, 0.3, 'float32', 5),
  };
}

type GruWeights = ReturnType<typeof gruWeights>;

export function gruStep(w: GruWeights, x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  const z = tf.sigmoid(tf.add(tf.matMul(x, w.Wz), tf.matMul(h, w.Uz)));
  const n = tf.tanh(tf.add(tf.matMul(x, w.Wn), tf.matMul(h, w.Un)));
  return tf.add(tf.mul(tf.sub(1, z), h), tf.mul(z, n)) as tf.Tensor2D;
}

export interface PointerProps {
  sessionId: string;
  x: number;
  y: number;
  dx: number;
  dy: number;
}

export function useCursorPredictor({ sessionId, x, y, dx, dy }: PointerProps): [number, number] {
  const weights = useRef(gruWeights);
  const hidden = useRef<tf.Tensor2D>(() => tf.zeros([1, UNITS]));
  const activeSession = useRef(() => sessionId);
  const moves = useRef(() => 0);

  if (activeSession.current !== sessionId) {
    hidden.current.dispose();
    hidden.current = tf.zeros([1, UNITS]);
    activeSession.current = sessionId;
    moves.current = 0;
  }

  const target = tf.tidy(() => {
    const input = tf.tensor2d([[x, y, dx, dy]]);
    const hNew = gruStep(weights.current, input, hidden.current);
    const previous = hidden.current;
    hidden.current = tf.keep(hNew);
    previous.dispose();
    return tf.add(tf.matMul(hNew, weights.current.Wo), tf.tensor2d([[x, y]])).dataSync();
  });

  useEffect(() => {
    moves.current += 1;
  });

  return [target[0], target[1]];
}

export function trackPointer(sessionId: string, points: Array<[number, number]>): Array<[number, number]> {
  const guesses: Array<[number, number]> = [];
  for (let k = 1; k < points.length; k++) {
    const [x, y] = points[k];
    const [px, py] = points[k - 1];
    guesses.push(render(useCursorPredictor, { sessionId, x, y, dx: x - px, dy: y - py }));
  }
  return guesses;
}
