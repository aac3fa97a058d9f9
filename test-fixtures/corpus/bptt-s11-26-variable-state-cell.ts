// expect: bptt-cut
// Load forecaster whose cells keep their state on-device in a tf.Variable so serving and training share one code path.
import * as tf from '@tensorflow/tfjs';

export abstract class StatefulCell {
  protected readonly state: tf.Variable;

  constructor(readonly batch: number, readonly units: number) {
    this.state = tf.variable(tf.zeros([batch, units]), false);
  }

  reset(): void {
    this.state.assign(tf.zeros([this.batch, this.units]));
  }

  protected abstract transition(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D;

  step(x: tf.Tensor2D): tf.Tensor2D {
    const hNew = this.transition(x, this.state as tf.Tensor as tf.Tensor2D);
    this.state.assign(hNew);
    return hNew;
  }
}

export class ElmanLoadCell extends StatefulCell {
  readonly Wx: tf.Variable;
  readonly Wh: tf.Variable;

  constructor(batch: number, inputDim: number, units: number) {
    super(batch, units);
    this.Wx = tf.variable(tf.randomNormal([inputDim, units], 0, 0.4, 'float32', 61), true, 'load/Wx');
    this.Wh = tf.variable(tf.randomNormal([units, units], 0, 0.4, 'float32', 62), true, 'load/Wh');
  }

  protected override transition(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
    return tf.tanh(tf.add(tf.matMul(x, this.Wx), tf.matMul(h, this.Wh)));
  }
}

export class Forecaster {
  readonly Wo: tf.Variable;
  private readonly opt = tf.train.rmsprop(0.01);

  constructor(readonly cell: StatefulCell) {
    this.Wo = tf.variable(tf.randomNormal([cell.units, 1], 0, 0.4, 'float32', 63), true, 'load/Wo');
  }

  predict(window: tf.Tensor3D): tf.Tensor2D {
    const steps = tf.unstack(window, 1) as tf.Tensor2D[];
    let h: tf.Tensor2D | null = null;
    for (const x of steps) h = this.cell.step(x);
    return tf.matMul(h!, this.Wo);
  }

  trainStep(window: tf.Tensor3D, target: tf.Tensor2D): { loss: number; grads: tf.NamedTensorMap } {
    this.cell.reset();
    const { value, grads } = tf.variableGrads(() => tf.losses.meanSquaredError(target, this.predict(window)) as tf.Scalar);
    this.opt.applyGradients(grads);
    const loss = value.dataSync()[0];
    value.dispose();
    return { loss, grads };
  }
}

if (require.main === module) {
  const cell = new ElmanLoadCell(4, 2, 6);
  const model = new Forecaster(cell);
  const window = tf.randomUniform([4, 8, 2], 0, 1, 'float32', 5) as tf.Tensor3D;
  const target = tf.randomUniform([4, 1], 0, 1, 'float32', 6) as tf.Tensor2D;
  for (let i = 0; i < 10; i++) {
    const { loss, grads } = model.trainStep(window, target);
    if (i % 3 === 0) console.log(i, loss.toFixed(4), Object.keys(grads));
    tf.dispose(Object.values(grads));
  }
}
