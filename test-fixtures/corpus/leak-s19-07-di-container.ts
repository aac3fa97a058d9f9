// expect: state-leak
// Tiny DI container wiring the next-purchase predictor and the HTTP handler that scores a user's clickstream.
import * as tf from '@tensorflow/tfjs';

type Factory<T> = (c: Container) => T;
type Scope = 'singleton' | 'transient';

export class Container {
  private factories = new Map<string, { factory: Factory<unknown>; scope: Scope }>();
  private singletons = new Map<string, unknown>();

  register<T>(token: string, factory: Factory<T>, scope: Scope = 'singleton'): this {
    this.factories.set(token, { factory, scope });
    return this;
  }

  resolve<T>(token: string): T {
    const entry = this.factories.get(token);
    if (!entry) throw new Error(`No provider for ${token}`);
    if (entry.scope === 'transient') return entry.factory(this) as T;
    if (!this.singletons.has(token)) this.singletons.set(token, entry.factory(this));
    return this.singletons.get(token) as T;
  }
}

export class Weights {
  readonly W: tf.Tensor2D;
  readonly U: tf.Tensor2D;
  readonly V: tf.Tensor2D;
  constructor(readonly inputDim: number, readonly units: number, seed = 4) {
    this.W = tf.randomNormal([inputDim, units], 0, 0.4, 'float32', seed);
    this.U = tf.randomNormal([units, units], 0, 0.4, 'float32', seed + 1);
    this.V = tf.randomNormal([units, 1], 0, 0.4, 'float32', seed + 2);
  }
}

export class ClickSession {
  private h: tf.Tensor2D | null = null;

  constructor(private readonly w: Weights) {}

  observe(features: number[]): void {
    const prev = this.h ?? tf.zeros([1, this.w.units]);
    const next = tf.tidy(() =>
      tf.tanh(tf.tensor2d([features]).matMul(this.w.W).add(prev.matMul(this.w.U))) as tf.Tensor2D
    );
    prev.dispose();
    this.h = next;
  }

  score(): number {
    if (!this.h) return 0.5;
    const h = this.h;
    return tf.tidy(() => tf.sigmoid(h.matMul(this.w.V)).dataSync()[0]);
  }
}

export function buildContainer(inputDim: number, units: number): Container {
  return new Container()
    .register('weights', () => new Weights(inputDim, units))
    .register('session', (c) => new ClickSession(c.resolve<Weights>('weights')));
}

export interface ScoreRequest {
  userId: string;
  clicks: number[][];
}

export async function handleScore(container: Container, req: ScoreRequest): Promise<{ userId: string; p: number }> {
  const session = container.resolve<ClickSession>('session');
  for (const click of req.clicks) {
    session.observe(click);
  }
  return { userId: req.userId, p: session.score() };
}

export async function serveBatch(container: Container, reqs: ScoreRequest[]) {
  const results = [];
  for (const r of reqs) results.push(await handleScore(container, r));
  return results;
}
