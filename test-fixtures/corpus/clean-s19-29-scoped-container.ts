// expect: none
// DI container with request scopes: the model is a singleton, each scoring request gets its own recurrent session.
import * as tf from '@tensorflow/tfjs';

type Lifetime = 'singleton' | 'scoped';
type Provider<T> = (scope: Scope) => T;

export class Container {
  readonly providers = new Map<string, { make: Provider<unknown>; life: Lifetime }>();
  readonly singletons = new Map<string, unknown>();

  add<T>(token: string, make: Provider<T>, life: Lifetime = 'singleton'): this {
    this.providers.set(token, { make, life });
    return this;
  }

  createScope(): Scope {
    return new Scope(this);
  }
}

export class Scope {
  private readonly local = new Map<string, unknown>();
  private readonly disposers: Array<() => void> = [];
  constructor(private readonly root: Container) {}

  get<T>(token: string): T {
    const p = this.root.providers.get(token);
    if (!p) throw new Error(`no provider for ${token}`);
    const cache = p.life === 'singleton' ? this.root.singletons : this.local;
    if (!cache.has(token)) {
      const inst = p.make(this);
      cache.set(token, inst);
      const d = (inst as { dispose?: () => void }).dispose;
      if (p.life === 'scoped' && typeof d === 'function') this.disposers.push(() => d.call(inst));
    }
    return cache.get(token) as T;
  }

  end(): void {
    this.disposers.forEach((d) => d());
    this.local.clear();
  }
}

export class Encoder {
  readonly W: tf.Tensor2D;
  readonly U: tf.Tensor2D;
  readonly V: tf.Tensor2D;
  constructor(readonly inputDim: number, readonly units: number, seed = 191) {
    this.W = tf.randomNormal([inputDim, units], 0, 0.4, 'float32', seed);
    this.U = tf.randomNormal([units, units], 0, 0.4, 'float32', seed + 1);
    this.V = tf.randomNormal([units, 1], 0, 0.4, 'float32', seed + 2);
  }
}

export class Session {
  private h: tf.Tensor2D;
  constructor(private readonly enc: Encoder) {
    this.h = tf.zeros([1, enc.units]);
  }
  feed(row: number[]): this {
    const next = tf.tidy(() => tf.tanh(tf.tensor2d([row]).matMul(this.enc.W).add(this.h.matMul(this.enc.U))) as tf.Tensor2D);
    this.h.dispose();
    this.h = next;
    return this;
  }
  score(): number {
    return tf.tidy(() => tf.sigmoid(this.h.matMul(this.enc.V)).dataSync()[0]);
  }
  dispose(): void {
    this.h.dispose();
  }
}

export function buildContainer(inputDim: number, units: number): Container {
  return new Container()
    .add('encoder', () => new Encoder(inputDim, units))
    .add('session', (scope) => new Session(scope.get<Encoder>('encoder')), 'scoped');
}

export function handleRequest(root: Container, req: { userId: string; rows: number[][] }): Promise<{ userId: string; p: number }> {
  const scope = root.createScope();
  return Promise.resolve(scope.get<Session>('session'))
    .then((session) => req.rows.reduce((s, r) => s.feed(r), session))
    .then((session) => ({ userId: req.userId, p: session.score() }))
    .finally(() => scope.end());
}
