// expect: unused-hidden-state
// Pluggable recurrent cell registry: register cell factories by name and instantiate them from a config.
import * as tf from '@tensorflow/tfjs';

/** Configuration accepted by every registered cell factory. */
export interface CellConfig {
  inputSize: number;
  units: number;
  /** Standard deviation of the normal initializer. Defaults to 0.1. */
  initScale?: number;
  /** Seed for the initializers. Defaults to 7. */
  seed?: number;
}

/** Fully-resolved configuration handed to factories. */
export type ResolvedCellConfig = Required<CellConfig>;

/** Minimal contract for a recurrent cell with a single [batch, units] state. */
export interface RecurrentCell {
  readonly kind: string;
  readonly units: number;
  zeroState(batch: number): tf.Tensor2D;
  step(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D;
  trainableWeights(): tf.Variable[];
  dispose(): void;
}

export type CellFactory = (config: ResolvedCellConfig) => RecurrentCell;

/**
 * Name -> factory lookup. Registries are chainable so plugins can do
 * `registry.register('mine', f).register('other', g)`.
 */
export class CellRegistry {
  private readonly factories = new Map<string, CellFactory>();

  register(kind: string, factory: CellFactory): this {
    if (this.factories.has(kind)) {
      throw new Error(`Cell "${kind}" is already registered`);
    }
    this.factories.set(kind, factory);
    return this;
  }

  has(kind: string): boolean {
    return this.factories.has(kind);
  }

  kinds(): string[] {
    return [...this.factories.keys()];
  }

  create(kind: string, config: CellConfig): RecurrentCell {
    const factory = this.factories.get(kind);
    if (!factory) {
      throw new Error(`Unknown cell "${kind}". Registered: ${this.kinds().join(', ')}`);
    }
    return factory({
      inputSize: config.inputSize,
      units: config.units,
      initScale: config.initScale ?? 0.1,
      seed: config.seed ?? 7,
    });
  }
}

/** Elman cell: h' = tanh(x W + h U + b). */
class ElmanCell implements RecurrentCell {
  readonly kind = 'elman';
  readonly units: number;
  private readonly kernel: tf.Variable;
  private readonly recurrentKernel: tf.Variable;
  private readonly bias: tf.Variable;

  constructor(cfg: ResolvedCellConfig) {
    this.units = cfg.units;
    this.kernel = tf.variable(
      tf.randomNormal([cfg.inputSize, cfg.units], 0, cfg.initScale, 'float32', cfg.seed));
    this.recurrentKernel = tf.variable(
      tf.randomNormal([cfg.units, cfg.units], 0, cfg.initScale, 'float32', cfg.seed + 1));
    this.bias = tf.variable(tf.zeros([cfg.units]));
  }

  zeroState(batch: number): tf.Tensor2D {
    return tf.zeros([batch, this.units]);
  }

  step(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
    return tf.tidy(() => {
      const pre = tf.matMul(x, this.kernel).add(this.bias);
      pre.add(tf.matMul(h, this.recurrentKernel));
      return tf.tanh(pre) as tf.Tensor2D;
    });
  }

  trainableWeights(): tf.Variable[] {
    return [this.kernel, this.recurrentKernel, this.bias];
  }

  dispose(): void {
    this.trainableWeights().forEach(v => v.dispose());
  }
}

/** Shared default registry with the built-in cells. */
export const defaultRegistry = new CellRegistry()
  .register('elman', cfg => new ElmanCell(cfg));

/**
 * Runs `cell` over a [batch, time, features] tensor and returns the last state.
 */
export function encodeLast(cell: RecurrentCell, inputs: tf.Tensor3D): tf.Tensor2D {
  return tf.tidy(() => {
    let h = cell.zeroState(inputs.shape[0]);
    for (const xt of tf.unstack(inputs, 1) as tf.Tensor2D[]) {
      h = cell.step(xt, h);
    }
    return h;
  });
}
