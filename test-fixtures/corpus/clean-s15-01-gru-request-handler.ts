// expect: none
// Express-style /forecast endpoint: runs a small GRU over the posted sensor window and returns the next reading.
import * as tf from '@tensorflow/tfjs';

interface ForecastRequest {
  body: { series?: number[][] };
}
interface JsonResponse {
  status(code: number): JsonResponse;
  json(payload: unknown): void;
}

const FEATURES = 3;
const UNITS = 8;

class GruCell {
  private readonly wx: tf.Tensor2D;
  private readonly wh: tf.Tensor2D;
  private readonly bias: tf.Tensor1D;

  constructor(inputSize: number, private readonly units: number, seed = 7) {
    this.wx = tf.randomNormal([inputSize, 3 * units], 0, 0.4, 'float32', seed) as tf.Tensor2D;
    this.wh = tf.randomNormal([units, 3 * units], 0, 0.4, 'float32', seed + 1) as tf.Tensor2D;
    this.bias = tf.zeros([3 * units]) as tf.Tensor1D;
  }

  zeroState(): tf.Tensor2D {
    return tf.zeros([1, this.units]) as tf.Tensor2D;
  }

  step(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
    return tf.tidy(() => {
      const [xz, xr, xn] = tf.split(x.matMul(this.wx).add(this.bias), 3, 1) as tf.Tensor2D[];
      const [hz, hr, hn] = tf.split(h.matMul(this.wh), 3, 1) as tf.Tensor2D[];
      const z = tf.sigmoid(xz.add(hz));
      const r = tf.sigmoid(xr.add(hr));
      const n = tf.tanh(xn.add(r.mul(hn)));
      // h' = (1 - z) * n + z * h
      return tf.onesLike(z).sub(z).mul(n).add(z.mul(h));
    });
  }
}

const cell = new GruCell(FEATURES, UNITS);
const wOut = tf.randomNormal([UNITS, 1], 0, 0.5, 'float32', 99) as tf.Tensor2D;
const bOut = tf.scalar(0.1);

function validate(series: unknown): series is number[][] {
  return (
    Array.isArray(series) &&
    series.length > 0 &&
    series.every((row) => Array.isArray(row) && row.length === FEATURES && row.every(Number.isFinite))
  );
}

export function handleForecast(req: ForecastRequest, res: JsonResponse): void {
  const series = req.body.series;
  if (!validate(series)) {
    res.status(400).json({ error: `series must be a non-empty list of ${FEATURES}-vectors` });
    return;
  }
  const started = Date.now();
  const prediction = tf.tidy(() => {
    let h = cell.zeroState();
    for (const row of series) {
      h = cell.step(tf.tensor2d([row]), h);
    }
    return h.matMul(wOut).add(bOut);
  });
  const [next] = Array.from(prediction.dataSync());
  prediction.dispose();
  res.status(200).json({ next, steps: series.length, ms: Date.now() - started });
}

function fakeResponse(tag: string): JsonResponse {
  let code = 200;
  const res: JsonResponse = {
    status(c: number) {
      code = c;
      return res;
    },
    json(payload: unknown) {
      console.log(`[${tag}] ${code}`, JSON.stringify(payload));
    },
  };
  return res;
}

if (require.main === module) {
  const window = Array.from({ length: 12 }, (_, t) => [Math.sin(t / 3), Math.cos(t / 3), t / 12]);
  handleForecast({ body: { series: window } }, fakeResponse('ok'));
  handleForecast({ body: { series: window.slice(4) } }, fakeResponse('short'));
  handleForecast({ body: {} }, fakeResponse('bad'));
  console.log('live tensors:', tf.memory().numTensors);
}
