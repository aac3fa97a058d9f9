// expect: tidy-disposed-state
// Chat-typing predictor behind a service locator: each websocket message advances that user's recurrent state.
import * as tf from '@tensorflow/tfjs';

export class ServiceLocator {
  private static services = new Map<string, unknown>();
  static provide<T>(key: string, svc: T): void {
    ServiceLocator.services.set(key, svc);
  }
  static get<T>(key: string): T {
    const svc = ServiceLocator.services.get(key);
    if (svc === undefined) throw new Error(`service ${key} not provided`);
    return svc as T;
  }
}

export class StateStore {
  private readonly byUser = new Map<string, tf.Tensor2D>();
  get(userId: string): tf.Tensor2D | undefined {
    return this.byUser.get(userId);
  }
  set(userId: string, h: tf.Tensor2D): void {
    const old = this.byUser.get(userId);
    if (old && old !== h) old.dispose();
    this.byUser.set(userId, h);
  }
  drop(userId: string): void {
    this.byUser.get(userId)?.dispose();
    this.byUser.delete(userId);
  }
}

export class KeystrokeModel {
  readonly W: tf.Tensor2D;
  readonly U: tf.Tensor2D;
  readonly V: tf.Tensor2D;
  constructor(readonly featureDim: number, readonly units: number, seed = 81) {
    this.W = tf.randomNormal([featureDim, units], 0, 0.4, 'float32', seed);
    this.U = tf.randomNormal([units, units], 0, 0.4, 'float32', seed + 1);
    this.V = tf.randomNormal([units, 1], 0, 0.4, 'float32', seed + 2);
  }
  zero(): tf.Tensor2D {
    return tf.zeros([1, this.units]);
  }
}

export interface Message {
  userId: string;
  features: number[];
}

export function onMessage(msg: Message): number {
  const store = ServiceLocator.get<StateStore>('stateStore');
  const model = ServiceLocator.get<KeystrokeModel>('keystrokeModel');
  const prob = tf.tidy(() => {
    const prev = store.get(msg.userId) ?? model.zero();
    const x = tf.tensor2d([msg.features]);
    const h = tf.tanh(x.matMul(model.W).add(prev.matMul(model.U))) as tf.Tensor2D;
    store.set(msg.userId, h);
    return tf.sigmoid(h.matMul(model.V));
  });
  const p = prob.dataSync()[0];
  prob.dispose();
  return p;
}

export function onDisconnect(userId: string): void {
  ServiceLocator.get<StateStore>('stateStore').drop(userId);
}

export function bootstrap(featureDim = 4, units = 12): void {
  ServiceLocator.provide('stateStore', new StateStore());
  ServiceLocator.provide('keystrokeModel', new KeystrokeModel(featureDim, units));
}
