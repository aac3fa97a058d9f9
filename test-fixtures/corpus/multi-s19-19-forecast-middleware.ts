// expect: stacked-activation, state-leak
// Demand-forecast endpoint: a middleware chain validates the request, then the forecaster scores the store's recent history.
import * as tf from '@tensorflow/tfjs';

export type Ctx = {
  body: { storeId: string; history: number[][] };
  rows?: number[][];
  result?: { storeId: string; forecast: number };
};
type Next = () => Promise<void>;
export type Middleware = (ctx: Ctx, next: Next) => Promise<void>;

export class App {
  private chain: Middleware[] = [];
  use(mw: Middleware): this {
    this.chain.push(mw);
    return this;
  }
  handle(ctx: Ctx): Promise<Ctx> {
    const dispatch = (i: number): Promise<void> =>
      i < this.chain.length ? this.chain[i](ctx, () => dispatch(i + 1)) : Promise.resolve();
    return dispatch(0).then(() => ctx);
  }
}

export class DemandForecaster {
  private readonly W: tf.Tensor2D;
  private readonly U: tf.Tensor2D;
  private readonly b: tf.Tensor1D;
  private readonly V: tf.Tensor2D;
  private hidden: tf.Tensor2D;

  constructor(featureDim: number, readonly units: number, seed = 101) {
    this.W = tf.randomNormal([featureDim, units], 0, 0.5, 'float32', seed);
    this.U = tf.randomNormal([units, units], 0, 0.5, 'float32', seed + 1);
    this.b = tf.zeros([units]);
    this.V = tf.randomNormal([units, 1], 0, 0.5, 'float32', seed + 2);
    this.hidden = tf.zeros([1, units]);
  }

  private advance(row: number[]): void {
    const next = tf.tidy(() => {
      const hIn = tf.relu(this.hidden);
      const pre = tf.tensor2d([row]).matMul(this.W).add(hIn.matMul(this.U)).add(this.b);
      return tf.tanh(pre) as tf.Tensor2D;
    });
    this.hidden.dispose();
    this.hidden = next;
  }

  forecast(rows: number[][]): number {
    rows.forEach((r) => this.advance(r));
    return tf.tidy(() => this.hidden.matMul(this.V).dataSync()[0]);
  }
}

export function validate(): Middleware {
  return async (ctx, next) => {
    const { history } = ctx.body;
    if (!Array.isArray(history) || history.length === 0) throw new Error('history required');
    ctx.rows = history.map((r) => r.map((v) => (Number.isFinite(v) ? v : 0)));
    await next();
  };
}

export function forecastRoute(model: DemandForecaster): Middleware {
  return async (ctx, next) => {
    const rows = ctx.rows ?? ctx.body.history;
    ctx.result = { storeId: ctx.body.storeId, forecast: model.forecast(rows) };
    await next();
  };
}

export function createApp(featureDim = 3, units = 8): App {
  const model = new DemandForecaster(featureDim, units);
  return new App().use(validate()).use(forecastRoute(model));
}

export async function demo(): Promise<void> {
  const app = createApp();
  const history = [[1, 0.5, 0.2], [0.8, 0.4, 0.1], [1.2, 0.6, 0.3]];
  for (const storeId of ['north', 'south', 'north']) {
    const ctx = await app.handle({ body: { storeId, history } });
    console.log(storeId, ctx.result?.forecast.toFixed(5));
  }
}
