// expect: unused-hidden-state
// Minimal hook runtime plus a useGyroForecaster hook that predicts the next gyro reading on every render.
import * as tf from '@tensorflow/tfjs';

type Ref<T> = { current: T };

const slots: unknown[] = [];
let cursor = 0;
const pendingEffects: Array<() => void> = [];

function useRef<T>(init: () => T): Ref<T> {
  const i = cursor++;
  if (slots[i] === undefined) slots[i] = { current: init() };
  return slots[i] as Ref<T>;
}

function useState<T>(initial: T): [T, (next: T) => void] {
  const i = cursor++;
  if (slots[i] === undefined) slots[i] = { value: initial };
  const box = slots[i] as { value: T };
  return [box.value, (next: T) => { box.value = next; }];
}

function useEffect(fn: () => void): void {
  pendingEffects.push(fn);
}

export function render<P, R>(component: (props: P) => R, props: P): R {
  cursor = 0;
  const out = component(props);
  while (pendingEffects.length > 0) pendingEffects.shift()!();
  return out;
}

const AXES = 3;
const UNITS = 16;

export interface CellWeights {
  W: tf.Variable;
  U: tf.Variable;
  b: tf.Variable;
  Wo: tf.Variable;
  bo: tf.Variable;
}

export function makeWeights(): CellWeights {
  return {
    W: tf.variable(tf.randomNormal([AXES, UNITS], 0, 0.3, 'float32', 1)),
    U: tf.variable(tf.randomNormal([UNITS, UNITS], 0, 0.3, 'float32', 2)),
    b: tf.variable(tf.zeros([UNITS])),
    Wo: tf.variable(tf.randomNormal([UNITS, AXES], 0, 0.3, 'float32', 3)),
    bo: tf.variable(tf.zeros([AXES])),
  };
}

export function cellStep(
  w: CellWeights,
  x: tf.Tensor2D,
  h: tf.Tensor2D,
): { y: tf.Tensor2D; h: tf.Tensor2D } {
  return tf.tidy(() => {
    const pre = tf.add(tf.matMul(x, w.W), w.b);
    const mixed = tf.add(pre, tf.matMul(h, w.U));
    const hNext = tf.tanh(pre) as tf.Tensor2D;
    const y = tf.add(tf.matMul(hNext, w.Wo), w.bo) as tf.Tensor2D;
    return { y, h: hNext };
  });
}

export interface GyroProps {
  sample: [number, number, number];
}

export function useGyroForecaster(props: GyroProps): { next: number[]; seen: number } {
  const weights = useRef(makeWeights);
  const hidden = useRef<tf.Tensor2D>(() => tf.zeros([1, UNITS]));
  const [seen, setSeen] = useState(0);

  const x = tf.tensor2d([props.sample]);
  const { y, h } = cellStep(weights.current, x, hidden.current);
  x.dispose();

  useEffect(() => {
    hidden.current.dispose();
    hidden.current = h;
    setSeen(seen + 1);
  });

  const next = Array.from(y.dataSync());
  y.dispose();
  return { next, seen };
}

export function replay(samples: Array<[number, number, number]>): number[][] {
  const predictions: number[][] = [];
  for (const sample of samples) {
    const { next } = render(useGyroForecaster, { sample });
    predictions.push(next);
  }
  return predictions;
}
