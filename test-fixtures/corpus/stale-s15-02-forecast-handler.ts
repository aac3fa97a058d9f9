// expect: stale-state
// Fastify-style route handler that streams a step-by-step demand forecast for the posted hourly readings.
import * as tf from '@tensorflow/tfjs';

interface RouteRequest {
  params: { storeId: string };
  body: { readings: number[] };
}
interface RouteReply {
  code(status: number): RouteReply;
  send(payload: unknown): void;
}

const UNITS = 6;

class ElmanForecaster {
  readonly wx = tf.randomNormal([2, UNITS], 0, 0.6, 'float32', 11) as tf.Tensor2D;
  readonly wh = tf.randomNormal([UNITS, UNITS], 0, 0.6, 'float32', 12) as tf.Tensor2D;
  readonly b = tf.zeros([UNITS]) as tf.Tensor1D;
  readonly wy = tf.randomNormal([UNITS, 1], 0, 0.6, 'float32', 13) as tf.Tensor2D;

  initialState(): tf.Tensor2D {
    return tf.zeros([1, UNITS]) as tf.Tensor2D;
  }

  forward(x: tf.Tensor2D, hidden: tf.Tensor2D): [tf.Tensor2D, tf.Tensor2D] {
    return tf.tidy(() => {
      const hNext = tf.tanh(x.matMul(this.wx).add(hidden.matMul(this.wh)).add(this.b));
      const y = hNext.matMul(this.wy);
      return [y, hNext] as [tf.Tensor2D, tf.Tensor2D];
    });
  }
}

const model = new ElmanForecaster();

function normalise(readings: number[]): { scaled: number[]; scale: number } {
  const scale = Math.max(1, ...readings.map(Math.abs));
  return { scaled: readings.map((r) => r / scale), scale };
}

export async function forecastRoute(request: RouteRequest, reply: RouteReply): Promise<void> {
  const { readings } = request.body;
  if (!Array.isArray(readings) || readings.length < 2) {
    reply.code(422).send({ error: 'need at least two readings' });
    return;
  }
  const { scaled, scale } = normalise(readings);
  const hidden = model.initialState();
  const forecast: number[] = [];

  for (const [hour, value] of scaled.entries()) {
    const x = tf.tensor2d([[value, (hour % 24) / 24]]);
    const [y, hNext] = model.forward(x, hidden);
    const [v] = await y.data();
    forecast.push(Number((v * scale).toFixed(3)));
    tf.dispose([x, y]);
  }
  hidden.dispose();

  reply.code(200).send({ storeId: request.params.storeId, forecast });
}

async function demo(): Promise<void> {
  const reply: RouteReply = {
    code(status) {
      console.log('status', status);
      return reply;
    },
    send(payload) {
      console.log(JSON.stringify(payload));
    },
  };
  await forecastRoute({ params: { storeId: 'berlin-03' }, body: { readings: [5, 5, 5, 5, 5, 5] } }, reply);
  await forecastRoute({ params: { storeId: 'paris-11' }, body: { readings: [3, 9, 4, 12, 7] } }, reply);
}

if (require.main === module) {
  demo().catch((err) => {
    console.error(err);
    process.exitCode = 1;
  });
}
